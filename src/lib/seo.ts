/**
 * What the root layout puts in every public page's head besides the title (SeoHead.svelte):
 * canonical and hreflang links, OpenGraph, Atom feed links and schema.org JSON-LD. Shared by
 * server and browser, so nothing here imports server code.
 */
import { localizeHref, type Locale } from './i18n';

/** Optional `meta` a page's load may return to sharpen its card (else: last crumb, tagline). */
export type PageMeta = {
	title?: string;
	description?: string;
	/** OpenGraph type; `website` unless said otherwise (`article` for news). */
	type?: 'website' | 'article';
	/** Absolute or root-relative URL of an image for the card (else the site logo). */
	image?: string;
	imageAlt?: string;
};

export const ogLocale: Record<Locale, string> = { nl: 'nl_BE', en: 'en_GB' };

/** The absolute URL of a (Dutch) path in a locale. */
export const absoluteUrl = (origin: string, path: string, locale: Locale) =>
	`${origin}${localizeHref(path, locale)}`;

/**
 * The Atom feeds a page offers (`<link rel="alternate" type="application/atom+xml">`): the news,
 * decisions and dossiers lists, the home page (news), and each body page (its own feed).
 */
export function feedsOf(
	path: string,
	routeId: string | null
): { path: string; kind: 'news' | 'decisions' | 'dossiers' | 'body' }[] {
	if (routeId === '/organen/[slug]') return [{ path: `${path}/feed.atom`, kind: 'body' }];
	const lists = { '/nieuws': 'news', '/besluiten': 'decisions', '/dossiers': 'dossiers' } as const;
	if (path in lists) {
		const kind = lists[path as keyof typeof lists];
		return [{ path: `${path}/feed.atom`, kind }];
	}
	if (path === '/') return [{ path: '/nieuws/feed.atom', kind: 'news' }];
	return [];
}

/**
 * A JSON-LD data block. The browser never runs it (so the hash-based CSP does not apply), but
 * the HTML parser would end it at any `</script>` in the text: `<` (and `>`, `&`, U+2028/9)
 * are written as JSON escapes, which JSON-LD readers decode back.
 */
export function jsonLdScript(value: unknown): string {
	const json = JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${json}</script>`;
}
