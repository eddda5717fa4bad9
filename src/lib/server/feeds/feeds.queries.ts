/**
 * What the Atom feeds hold: published news, public decisions, public dossiers, and per body its
 * news, public meetings and public decisions. Each rule is the one the public pages use
 * (`meetingIsPublic`, `decisionIsPublic`, the public dossier register; news is published once
 * its `publish_at` has passed), so a feed never shows what the page would not. Whoever asks, a
 * feed reads as anonymous: feeds are cached and shared. A fixed number of queries per feed.
 */
import { and, desc, eq, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { bodies, contentItems, decisions, meetings } from '../db/schema';
import { decisionIsPublic, decisionReference } from '../meetings/decisions.service';
import { meetingIsPublic } from '../meetings/queries';
import { meetingTitle } from '../meetings/agenda';
import { publicBody } from '../meetings/public.queries';
import { register } from '../dossiers/dossiers.queries';
import { anonymous } from '../policy';
import { formatDate, localizeHref, translate, tr, type Locale } from '../../i18n';
import { formatTime } from '../../calendar';
import { FEED_SIZE, type AtomEntry, type AtomFeed } from './atom';

export type FeedSite = { name: string; origin: string; logoFileId?: string | null };

const later = (a: Date, b: Date | null | undefined) => (b && b > a ? b : a);
const newestFirst = (a: AtomEntry, b: AtomEntry) =>
	(b.published ?? b.updated).getTime() - (a.published ?? a.updated).getTime() ||
	a.id.localeCompare(b.id);

/** Plain text of a Markdown field, cut at a word: a summary, never HTML. */
export function excerpt(markdown: string, max = 400): string {
	const text = markdown
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`~|]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
}

/** Published news items (optionally of one body), newest first. */
async function newsEntries(db: DbOrTx, site: FeedSite, locale: Locale, bodyId?: string) {
	const where: SQL[] = [
		eq(contentItems.kind, 'news'),
		isNotNull(contentItems.publishAt),
		lte(contentItems.publishAt, sql`now()`)
	];
	if (bodyId) where.push(eq(contentItems.bodyId, bodyId));
	const rows = await db
		.select({
			slug: contentItems.slug,
			title: contentItems.title,
			summary: contentItems.summary,
			body: contentItems.body,
			publishAt: contentItems.publishAt,
			updatedAt: contentItems.updatedAt,
			bodyName: bodies.name
		})
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(and(...where))
		.orderBy(desc(contentItems.publishAt), desc(contentItems.id))
		.limit(FEED_SIZE);
	return rows.map((r): AtomEntry => {
		const url = `${site.origin}${localizeHref(`/nieuws/${r.slug}`, locale)}`;
		return {
			id: url,
			title: tr(r.title, locale),
			link: url,
			published: r.publishAt!,
			updated: later(r.publishAt!, r.updatedAt),
			summary: tr(r.summary, locale) || excerpt(tr(r.body, locale)),
			author: r.bodyName ? tr(r.bodyName, locale) : site.name,
			category: translate(locale, 'feeds.category.news')
		};
	});
}

/** Public decisions (optionally of one body), newest meeting first. */
async function decisionEntries(db: DbOrTx, site: FeedSite, locale: Locale, bodyId?: string) {
	const where: SQL[] = [decisionIsPublic];
	if (bodyId) where.push(eq(decisions.bodyId, bodyId));
	const rows = await db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title,
			text: decisions.text,
			createdAt: decisions.createdAt,
			updatedAt: decisions.updatedAt,
			startsAt: meetings.startsAt,
			bodyName: bodies.name
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
		.where(and(...where))
		.orderBy(desc(meetings.startsAt), desc(decisions.number))
		.limit(FEED_SIZE);
	return rows.map((r): AtomEntry => {
		const url = `${site.origin}${localizeHref(`/besluiten/${r.id}`, locale)}`;
		return {
			id: url,
			title: `${decisionReference(r)} ${r.title}`,
			link: url,
			published: r.startsAt,
			updated: later(r.startsAt, r.updatedAt),
			summary: excerpt(r.text),
			author: tr(r.bodyName, locale),
			category: translate(locale, 'feeds.category.decision')
		};
	});
}

/** One body's public meetings (announced ones, also cancelled), newest start first. */
async function meetingEntries(db: DbOrTx, site: FeedSite, locale: Locale, bodyId: string) {
	const rows = await db
		.select({
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt,
			endsAt: meetings.endsAt,
			location: meetings.location,
			status: meetings.status,
			publishedAt: meetings.publishedAt,
			createdAt: meetings.createdAt,
			updatedAt: meetings.updatedAt,
			bodyName: bodies.name
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(meetingIsPublic, eq(meetings.bodyId, bodyId)))
		.orderBy(desc(meetings.startsAt))
		.limit(FEED_SIZE);
	return rows.map((r): AtomEntry => {
		const url = `${site.origin}${localizeHref(`/vergaderingen/${r.id}`, locale)}`;
		const body = tr(r.bodyName, locale);
		const when = `${formatDate(r.startsAt, locale, 'long')}, ${formatTime(r.startsAt, locale)}–${formatTime(r.endsAt, locale)}`;
		const published = r.publishedAt ?? r.createdAt;
		return {
			id: url,
			title: meetingTitle(r, body, (d) => formatDate(d, locale, 'long')),
			link: url,
			published,
			updated: later(published, r.updatedAt),
			summary: [
				r.status === 'cancelled' ? translate(locale, 'feeds.meeting.cancelled') : '',
				when,
				r.location ?? ''
			]
				.filter(Boolean)
				.join(' · '),
			author: body,
			category: translate(locale, 'feeds.category.meeting')
		};
	});
}

function feedOf(
	site: FeedSite,
	locale: Locale,
	path: string,
	title: string,
	entries: AtomEntry[]
): AtomFeed {
	const page = `${site.origin}${localizeHref(path, locale)}`;
	return {
		self: `${site.origin}${localizeHref(`${path === '/' ? '' : path}/feed.atom`, locale)}`,
		alternate: page,
		title,
		lang: locale,
		author: { name: site.name, uri: `${site.origin}${localizeHref('/', locale)}` },
		logo: site.logoFileId ? `${site.origin}/bestanden/${site.logoFileId}` : undefined,
		entries: entries.sort(newestFirst).slice(0, FEED_SIZE)
	};
}

/** /nieuws/feed.atom */
export async function newsFeed(db: DbOrTx, site: FeedSite, locale: Locale) {
	const title = translate(locale, 'feeds.news.title', { site: site.name });
	return feedOf(site, locale, '/nieuws', title, await newsEntries(db, site, locale));
}

/** /besluiten/feed.atom */
export async function decisionsFeed(db: DbOrTx, site: FeedSite, locale: Locale) {
	const title = translate(locale, 'feeds.decisions.title', { site: site.name });
	return feedOf(site, locale, '/besluiten', title, await decisionEntries(db, site, locale));
}

/** /dossiers/feed.atom: the public register's dossiers, the most recent step first. */
export async function dossiersFeed(db: DbOrTx, site: FeedSite, locale: Locale) {
	const rows = await register(db, 'public', anonymous, {}, { locale });
	const entries = rows.slice(0, FEED_SIZE).map((r): AtomEntry => {
		const url = `${site.origin}${localizeHref(`/dossiers/${r.slug}`, locale)}`;
		return {
			id: url,
			title: r.title,
			link: url,
			updated: new Date(`${r.lastOn}T00:00:00Z`),
			summary: r.status.explanation,
			author: tr(r.body.name, locale),
			category: translate(locale, 'feeds.category.dossier')
		};
	});
	const title = translate(locale, 'feeds.dossiers.title', { site: site.name });
	return feedOf(site, locale, '/dossiers', title, entries);
}

/** /organen/<slug>/feed.atom: a body's news, public meetings and public decisions together. */
export async function bodyFeed(db: DbOrTx, site: FeedSite, slug: string, locale: Locale) {
	const body = await publicBody(db, slug);
	const [news, meetingRows, decisionRows] = await Promise.all([
		newsEntries(db, site, locale, body.id),
		meetingEntries(db, site, locale, body.id),
		decisionEntries(db, site, locale, body.id)
	]);
	const name = tr(body.name, locale);
	return feedOf(
		site,
		locale,
		`/organen/${body.slug}`,
		translate(locale, 'feeds.body.title', { body: name }),
		[...news, ...meetingRows, ...decisionRows]
	);
}
