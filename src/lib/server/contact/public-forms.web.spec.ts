/**
 * The public forms through their +page.server.ts: a message (or a bot's honeypot) redirects to
 * the thanks; a burst answers 429 with the message in the visitor's language and stores nothing;
 * an unknown body is a 404; token pages are never cached and refuse a wrong token on POST.
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { contactMessages } from '../db/schema';
import { anonymous } from '../policy';
import { actions as contactActions } from '../../../routes/organen/[slug]/contact/+page.server';
import { actions as followActions } from '../../../routes/organen/[slug]/volgen/+page.server';
import {
	actions as confirmActions,
	load as confirmLoad
} from '../../../routes/meldingen/bevestigen/[token]/+page.server';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.ORIGIN = 'https://streek.voorbeeld.test';
});
afterAll(async () => {
	await smtp.close();
});
const t = useTestDatabase();
const TASKFORCE = 'taskforce-spitsregio-leuven';
const stored = async () => (await t.db.select({ n: count() }).from(contactMessages))[0].n;

function event(
	url: string,
	params: Record<string, string>,
	opts: { form?: Record<string, string>; ip?: string; locale?: 'nl' | 'en' } = {}
) {
	let request = new Request(`http://localhost${url}`);
	if (opts.form) {
		const body = new FormData();
		for (const [k, v] of Object.entries(opts.form)) body.append(k, v);
		request = new Request(`http://localhost${url}`, { method: 'POST', body });
	}
	const headers: Record<string, string> = {};
	return {
		headers,
		event: {
			locals: { db: t.db, requestId: 'test', locale: opts.locale ?? 'nl', principal: anonymous },
			params,
			url: new URL(`http://localhost${url}`),
			request,
			getClientAddress: () => opts.ip ?? '203.0.113.1',
			setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
		} as never
	};
}

async function outcome(fn: () => unknown) {
	try {
		return await fn();
	} catch (e) {
		return e;
	}
}

const message = (over: Record<string, string> = {}) => ({
	name: 'An',
	email: 'an@voorbeeld.test',
	subject: 'Vraag',
	message: 'Hallo',
	...over
});

describe('the contact form route', () => {
	const post = (form: Record<string, string>, ip: string, locale: 'nl' | 'en' = 'nl') =>
		outcome(() =>
			contactActions.default(
				event(`/organen/${TASKFORCE}/contact`, { slug: TASKFORCE }, { form, ip, locale }).event
			)
		);

	it('redirects to the thanks after a message, and after a honeypot (storing nothing)', async () => {
		const sent = await post(message(), '203.0.113.10');
		expect(isRedirect(sent) && sent.location).toBe(`/organen/${TASKFORCE}/contact?verzonden`);
		const before = await stored();
		const bot = await post(message({ website: 'x' }), '203.0.113.10');
		expect(isRedirect(bot) && bot.location).toBe(`/organen/${TASKFORCE}/contact?verzonden`);
		expect(await stored()).toBe(before);
		const en = await post(message(), '203.0.113.11', 'en');
		expect(isRedirect(en) && en.location).toBe(`/en/organen/${TASKFORCE}/contact?verzonden`);
	});

	it('answers a burst with 429 and a clear message, storing nothing more', async () => {
		for (let i = 0; i < 3; i++) await post(message(), '203.0.113.20');
		const before = await stored();
		const refused = await post(message(), '203.0.113.20');
		expect(isActionFailure(refused)).toBe(true);
		const failure = refused as { status: number; data: { message: string } };
		expect(failure.status).toBe(429);
		expect(failure.data.message).toContain('U hebt te veel berichten na elkaar verstuurd.');
		const en = (await post(message(), '203.0.113.20', 'en')) as typeof failure;
		expect(en.data.message).toContain('You have sent too many messages in a row.');
		expect(await stored()).toBe(before);
	});

	it('answers an empty form with 400 and field messages, and an unknown body with 404', async () => {
		const empty = (await post({}, '203.0.113.30')) as {
			status: number;
			data: { fields: Record<string, string[]> };
		};
		expect(empty.status).toBe(400);
		expect(Object.keys(empty.data.fields).sort()).toEqual(['email', 'message', 'name', 'subject']);
		const unknown = await outcome(() =>
			contactActions.default(
				event('/organen/bestaat-niet/contact', { slug: 'bestaat-niet' }, { form: message() }).event
			)
		);
		expect(isHttpError(unknown) && unknown.status).toBe(404);
	});
});

describe('the alert routes', () => {
	it('refuses a bad follow request with 400', async () => {
		const r = (await followActions.default(
			event(
				`/organen/${TASKFORCE}/volgen`,
				{ slug: TASKFORCE },
				{ form: { email: 'x', topics: 'news' } }
			).event
		)) as { status: number; data: { fields: Record<string, string[]> } };
		expect(r.status).toBe(400);
		expect(r.data.fields.email).toBeDefined();
	});

	it('never caches a token page, and refuses a wrong token on POST', async () => {
		const { event: get, headers } = event('/meldingen/bevestigen/onbekend-onbekend-onbekend', {
			token: 'onbekend-onbekend-onbekend'
		});
		const page = (await confirmLoad(get)) as { pending: unknown; invalid: string };
		expect(page.pending).toBeNull();
		expect(page.invalid).toContain('ongeldig, verlopen of al gebruikt');
		expect(headers['cache-control']).toBe('private, no-store');
		const posted = await confirmActions.default(
			event(
				'/meldingen/bevestigen/onbekend-onbekend-onbekend',
				{ token: 'onbekend-onbekend-onbekend' },
				{ form: {} }
			).event
		);
		expect(isActionFailure(posted) && posted.status).toBe(404);
	});
});
