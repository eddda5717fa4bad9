/**
 * A real SMTP server (the `smtp-server` package) on loopback for tests; what arrives is parsed
 * with `mailparser`.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export async function startSmtp(
	opts: {
		/** Recipients this server refuses (a mail that fails), e.g. `(a) => a.startsWith('kapot@')`. */
		refuse?: (address: string) => boolean;
	} = {}
) {
	const received: ParsedMail[] = [];
	const waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (opts.refuse?.(address.address)) callback(new Error('550 mailbox unavailable'));
			else callback();
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push(mail);
					waiters.splice(0).forEach((w) => w());
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		/** Wait until `count` messages have arrived (or fail after 5 s). */
		async waitFor(count: number): Promise<ParsedMail[]> {
			const deadline = Date.now() + 5000;
			while (received.length < count) {
				if (Date.now() > deadline)
					throw new Error(`expected ${count} mails, got ${received.length}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 200);
				});
			}
			return received;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
