/**
 * Advice notifications: Y's members when an advice arrives; X's secretaries when Y's outcome
 * comes back. Each goes out once per hop and user (deliver.ts).
 */
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { config } from '../config';
import type { ServiceContext } from '../context';
import { adviceHops, advices, bodies } from '../db/schema';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { absoluteLink } from '../mail/templates';
import { bodyRecipients, deliverOnce } from './deliver';

/** The workspace page of an advice's trail. */
export const advicePath = (adviceId: string) => `/beheer/adviezen/${adviceId}`;
/** A body's advice inbox in the workspace. */
export const inboxPath = (bodySlug: string) => `/beheer/organen/${bodySlug}/adviezen`;

async function hopWithNames(ctx: ServiceContext, hopId: string) {
	const from = alias(bodies, 'from_body');
	const to = alias(bodies, 'to_body');
	const [row] = await ctx.db
		.select({
			hop: adviceHops,
			title: advices.title,
			from: { id: from.id, slug: from.slug, name: from.name },
			to: { id: to.id, slug: to.slug, name: to.name }
		})
		.from(adviceHops)
		.innerJoin(advices, eq(advices.id, adviceHops.adviceId))
		.innerJoin(from, eq(from.id, adviceHops.fromBodyId))
		.innerJoin(to, eq(to.id, adviceHops.toBodyId))
		.where(eq(adviceHops.id, hopId));
	return row;
}

/** Members of the receiving body: an advice arrived in their inbox. */
export async function notifyAdviceArrived(ctx: ServiceContext, hopId: string) {
	const row = await hopWithNames(ctx, hopId);
	if (!row) return { sent: 0, failed: 0, skipped: 0 };
	const origin = config().origin;
	return deliverOnce(
		ctx.db,
		{
			kind: 'advice_arrived',
			subjectKey: hopId,
			preference: 'advice',
			subject: (r) =>
				translate(r.locale, 'ws.mail.adviceArrived.subject', {
					from: tr(row.from.name, r.locale),
					title: row.title
				}),
			blocks: (r) => [
				{
					text: translate(r.locale, 'ws.mail.adviceArrived.body', {
						from: tr(row.from.name, r.locale),
						to: tr(row.to.name, r.locale),
						title: row.title
					})
				},
				{ text: row.hop.text },
				{
					link: absoluteLink(inboxPath(row.to.slug), r.locale, origin),
					label: translate(r.locale, 'ws.mail.adviceArrived.link', {
						body: tr(row.to.name, r.locale)
					})
				}
			]
		},
		await bodyRecipients(ctx.db, row.to.id)
	);
}

/** Secretaries of the sending body: the outcome of their advice came back. */
export async function notifyAdviceOutcome(ctx: ServiceContext, hopId: string) {
	const row = await hopWithNames(ctx, hopId);
	if (!row?.hop.outcome) return { sent: 0, failed: 0, skipped: 0 };
	const origin = config().origin;
	const word = (locale: Locale) =>
		translate(locale, `adviceOutcome.${row.hop.outcome!}`).toLowerCase();
	return deliverOnce(
		ctx.db,
		{
			kind: 'advice_outcome',
			subjectKey: hopId,
			preference: 'advice',
			subject: (r) =>
				translate(r.locale, 'ws.mail.adviceOutcome.subject', {
					title: row.title,
					outcome: word(r.locale)
				}),
			blocks: (r) => [
				{
					text: translate(r.locale, 'ws.mail.adviceOutcome.body', {
						to: tr(row.to.name, r.locale),
						from: tr(row.from.name, r.locale),
						title: row.title,
						outcome: word(r.locale),
						day: formatDate(row.hop.settledAt!, r.locale, 'long')
					})
				},
				...(row.hop.outcomeText ? [{ text: row.hop.outcomeText }] : []),
				{
					link: absoluteLink(advicePath(row.hop.adviceId), r.locale, origin),
					label: translate(r.locale, 'ws.mail.adviceOutcome.link')
				}
			]
		},
		await bodyRecipients(ctx.db, row.from.id, { roles: ['secretary'] })
	);
}
