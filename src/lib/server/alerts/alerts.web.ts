/**
 * The alert pages: /organen/<slug>/volgen (ask for alerts), /meldingen/bevestigen/<token> and
 * /meldingen/uitschrijven/<token>. The token pages only show a button on GET (a mail scanner
 * following the link changes nothing); the POST does it. The uitschrijven POST is also the target
 * of RFC 8058's one-click unsubscribe (`List-Unsubscribe=One-Click` in the body).
 * Token pages are never cached: what they show changes with the click.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '../../i18n';
import { isAppError } from '../errors';
import { formAction, formValues, load as orError } from '../http';
import { alertTopics } from '../db/schema';
import {
	alertBody,
	alertText,
	confirmAlerts,
	confirmationPage,
	requestAlerts,
	unsubscribe,
	unsubscribePage
} from './alerts.service';

type SlugEvent = RequestEvent<{ slug: string }>;
type TokenEvent = RequestEvent<{ token: string }>;

/** GET /organen/<slug>/volgen */
export async function followPage(event: SlugEvent) {
	const { db, locale } = event.locals;
	const body = await orError(alertBody(db, event.params.slug, locale));
	return { body, topics: alertTopics, requested: event.url.searchParams.has('aangevraagd') };
}

/** POST /organen/<slug>/volgen: the same answer whether the address was known or not. */
export async function followAction(event: SlugEvent) {
	const { db, locale } = event.locals;
	const body = await orError(alertBody(db, event.params.slug, locale));
	const values = await formValues(event.request);
	const result = await formAction(values, async () => {
		await requestAlerts(db, {
			body,
			values,
			clientAddress: event.getClientAddress(),
			locale
		});
		return { done: true as const };
	});
	if ('done' in result) {
		redirect(303, `${localizeHref(`/organen/${body.slug}/volgen`, locale)}?aangevraagd`);
	}
	return result;
}

const noStore = (event: RequestEvent) =>
	event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });

/** GET /meldingen/bevestigen/<token> */
export async function confirmPage(event: TokenEvent) {
	noStore(event);
	const { db, locale } = event.locals;
	const pending = await confirmationPage(db, event.params.token, locale);
	return { pending, invalid: pending ? null : alertText(locale).badConfirm };
}

/** POST /meldingen/bevestigen/<token> */
export async function confirmAction(event: TokenEvent) {
	const { db, locale } = event.locals;
	try {
		return { confirmed: await confirmAlerts(db, event.params.token, locale) };
	} catch (e) {
		if (isAppError(e)) return fail(e.status, { message: e.message });
		throw e;
	}
}

/** GET /meldingen/uitschrijven/<token> */
export async function unsubscribeFormPage(event: TokenEvent) {
	noStore(event);
	const { db, locale } = event.locals;
	const subscription = await unsubscribePage(db, event.params.token, locale);
	return { subscription, invalid: subscription ? null : alertText(locale).badUnsubscribe };
}

/** POST /meldingen/uitschrijven/<token> (the page's button and RFC 8058's one-click POST). */
export async function unsubscribeAction(event: TokenEvent) {
	const { db, locale } = event.locals;
	try {
		return { unsubscribed: await unsubscribe(db, event.params.token, locale) };
	} catch (e) {
		if (isAppError(e)) return fail(e.status, { message: e.message });
		throw e;
	}
}
