import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref, tr, translate, type MessageKey } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { translateMessage } from '$lib/server/messages';
import { renderMarkdown } from '$lib/server/minutes/markdown';
import {
	commentMinutesForm,
	correctMinutesForm,
	minutesPage,
	previewMinutesForm,
	saveMinutesForm
} from '$lib/server/minutes/minutes.queries';
import { MinutesConflict } from '$lib/server/minutes/minutes.service';
import { sendMinutesForReview } from '$lib/server/minutes/review.service';
import type { Actions, PageServerLoad } from './$types';

/** The status message each redirect flag shows. */
const flags: Record<string, MessageKey> = {
	bewaard: 'ws.minutes.flag.saved',
	gecorrigeerd: 'ws.minutes.flag.corrected',
	opmerking: 'ws.minutes.flag.comment',
	verstuurd: 'ws.minutes.flag.sent'
};

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const view = await orError(minutesPage(contextOf(event), event.params.id, locale));
	const flag = Object.keys(flags).find((f) => event.url.searchParams.has(f));
	const sent = event.url.searchParams.get('verstuurd');
	return {
		...view,
		message: flag
			? flag === 'verstuurd' && sent
				? sent === '1'
					? translate(locale, 'ws.minutes.flag.sentToOne')
					: translate(locale, 'ws.minutes.flag.sentTo', { count: sent })
				: translate(locale, flags[flag])
			: null,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: tr(view.body.name, locale), href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.minutes.crumb') }
		]
	};
};

const back = (event: RequestEvent<{ id: string }>, query: string, itemId?: string) =>
	redirect(
		303,
		localizeHref(
			`/beheer/vergaderingen/${event.params.id}/verslag?${query}${itemId ? `#punt-${itemId}` : ''}`,
			event.locals.locale
		)
	);

/**
 * A save or correction: a stale one comes back as a conflict with both texts (the writer's and
 * the stored one), so the page can offer the merge; nothing is lost.
 */
function write(kind: 'save' | 'correct') {
	return async (event: RequestEvent<{ id: string }>) => {
		const values = await formValues(event.request);
		const ctx = contextOf(event);
		const result = await formAction(values, async () => {
			try {
				return kind === 'save'
					? await saveMinutesForm(ctx, event.params.id, values)
					: await correctMinutesForm(ctx, event.params.id, values);
			} catch (e) {
				if (e instanceof MinutesConflict) return { conflict: e };
				throw e;
			}
		});
		if ('conflict' in result) {
			const { current, yours, message } = result.conflict;
			return fail(409, {
				message: translateMessage(event.locals.locale, message),
				conflict: {
					kind,
					itemId: String(values.itemId),
					reason: typeof values.reason === 'string' ? values.reason : '',
					yours,
					yoursHtml: renderMarkdown(yours),
					current: { ...current, html: renderMarkdown(current.body) }
				}
			});
		}
		if (!('version' in result)) return result;
		back(event, kind === 'save' ? 'bewaard' : 'gecorrigeerd', String(values.itemId));
	};
}

export const actions: Actions = {
	save: write('save'),
	correct: write('correct'),
	preview: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			previewMinutesForm(contextOf(event), event.params.id, values)
		);
		if (!('html' in result)) return result;
		return { preview: { ...result, baseVersion: String(values.baseVersion ?? '0') } };
	},
	comment: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			commentMinutesForm(contextOf(event), event.params.id, values)
		);
		if (!('id' in result)) return result;
		back(event, 'opmerking', result.agendaItemId);
	},
	sendReview: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			sendMinutesForReview(contextOf(event), event.params.id)
		);
		if (!('sent' in result)) return result;
		back(event, `verstuurd=${result.recipients}`);
	}
};
