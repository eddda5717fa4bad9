/**
 * A real SMTP server (the `smtp-server` package) on loopback for tests; what arrives is parsed
 * with `mailparser`.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

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

/** The first recipient's address of a received mail. */
export const recipientOf = (mail: ParsedMail) =>
	(Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;

/**
 * A real SMTP server for the specs of one file: started before them with the app's mail settings
 * pointed at it (SMTP_URL, MAIL_FROM, and ORIGIN for the links in mails), closed after them.
 */
export function useSmtp(opts: Parameters<typeof startSmtp>[0] = {}) {
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeAll(async () => {
		smtp = await startSmtp(opts);
		process.env.SMTP_URL = smtp.url;
		process.env.MAIL_FROM = 'Streekplatform test <test@voorbeeld.test>';
		process.env.ORIGIN = 'https://streek.voorbeeld.test';
	});
	afterAll(() => smtp.close());
	return {
		get received() {
			return smtp.received;
		},
		waitFor: (count: number) => smtp.waitFor(count),
		/** The mails received for `email`, in order. */
		mailsTo: (email: string) => smtp.received.filter((m) => recipientOf(m) === email)
	};
}
