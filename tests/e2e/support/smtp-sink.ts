/**
 * The e2e test SMTP server: a real SMTP server (the `smtp-server` package) on loopback that
 * writes every message it receives, as sent, to a folder as `.eml`. Started by the Playwright
 * webServer command before the app (which gets SMTP_URL pointing here); tests read the folder
 * through ./mailbox.ts.
 *
 *   tsx tests/e2e/support/smtp-sink.ts --port 2526 --dir .tmp/e2e-mail
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const port = Number(arg('--port'));
const dir = path.resolve(arg('--dir'));
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

let n = 0;
const server = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		const chunks: Buffer[] = [];
		stream.on('data', (c: Buffer) => chunks.push(c));
		stream.on('end', () => {
			const file = path.join(dir, `${Date.now()}-${String(++n).padStart(5, '0')}.eml`);
			// Written under a temporary name first, so a reader never sees half a message.
			fs.writeFileSync(`${file}.part`, Buffer.concat(chunks));
			fs.renameSync(`${file}.part`, file);
			callback();
		});
	}
});
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
