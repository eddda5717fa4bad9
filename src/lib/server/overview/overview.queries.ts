/**
 * The cross-body overview for staff: for every active body its next meeting, the advice waiting
 * in its inbox (pending and placed) and its held meetings without minutes. Four queries whatever
 * the number of bodies, meetings and advice.
 */
import { and, asc, count, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { adviceHops, areas, bodies, meetings, type MeetingStatus } from '../db/schema';
import { formatDate, tr } from '../../i18n';
import { meetingTitle } from '../meetings/agenda';
import { statusLabels } from '../meetings/meetings.service';
import { authorize } from '../policy';
import { lacksMinutes } from '../notifications/minutes-reminder';

export type OverviewRow = {
	id: string;
	slug: string;
	name: string;
	region: string | null;
	/** The next meeting (not cancelled, not over); its title falls back to "<body> — <date>". */
	next: {
		id: string;
		title: string;
		startsAt: Date;
		status: MeetingStatus;
		statusLabel: string;
	} | null;
	/** Advice in the body's inbox: pending = not on a meeting yet; placed = on one, no outcome. */
	advice: { pending: number; placed: number };
	/** Held meetings without minutes (held, or a minutes draft without any text). */
	withoutMinutes: { count: number; oldest: { id: string; title: string; startsAt: Date } } | null;
};

/**
 * Every active body with its next meeting, open advice and meetings without minutes; names, titles
 * and dates in the locale of the request (`statusLabel` stays Dutch: pages use `status`).
 */
export async function staffOverview(ctx: ServiceContext, now = new Date()): Promise<OverviewRow[]> {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const db = ctx.db;
	const [bodyRows, nextRows, adviceRows, minutesRows] = await Promise.all([
		db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, region: areas.name })
			.from(bodies)
			.leftJoin(areas, eq(areas.id, bodies.regionId))
			.where(isNull(bodies.archivedAt)),
		// The next meeting of each body: not cancelled, not over yet.
		db
			.selectDistinctOn([meetings.bodyId], {
				bodyId: meetings.bodyId,
				id: meetings.id,
				title: meetings.title,
				startsAt: meetings.startsAt,
				status: meetings.status
			})
			.from(meetings)
			.where(
				and(inArray(meetings.status, ['draft', 'agenda_published']), gte(meetings.endsAt, now))
			)
			.orderBy(asc(meetings.bodyId), asc(meetings.startsAt), asc(meetings.id)),
		// Open advice per receiving body: pending (not placed) and placed (on a meeting, no outcome).
		db
			.select({
				bodyId: adviceHops.toBodyId,
				pending: count(sql`case when ${adviceHops.placedItemId} is null then 1 end`),
				placed: count(sql`case when ${adviceHops.placedItemId} is not null then 1 end`)
			})
			.from(adviceHops)
			.where(isNull(adviceHops.outcome))
			.groupBy(adviceHops.toBodyId),
		// The oldest held meeting without minutes of each body, with how many there are.
		db
			.selectDistinctOn([meetings.bodyId], {
				bodyId: meetings.bodyId,
				id: meetings.id,
				title: meetings.title,
				startsAt: meetings.startsAt,
				count: sql<number>`count(*) over (partition by ${meetings.bodyId})`.mapWith(Number)
			})
			.from(meetings)
			.where(lacksMinutes)
			.orderBy(asc(meetings.bodyId), asc(meetings.startsAt), asc(meetings.id))
	]);
	const next = new Map(nextRows.map((r) => [r.bodyId, r]));
	const advice = new Map(adviceRows.map((r) => [r.bodyId, r]));
	const minutes = new Map(minutesRows.map((r) => [r.bodyId, r]));
	return bodyRows
		.map((b): OverviewRow => {
			const n = next.get(b.id);
			const a = advice.get(b.id);
			const m = minutes.get(b.id);
			const title = (x: { title: string | null; startsAt: Date }) =>
				meetingTitle(x, tr(b.name, ctx.locale), (d) => formatDate(d, ctx.locale, 'long'));
			return {
				id: b.id,
				slug: b.slug,
				name: tr(b.name, ctx.locale),
				region: b.region ? tr(b.region, ctx.locale) : null,
				next: n
					? {
							id: n.id,
							title: title(n),
							startsAt: n.startsAt,
							status: n.status,
							statusLabel: statusLabels[n.status]
						}
					: null,
				advice: { pending: Number(a?.pending ?? 0), placed: Number(a?.placed ?? 0) },
				withoutMinutes: m
					? { count: m.count, oldest: { id: m.id, title: title(m), startsAt: m.startsAt } }
					: null
			};
		})
		.sort(
			(x, y) =>
				(x.region ?? '\uffff').localeCompare(y.region ?? '\uffff', 'nl') ||
				x.name.localeCompare(y.name, 'nl')
		);
}
