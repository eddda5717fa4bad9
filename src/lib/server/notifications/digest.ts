/**
 * The weekly digest: every Monday each member gets one mail with what happened in the past ISO
 * week (Monday 00:00 – Monday 00:00, Brussels) in the bodies they belong to: meetings held,
 * decisions recorded (public and closed: they are members), advice that arrived or was settled,
 * minutes approved. Members with nothing to report get nothing. Once per user and week
 * (kind `weekly_digest`, subject = the week reported, e.g. `2026-W48`), governed by the
 * "wekelijks overzicht" preference.
 *
 * A fixed number of queries whatever the number of users and bodies (the recipients with their
 * bodies, then the week's meetings, decisions and advice hops of all those bodies), plus the
 * claim and the bookkeeping of each mail sent (deliver.ts).
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { config } from '../config';
import type { DbOrTx } from '../db';
import {
	adviceHops,
	advices,
	bodies,
	decisions,
	meetings,
	memberships,
	people,
	users
} from '../db/schema';
import { AppError } from '../errors';
import { formatDate, localizeHref, tr, translate, type Locale, type MessageKey } from '../../i18n';
import { addDays, isoWeekKey, isoWeekMonday } from '../jobs/scheduler';
import { meetingTitle } from '../meetings/agenda';
import { decisionReference } from '../meetings/decisions.service';
import { brusselsInstant } from '../meetings/time';
import type { AdviceOutcome } from '../db/schema';
import { advicePath } from './advice.notifications';
import { deliverOnce, type Recipient } from './deliver';
import type { Block } from '../mail/templates';

/** The ISO week before `week` (the digest sent in week 49 reports week 48). */
export function previousWeek(week: string): string {
	const monday = isoWeekMonday(week);
	if (!monday) throw new AppError('invalid_input', `Geen ISO-week: ${week}.`);
	return isoWeekKey(addDays(monday, -7));
}

/** The week as instants [from, to) and calendar days, in Brussels. */
export function weekRange(week: string) {
	const monday = isoWeekMonday(week);
	if (!monday) throw new AppError('invalid_input', `Geen ISO-week: ${week}.`);
	const nextMonday = addDays(monday, 7);
	return {
		monday,
		sunday: addDays(monday, 6),
		from: brusselsInstant(monday, '00:00'),
		to: brusselsInstant(nextMonday, '00:00')
	};
}

type BodyRow = { id: string; slug: string; name: { nl: string; en?: string } };

/** The week's meetings, decisions and advice hops of the bodies. Four queries for any number. */
async function weekData(db: DbOrTx, bodyIds: string[], from: Date, to: Date) {
	const within = (col: AnyColumn) => and(gte(col, from), lt(col, to));
	const [bodyRows, meetingRows, decisionRows] = await Promise.all([
		db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
			.from(bodies)
			.where(inArray(bodies.id, bodyIds)),
		db
			.select({
				id: meetings.id,
				bodyId: meetings.bodyId,
				title: meetings.title,
				startsAt: meetings.startsAt,
				status: meetings.status,
				minutesApprovedAt: meetings.minutesApprovedAt
			})
			.from(meetings)
			.where(
				and(
					inArray(meetings.bodyId, bodyIds),
					or(
						and(
							within(meetings.startsAt),
							inArray(meetings.status, ['held', 'minutes_draft', 'minutes_approved'])
						),
						within(meetings.minutesApprovedAt)
					)
				)
			)
			.orderBy(asc(meetings.startsAt)),
		db
			.select({
				bodyId: decisions.bodyId,
				year: decisions.year,
				number: decisions.number,
				title: decisions.title,
				status: decisions.status
			})
			.from(decisions)
			.where(and(inArray(decisions.bodyId, bodyIds), within(decisions.createdAt)))
			.orderBy(asc(decisions.year), asc(decisions.number))
	]);
	const fromBody = alias(bodies, 'from_body');
	const toBody = alias(bodies, 'to_body');
	const hopRows = await db
		.select({
			adviceId: adviceHops.adviceId,
			fromBodyId: adviceHops.fromBodyId,
			toBodyId: adviceHops.toBodyId,
			fromName: fromBody.name,
			toName: toBody.name,
			title: advices.title,
			sentAt: adviceHops.sentAt,
			settledAt: adviceHops.settledAt,
			outcome: adviceHops.outcome
		})
		.from(adviceHops)
		.innerJoin(advices, eq(advices.id, adviceHops.adviceId))
		.innerJoin(fromBody, eq(fromBody.id, adviceHops.fromBodyId))
		.innerJoin(toBody, eq(toBody.id, adviceHops.toBodyId))
		.where(
			and(
				or(inArray(adviceHops.toBodyId, bodyIds), inArray(adviceHops.fromBodyId, bodyIds)),
				or(within(adviceHops.sentAt), within(adviceHops.settledAt))
			)
		)
		.orderBy(asc(adviceHops.sentAt));
	return { bodyRows, meetingRows, decisionRows, hopRows };
}

type WeekData = Awaited<ReturnType<typeof weekData>>;

/** The blocks of each body with news in [from, to), in `locale` (bodies by Dutch name). */
function renderWeek(data: WeekData, from: Date, to: Date, locale: Locale) {
	const { bodyRows, meetingRows, decisionRows, hopRows } = data;
	const out = new Map<string, Block[]>();
	const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const origin = config().origin;
	const url = (path: string) => new URL(localizeHref(path, locale), origin).toString();
	const day = (d: Date) => formatDate(d, locale);
	const inWeek = (d: Date | null) => d !== null && d >= from && d < to;
	const byName = (a: BodyRow, b: BodyRow) => a.name.nl.localeCompare(b.name.nl, 'nl');
	const outcome = (o: AdviceOutcome) => translate(locale, `adviceOutcome.${o}`).toLowerCase();
	for (const body of [...bodyRows].sort(byName)) {
		const blocks: Block[] = [];
		const name = tr(body.name, locale);
		const title = (m: (typeof meetingRows)[number]) =>
			meetingTitle(m, name, (d) => formatDate(d, locale, 'long'));
		const own = meetingRows.filter((m) => m.bodyId === body.id);
		for (const m of own.filter(
			(m) => inWeek(m.startsAt) && m.status !== 'draft' && m.status !== 'agenda_published'
		)) {
			blocks.push({
				link: url(`/beheer/vergaderingen/${m.id}`),
				label: t('ws.mail.digest.meetingHeld', { day: day(m.startsAt), title: title(m) })
			});
		}
		const taken = decisionRows.filter((d) => d.bodyId === body.id);
		for (const d of taken) {
			blocks.push({
				text: t('ws.mail.digest.decision', {
					reference: decisionReference(d),
					title: d.title,
					status: translate(locale, `decisionStatus.${d.status}`).toLowerCase()
				})
			});
		}
		if (taken.length) {
			blocks.push({
				link: url(`/beheer/organen/${body.slug}/besluiten`),
				label: t('ws.mail.digest.decisionList', { body: name })
			});
		}
		for (const h of hopRows) {
			const fromName = tr(h.fromName, locale);
			const toName = tr(h.toName, locale);
			if (h.toBodyId === body.id && inWeek(h.sentAt)) {
				blocks.push({
					link: url(advicePath(h.adviceId)),
					label: t('ws.mail.digest.adviceReceived', { from: fromName, title: h.title })
				});
			}
			if (h.toBodyId === body.id && inWeek(h.settledAt) && h.outcome) {
				blocks.push({
					link: url(advicePath(h.adviceId)),
					label: t('ws.mail.digest.adviceSettled', {
						from: fromName,
						outcome: outcome(h.outcome),
						title: h.title
					})
				});
			}
			if (h.fromBodyId === body.id && inWeek(h.settledAt) && h.outcome) {
				blocks.push({
					link: url(advicePath(h.adviceId)),
					label: t('ws.mail.digest.adviceOutcome', {
						to: toName,
						outcome: outcome(h.outcome),
						title: h.title
					})
				});
			}
		}
		for (const m of own.filter((m) => inWeek(m.minutesApprovedAt))) {
			blocks.push({
				link: url(`/beheer/vergaderingen/${m.id}/verslag`),
				label: t('ws.mail.digest.minutesApproved', { title: title(m) })
			});
		}
		if (blocks.length)
			out.set(body.id, [{ text: t('ws.mail.digest.body', { body: name }) }, ...blocks]);
	}
	return out;
}

/** What happened in each body during [from, to), in `locale`. Four queries for any number of bodies. */
export async function weekActivity(
	db: DbOrTx,
	bodyIds: string[],
	from: Date,
	to: Date,
	locale: Locale = 'nl'
) {
	if (bodyIds.length === 0) return new Map<string, Block[]>();
	return renderWeek(await weekData(db, bodyIds, from, to), from, to, locale);
}

/** Members (not editors) of active bodies on `on`, with their bodies. One query. */
async function membersWithBodies(db: DbOrTx, on: Date) {
	const day = on.toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
	const rows = await db
		.selectDistinct({
			userId: users.id,
			email: users.email,
			givenName: people.givenName,
			familyName: people.familyName,
			mailPreferences: users.mailPreferences,
			locale: users.locale,
			bodyId: memberships.bodyId
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.innerJoin(users, eq(users.id, people.userId))
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.where(
			and(
				ne(memberships.role, 'editor'),
				isNull(people.anonymisedAt),
				isNull(users.disabledAt),
				isNull(bodies.archivedAt),
				or(isNull(memberships.startOn), lte(memberships.startOn, day)),
				or(isNull(memberships.endOn), gte(memberships.endOn, day))
			)
		)
		.orderBy(asc(users.id));
	const recipients = new Map<string, Recipient & { bodyIds: string[] }>();
	for (const r of rows) {
		const known = recipients.get(r.userId);
		if (known) {
			if (!known.bodyIds.includes(r.bodyId)) known.bodyIds.push(r.bodyId);
			continue;
		}
		recipients.set(r.userId, {
			userId: r.userId,
			email: r.email,
			name: `${r.givenName} ${r.familyName}`.trim(),
			mailPreferences: r.mailPreferences as Record<string, boolean> | null,
			locale: r.locale,
			bodyIds: [r.bodyId]
		});
	}
	return [...recipients.values()];
}

/**
 * Send the digest of `week` (an ISO week like 2026-W48) to every member with something to
 * report. Safe to run on several instances at once: each user gets it once.
 */
export async function sendWeeklyDigest(db: DbOrTx, week: string, now = new Date()) {
	const range = weekRange(week);
	const members = await membersWithBodies(db, now);
	const bodyIds = [...new Set(members.flatMap((m) => m.bodyIds))];
	const data = bodyIds.length ? await weekData(db, bodyIds, range.from, range.to) : null;
	// Each language's text once, for the languages of the members.
	const activity = new Map<Locale, Map<string, Block[]>>();
	for (const locale of new Set(members.map((m) => m.locale))) {
		activity.set(locale, data ? renderWeek(data, range.from, range.to, locale) : new Map());
	}
	const sections = new Map<string, Block[]>();
	for (const m of members) {
		// Bodies in the order of the activity map (by name).
		const blocks = [...activity.get(m.locale)!.entries()]
			.filter(([bodyId]) => m.bodyIds.includes(bodyId))
			.flatMap(([, b]) => b);
		if (blocks.length) sections.set(m.userId, blocks);
	}
	const recipients = members.filter((m) => sections.has(m.userId));
	const period = (locale: Locale) =>
		translate(locale, 'ws.mail.digest.period', {
			from: formatDate(range.monday, locale),
			to: formatDate(range.sunday, locale)
		});
	const result = await deliverOnce(
		db,
		{
			kind: 'weekly_digest',
			subjectKey: week,
			preference: 'digest',
			subject: (r) => translate(r.locale, 'ws.mail.digest.subject', { period: period(r.locale) }),
			blocks: (r) => [
				{ text: translate(r.locale, 'ws.mail.greeting', { name: r.name }) },
				{ text: translate(r.locale, 'ws.mail.digest.intro', { period: period(r.locale) }) },
				...sections.get(r.userId)!
			]
		},
		recipients
	);
	return { week, members: members.length, withNews: recipients.length, ...result };
}
