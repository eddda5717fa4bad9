/**
 * A small Atom 1.0 writer (RFC 4287). The feeds need only a handful of elements, so a writer of
 * our own is lighter than a feed library and keeps the escaping in one reviewed place (xml.ts).
 */
import { element, textElement } from './xml';

export type AtomEntry = {
	/** A permanent IRI: the entry's absolute URL. */
	id: string;
	title: string;
	/** Absolute URL of the page the entry stands for. */
	link: string;
	updated: Date;
	published?: Date;
	/** Plain text. */
	summary?: string;
	/** Who wrote or decided it (a body, or the partnership). */
	author?: string;
	category?: string;
};

export type AtomFeed = {
	/** Absolute URL of the feed itself (also its id). */
	self: string;
	/** Absolute URL of the HTML page the feed mirrors. */
	alternate: string;
	title: string;
	subtitle?: string;
	/** Language of the text (`nl` or `en`). */
	lang: string;
	/** The feed's author, for entries without one (RFC 4287 §4.1.1). */
	author: { name: string; uri?: string };
	/** Absolute URL of the site's logo, if any. */
	logo?: string;
	entries: AtomEntry[];
};

/** The most entries a feed holds: feed readers poll often, so the newest 50 are enough. */
export const FEED_SIZE = 50;

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** RFC 3339 in UTC, whole seconds. */
const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The feed's `updated` is its newest entry's; an empty feed says the epoch rather than "now", so
 * the same data always gives the same bytes (the page cache and ETags depend on it).
 */
export function renderAtom(feed: AtomFeed): string {
	const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
	const author = element(
		'author',
		{},
		textElement('name', feed.author.name) +
			(feed.author.uri ? textElement('uri', feed.author.uri) : '')
	);
	const head = [
		textElement('id', feed.self),
		textElement('title', feed.title),
		feed.subtitle ? textElement('subtitle', feed.subtitle) : '',
		textElement('updated', stamp(updated)),
		element('link', { rel: 'self', type: 'application/atom+xml', href: feed.self }),
		element('link', { rel: 'alternate', type: 'text/html', href: feed.alternate }),
		author,
		feed.logo ? textElement('logo', feed.logo) : '',
		textElement('generator', 'Streekplatform')
	];
	const entries = feed.entries.map((e) =>
		element(
			'entry',
			{},
			[
				textElement('id', e.id),
				textElement('title', e.title),
				element('link', { rel: 'alternate', type: 'text/html', href: e.link }),
				textElement('updated', stamp(e.updated)),
				e.published ? textElement('published', stamp(e.published)) : '',
				e.author ? element('author', {}, textElement('name', e.author)) : '',
				e.category ? element('category', { term: e.category }) : '',
				e.summary ? textElement('summary', e.summary, { type: 'text' }) : ''
			].join('')
		)
	);
	return (
		'<?xml version="1.0" encoding="utf-8"?>\n' +
		element(
			'feed',
			{ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.lang },
			[...head, ...entries].join('\n')
		) +
		'\n'
	);
}
