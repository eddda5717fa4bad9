/**
 * The contact pages: /contact (the partnership's secretariat, from the site settings) and
 * /organen/<slug>/contact (a body's, from its contact details), and the workspace's messages
 * (/beheer/contact). A message sent (or caught by the honeypot: the same answer) redirects to the
 * page with `?verzonden`, so reloading does not send it again.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDateTime, localizeHref, tr, translate } from '../../i18n';
import { contextOf, formAction, formValues, load as orError } from '../http';
import { getSiteSettings } from '../settings/settings.service';
import { CONTACT_LIMITS, HONEYPOT } from './contact.schema';
import {
	bodySecretariat,
	listContactMessages,
	partnershipSecretariat,
	sendContactMessage,
	setHandled,
	type Secretariat
} from './contact.service';

async function secretariatOf(event: RequestEvent): Promise<Secretariat> {
	const { db, locale } = event.locals;
	const slug = (event.params as { slug?: string }).slug;
	if (slug) return orError(bodySecretariat(db, slug, locale));
	return partnershipSecretariat(await getSiteSettings(db));
}

const pathOf = (s: Secretariat) => (s.body ? `/organen/${s.body.slug}/contact` : '/contact');

/** GET: the secretariat's details and the form. Nothing here depends on the visitor. */
export async function contactPage(event: RequestEvent) {
	const secretariat = await secretariatOf(event);
	return {
		secretariat,
		limits: CONTACT_LIMITS,
		honeypot: HONEYPOT,
		sent: event.url.searchParams.has('verzonden')
	};
}

/** POST: take the message (see contact.service.ts), then back to the page with the thanks. */
export async function contactAction(event: RequestEvent) {
	const secretariat = await secretariatOf(event);
	const values = await formValues(event.request);
	const result = await formAction(values, () =>
		sendContactMessage(event.locals.db, {
			secretariat,
			values,
			clientAddress: event.getClientAddress(),
			locale: event.locals.locale
		})
	);
	if (result && 'status' in result && (result.status === 'sent' || result.status === 'ignored')) {
		redirect(303, `${localizeHref(pathOf(secretariat), event.locals.locale)}?verzonden`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// The workspace

/** GET /beheer/contact: the messages of the secretariats the user runs. */
export async function contactMessagesPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const rows = await listContactMessages(ctx);
	return {
		messages: rows.map((m) => ({
			id: m.id,
			name: m.name,
			email: m.email,
			subject: m.subject,
			message: m.message,
			language: translate(ctx.locale, m.locale === 'en' ? 'ws.common.en' : 'ws.common.nl'),
			to: m.body?.id
				? tr(m.body.name, ctx.locale)
				: translate(ctx.locale, 'ws.content.contact.partnership'),
			bodySlug: m.body?.slug ?? null,
			received: formatDateTime(m.createdAt, ctx.locale),
			mailed: m.mailedAt !== null,
			handled: m.handledAt ? formatDateTime(m.handledAt, ctx.locale) : null
		}))
	};
}

/** POST ?/handled and ?/reopen: the service checks who may (404 otherwise) before the form. */
export function handledAction(handled: boolean) {
	return async (event: RequestEvent) => {
		const ctx = contextOf(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () => setHandled(ctx, values.id, handled));
		if (result && 'id' in result) return { saved: handled ? 'handled' : 'reopened' };
		return result;
	};
}
