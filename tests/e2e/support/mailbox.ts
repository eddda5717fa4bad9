/** The messages the e2e test SMTP server (./smtp-sink.ts) received, parsed with mailparser. */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export const mailDir = path.resolve('.tmp/e2e-mail');

/** Wait for the newest message that satisfies `match` (10 s), else fail with what arrived. */
export async function waitForMail(
	match: (mail: ParsedMail) => boolean,
	what: string,
	timeout = 10_000
): Promise<ParsedMail> {
	const deadline = Date.now() + timeout;
	const seen: string[] = [];
	while (Date.now() < deadline) {
		const files = fs.existsSync(mailDir)
			? fs
					.readdirSync(mailDir)
					.filter((f) => f.endsWith('.eml'))
					.sort()
					.reverse()
			: [];
		seen.length = 0;
		for (const file of files) {
			const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
			seen.push(`${(mail.to && 'text' in mail.to ? mail.to.text : '?') ?? '?'}: ${mail.subject}`);
			if (match(mail)) return mail;
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no mail ${what} at the test SMTP server; received: ${seen.join(' | ')}`);
}

/** Whether the message is addressed to `address`. */
export const addressedTo = (mail: ParsedMail, address: string) =>
	[mail.to]
		.flat()
		.some((a) => a?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()));
