/**
 * The workspace page "Advies doorsturen" of a meeting: the items, their decisions, the linked
 * bodies and the meeting's documents for the form (managers), and the trails that touch this
 * meeting's items (members). A fixed number of queries.
 */
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { bodies, documents } from '../db/schema';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { linkedBodies } from '../bodies/links';
import { decisionReference, decisionsFor } from '../meetings/decisions.service';
import { meetingTitle, numberAgenda } from '../meetings/agenda';
import { loadMeeting } from '../meetings/meetings.service';
import { itemsOf } from '../meetings/queries';
import { authorize, can } from '../policy';
import { itemTrails } from './trail.queries';

export async function forwardPage(ctx: ServiceContext, meetingId: string, locale: Locale = 'nl') {
	const meeting = await loadMeeting(ctx.db, meetingId);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	const manage = can(ctx.principal, 'body:manage', { bodyId: meeting.bodyId });
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const items = numberAgenda(
		(await itemsOf(ctx.db, [meeting.id])).get(meeting.id) ?? [],
		meeting.startsAt
	);
	const trails = await itemTrails(
		ctx.db,
		items.map((i) => i.id),
		'members'
	);
	const [meetingDecisions, docs, linked] = manage
		? await Promise.all([
				decisionsFor(ctx.db, { meetingId: meeting.id }),
				ctx.db
					.select({
						id: documents.id,
						title: documents.title,
						agendaItemId: documents.agendaItemId
					})
					.from(documents)
					.where(eq(documents.meetingId, meeting.id))
					.orderBy(asc(documents.title)),
				linkedBodies(ctx.db, meeting.bodyId)
			])
		: [[], [], []];
	const numberOf = new Map(items.map((i) => [i.id, i.number]));
	/** " (punt 2)": the item a decision or document belongs to. */
	const itemRef = (itemId: string | null) =>
		itemId
			? ` ${translate(locale, 'ws.minutes.forward.itemRef', { number: numberOf.get(itemId) ?? '?' })}`
			: '';
	// One trail per advice, in the order of the agenda.
	const seen = new Set<string>();
	const meetingTrails = items
		.map((i) => trails.get(i.id))
		.filter(
			(t): t is NonNullable<typeof t> => !!t && !seen.has(t.adviceId) && !!seen.add(t.adviceId)
		);
	return {
		meeting: {
			id: meeting.id,
			status: meeting.status,
			displayTitle: meetingTitle(meeting, tr(body.name, locale), (d) =>
				formatDate(d, locale, 'long')
			)
		},
		body,
		manage,
		items: items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}`, title: i.title })),
		decisions: meetingDecisions.map((d) => ({
			value: d.id,
			label: `${decisionReference(d)} ${d.title}${itemRef(d.agendaItemId)}`
		})),
		bodies: linked.map((b) => ({ value: b.id, label: tr(b.name, locale) })),
		documents: docs.map((d) => ({
			value: d.id,
			label: `${d.title}${itemRef(d.agendaItemId)}`
		})),
		trails: meetingTrails
	};
}
