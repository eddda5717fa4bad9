/**
 * Outgoing mail: nodemailer to SMTP_URL, or — with no SMTP_URL, the embedded default — each
 * message as an .eml file in DATA_DIR/outbox, logged, so the two-command start works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import { log } from '../log';

export type MailAttachment = { filename: string; content: string | Buffer; contentType: string };
export type Mail = {
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments?: MailAttachment[];
	/** e.g. List-Unsubscribe (alerts). */
	headers?: Record<string, string>;
	/** Where replies go (a contact message: the sender). */
	replyTo?: string;
};

let transport: Transporter | undefined;
let transportFor: string | undefined;

function smtpTransport(url: string): Transporter {
	if (!transport || transportFor !== url) {
		transport = nodemailer.createTransport(url);
		transportFor = url;
	}
	return transport;
}

/** Send one message; returns its Message-ID. Throws when the SMTP server refuses it. */
export async function sendMail(mail: Mail): Promise<string> {
	const c = config();
	const message = {
		from: c.MAIL_FROM,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		html: mail.html,
		attachments: mail.attachments,
		headers: mail.headers,
		replyTo: mail.replyTo
	};
	if (c.SMTP_URL) {
		const info = await smtpTransport(c.SMTP_URL).sendMail(message);
		log().info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
		return info.messageId;
	}
	const outbox = path.join(c.dataDir, 'outbox');
	fs.mkdirSync(outbox, { recursive: true });
	const built = await nodemailer
		.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
		.sendMail(message);
	const file = path.join(
		outbox,
		`${new Date().toISOString().replace(/[:.]/g, '-')}-${built.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}.eml`
	);
	fs.writeFileSync(file, built.message as Buffer);
	log().info({ to: mail.to, subject: mail.subject, file }, 'mail written to outbox (no SMTP_URL)');
	return built.messageId;
}
