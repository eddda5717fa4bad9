/**
 * Messages, formats and localized links. Dutch is the default and lives at the root; English
 * uses the same paths under /en. Every internal link goes through `localizeHref`.
 */
import { en } from './en';
import { nl, type MessageKey } from './nl';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };
export type Translatable = { nl: string; en?: string };

export const TIME_ZONE = 'Europe/Brussels';
const intlLocale: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB' };

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	const template = (locale === 'en' ? en[key] : undefined) ?? nl[key];
	return template.replace(/\{(\w+)\}/g, (_, name: string) =>
		name in params ? formatParam(locale, params[name]) : `{${name}}`
	);
}

function formatParam(locale: Locale, value: string | number): string {
	return typeof value === 'number' ? formatNumber(value, locale) : value;
}

/** A translator bound to one locale, for components: `t('home.title')`. */
export function translator(locale: Locale) {
	return (key: MessageKey, params?: Record<string, string | number>) =>
		translate(locale, key, params);
}

/** The text of a translatable value in `locale`, falling back to Dutch. */
export function tr(value: Translatable | null | undefined, locale: Locale): string {
	if (!value) return '';
	return (locale === 'en' ? value.en : undefined) || value.nl;
}

/** The locale a path is in (English under /en). */
export function localeOfPath(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'nl';
}

/** The path without its locale prefix. */
export function delocalizePath(pathname: string): string {
	if (pathname === '/en') return '/';
	return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/** The one helper that builds every internal link. `path` is the Dutch (root) path. */
export function localizeHref(path: string, locale: Locale): string {
	if (locale === 'nl' || !path.startsWith('/')) return path;
	return path === '/' ? '/en' : `/en${path}`;
}

/**
 * Intl formatters are costly to create (a dashboard formats thousands of dates and numbers), so
 * each combination of locale and options is made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
	key: string,
	make: () => T
): T {
	let f = formatters.get(key) as T | undefined;
	if (!f) {
		f = make();
		formatters.set(key, f);
	}
	return f;
}

/** 27/11/2026 in Dutch, 27/11/2026 in English (both day-first), in Europe/Brussels. */
export function formatDate(
	value: Date | string,
	locale: Locale,
	style: 'short' | 'long' = 'short'
) {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return formatter(
		`date:${locale}:${style}`,
		() =>
			new Intl.DateTimeFormat(intlLocale[locale], {
				timeZone: TIME_ZONE,
				...(style === 'short'
					? { day: '2-digit', month: '2-digit', year: 'numeric' }
					: { day: 'numeric', month: 'long', year: 'numeric' })
			})
	).format(date);
}

/** 27/11/2026 14:05 in Europe/Brussels. */
export function formatDateTime(value: Date, locale: Locale): string {
	return formatter(
		`datetime:${locale}`,
		() =>
			new Intl.DateTimeFormat(intlLocale[locale], {
				timeZone: TIME_ZONE,
				day: '2-digit',
				month: '2-digit',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit'
			})
	).format(value);
}

/** 1.234,5 in Dutch. */
export function formatNumber(value: number, locale: Locale, digits?: number): string {
	return formatter(
		`number:${locale}:${digits ?? ''}`,
		() =>
			new Intl.NumberFormat(intlLocale[locale], {
				maximumFractionDigits: digits ?? 2,
				minimumFractionDigits: digits ?? 0
			})
	).format(value);
}

/** "12 voor, 0 tegen, 1 onthouding", or "—" when no vote was recorded. */
export function votesText(
	d: { votesFor: number | null; votesAgainst: number | null; votesAbstain: number | null },
	locale: Locale
): string {
	return d.votesFor === null && d.votesAgainst === null && d.votesAbstain === null
		? '—'
		: translate(locale, 'decisions.votesLine', {
				for: d.votesFor ?? 0,
				against: d.votesAgainst ?? 0,
				abstain: d.votesAbstain ?? 0
			});
}
