/**
 * The alert job (`alerts.send`, hourly): per confirmed subscription, one mail per public item of
 * its body and topic published after the subscription was confirmed — news (content_items, past
 * their publication time), public decisions (the decisions domain's own public rule) and public
 * meetings (published agendas, the meetings domain's rule; cancelled ones are not announced).
 * Example data never alerts. Each (subscription, subject) is claimed in alert_deliveries before
 * the mail goes out, so two runs at once, or two instances, send it once. A failed send keeps its
 * row with the error (not retried automatically), like the notifications.
 */
import { and, eq, gt, isNotNull, lte, ne, notExists, sql } from 'drizzle-orm';
import { formatDate, localizeHref, tr, type Locale } from '../../i18n';
import { config } from '../config';
import type { DbOrTx } from '../db';
import {
	alertDeliveries,
	alertSubscriptions,
	bodies,
	contentItems,
	decisions,
	meetings
} from '../db/schema';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { plainMail } from '../mail/templates';
import { decisionIsPublic, decisionReference } from '../meetings/decisions.service';
import { meetingTitle } from '../meetings/agenda';
import { meetingIsPublic } from '../meetings/queries';
import { getSiteSettings } from '../settings/settings.service';
import { unsubscribeToken } from './alerts.service';

/** The most mails one run sends; the next run continues. */
export const ALERTS_PER_RUN = 500;

type Due = {
	subscriptionId: string;
	email: string;
	locale: string;
	bodyName: { nl: string; en?: string };
	subjectKey: string;
	/** What the mail announces, in the subscriber's language. */
	title: (locale: Locale) => string;
	summary?: (locale: Locale) => string;
	path: string;
	kind: 'news' | 'decision' | 'meeting';
};

const notDelivered = (key: ReturnType<typeof sql<string>>) =>
	notExists(
		sql`(select 1 from ${alertDeliveries} where ${alertDeliveries.subscriptionId} = ${alertSubscriptions.id} and ${alertDeliveries.subjectKey} = ${key})`
	);

const subscriber = {
	subscriptionId: alertSubscriptions.id,
	email: alertSubscriptions.email,
	locale: alertSubscriptions.locale,
	bodyName: bodies.name
};

/** What is due to whom: three queries, whatever the number of subscriptions. */
export async function dueAlerts(db: DbOrTx, now: Date, limit = ALERTS_PER_RUN): Promise<Due[]> {
	const confirmed = (topic: 'news' | 'decisions' | 'meetings') =>
		and(eq(alertSubscriptions.topic, topic), isNotNull(alertSubscriptions.confirmedAt));

	const newsKey = sql<string>`'news:' || ${contentItems.id}`;
	const news = await db
		.select({
			...subscriber,
			id: contentItems.id,
			slug: contentItems.slug,
			title: contentItems.title,
			summary: contentItems.summary
		})
		.from(alertSubscriptions)
		.innerJoin(bodies, eq(bodies.id, alertSubscriptions.bodyId))
		.innerJoin(contentItems, eq(contentItems.bodyId, alertSubscriptions.bodyId))
		.where(
			and(
				confirmed('news'),
				eq(contentItems.kind, 'news'),
				eq(contentItems.isExample, false),
				lte(contentItems.publishAt, now),
				gt(contentItems.publishAt, alertSubscriptions.confirmedAt),
				notDelivered(newsKey)
			)
		)
		.limit(limit);

	const decisionKey = sql<string>`'decision:' || ${decisions.id}`;
	const decided = await db
		.select({
			...subscriber,
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title
		})
		.from(alertSubscriptions)
		.innerJoin(bodies, eq(bodies.id, alertSubscriptions.bodyId))
		.innerJoin(decisions, eq(decisions.bodyId, alertSubscriptions.bodyId))
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(
			and(
				confirmed('decisions'),
				eq(decisions.isExample, false),
				eq(meetings.isExample, false),
				decisionIsPublic,
				gt(decisions.createdAt, alertSubscriptions.confirmedAt),
				lte(decisions.createdAt, now),
				notDelivered(decisionKey)
			)
		)
		.limit(limit);

	const meetingKey = sql<string>`'meeting:' || ${meetings.id}`;
	const announced = await db
		.select({
			...subscriber,
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt
		})
		.from(alertSubscriptions)
		.innerJoin(bodies, eq(bodies.id, alertSubscriptions.bodyId))
		.innerJoin(meetings, eq(meetings.bodyId, alertSubscriptions.bodyId))
		.where(
			and(
				confirmed('meetings'),
				eq(meetings.isExample, false),
				meetingIsPublic,
				ne(meetings.status, 'cancelled'),
				gt(meetings.publishedAt, alertSubscriptions.confirmedAt),
				lte(meetings.publishedAt, now),
				notDelivered(meetingKey)
			)
		)
		.limit(limit);

	const due: Due[] = [
		...news.map((n) => ({
			...n,
			subjectKey: `news:${n.id}`,
			kind: 'news' as const,
			title: (l: Locale) => tr(n.title, l),
			summary: n.summary ? (l: Locale) => tr(n.summary, l) : undefined,
			path: `/nieuws/${n.slug}`
		})),
		...decided.map((d) => ({
			...d,
			subjectKey: `decision:${d.id}`,
			kind: 'decision' as const,
			title: () => `${decisionReference(d)} ${d.title}`,
			path: `/besluiten/${d.id}`
		})),
		...announced.map((m) => ({
			...m,
			subjectKey: `meeting:${m.id}`,
			kind: 'meeting' as const,
			title: (l: Locale) =>
				`${meetingTitle(m, tr(m.bodyName, l), (d) => formatDate(d, l, 'long'))} (${formatDate(m.startsAt, l)})`,
			path: `/vergaderingen/${m.id}`
		}))
	];
	return due.slice(0, limit);
}

const heading = {
	nl: { news: 'Nieuws', decision: 'Nieuw besluit', meeting: 'Nieuwe vergadering' },
	en: { news: 'News', decision: 'New decision', meeting: 'New meeting' }
} as const;

/** Send what is due, each once. */
export async function sendAlerts(
	db: DbOrTx,
	now = new Date()
): Promise<{ due: number; sent: number; failed: number }> {
	const due = await dueAlerts(db, now);
	if (due.length === 0) return { due: 0, sent: 0, failed: 0 };
	const settings = await getSiteSettings(db);
	const origin = config().origin;
	let sent = 0;
	let failed = 0;
	for (const a of due) {
		const [claim] = await db
			.insert(alertDeliveries)
			.values({ subscriptionId: a.subscriptionId, subjectKey: a.subjectKey })
			.onConflictDoNothing()
			.returning({ id: alertDeliveries.id });
		if (!claim) continue;
		const locale: Locale = a.locale === 'en' ? 'en' : 'nl';
		const en = locale === 'en';
		const body = tr(a.bodyName, locale);
		const unsubscribe = new URL(
			localizeHref(
				`/meldingen/uitschrijven/${await unsubscribeToken(db, a.subscriptionId)}`,
				locale
			),
			origin
		).toString();
		const title = a.title(locale);
		try {
			const mail = plainMail(settings, {
				to: a.email,
				locale,
				subject: `${heading[locale][a.kind]} — ${body}: ${title}`,
				blocks: [
					{ text: title },
					...(a.summary ? [{ text: a.summary(locale) }] : []),
					{
						link: new URL(localizeHref(a.path, locale), origin).toString(),
						label: en ? 'Read more' : 'Lees meer'
					},
					{
						text: en
							? `You receive this e-mail because you follow ${body} on ${settings.name}.`
							: `U krijgt deze e-mail omdat u ${body} volgt op ${settings.name}.`
					},
					{ link: unsubscribe, label: en ? 'Unsubscribe' : 'Uitschrijven' }
				]
			});
			await sendMail({
				...mail,
				headers: {
					'List-Unsubscribe': `<${unsubscribe}>`,
					'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
				}
			});
			await db
				.update(alertDeliveries)
				.set({ sentAt: new Date() })
				.where(eq(alertDeliveries.id, claim.id));
			sent++;
		} catch (e) {
			failed++;
			const error = e instanceof Error ? e.message : String(e);
			await db
				.update(alertDeliveries)
				.set({ error: error.slice(0, 2000) })
				.where(eq(alertDeliveries.id, claim.id));
			log().error({ subjectKey: a.subjectKey, err: error }, 'alert failed');
		}
	}
	return { due: due.length, sent, failed };
}
