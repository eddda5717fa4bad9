/**
 * schema.org JSON-LD for search engines: `Organization` (the partnership on the home page, each
 * organisation on its page) and `Event` (a public meeting). Pages return these objects as
 * `jsonLd` in their data; the root layout writes them into the head (SeoHead.svelte), escaped
 * so no text can close the script element. Times are Europe/Brussels with their offset.
 */
import { TZDate } from '@date-fns/tz';
import { localizeHref, tr, TIME_ZONE, type Locale, type Translatable } from '../../i18n';
import type { SiteSettings } from '../settings/settings.schema';

export type JsonLd = Record<string, unknown>;

/** 2026-11-27T14:00:00+01:00: the instant in Brussels local time with its UTC offset. */
export function brusselsIso(instant: Date): string {
	return new TZDate(instant.getTime(), TIME_ZONE).toISOString().replace(/\.\d{3}(?=[+-])/, '');
}

/** The partnership itself (home page): name, address, contact and logo from the site settings. */
export function siteOrganization(settings: SiteSettings, origin: string, locale: Locale): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: settings.name,
		...(settings.legalName ? { legalName: settings.legalName } : {}),
		...(settings.tagline ? { description: tr(settings.tagline, locale) } : {}),
		url: `${origin}${localizeHref('/', locale)}`,
		...(settings.logoFileId ? { logo: `${origin}/bestanden/${settings.logoFileId}` } : {}),
		...(settings.email ? { email: settings.email } : {}),
		...(settings.phone ? { telephone: settings.phone } : {}),
		...(settings.address ? { address: settings.address } : {}),
		...(settings.website ? { sameAs: [settings.website] } : {})
	};
}

/** A participating organisation's page. */
export function organisationLd(
	o: {
		slug: string;
		name: Translatable;
		shortName?: string | null;
		description?: Translatable | null;
		website?: string | null;
	},
	origin: string,
	locale: Locale
): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: tr(o.name, locale),
		...(o.shortName ? { alternateName: o.shortName } : {}),
		...(o.description ? { description: tr(o.description, locale) } : {}),
		url: `${origin}${localizeHref(`/organisaties/${o.slug}`, locale)}`,
		...(o.website ? { sameAs: [o.website] } : {})
	};
}

/** A public meeting as an Event, organised by its body. */
export function meetingEvent(
	m: {
		id: string;
		displayTitle: string;
		startsAt: Date;
		endsAt: Date;
		location: string | null;
		onlineUrl: string | null;
		status: string;
		bodySlug: string;
		bodyName: Translatable;
	},
	origin: string,
	locale: Locale
): JsonLd {
	const places: JsonLd[] = [];
	if (m.location) places.push({ '@type': 'Place', name: m.location, address: m.location });
	if (m.onlineUrl) places.push({ '@type': 'VirtualLocation', url: m.onlineUrl });
	const mode = m.onlineUrl ? (m.location ? 'Mixed' : 'Online') : 'Offline';
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: m.displayTitle,
		url: `${origin}${localizeHref(`/vergaderingen/${m.id}`, locale)}`,
		startDate: brusselsIso(m.startsAt),
		endDate: brusselsIso(m.endsAt),
		eventStatus: `https://schema.org/${m.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
		eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
		...(places.length ? { location: places.length === 1 ? places[0] : places } : {}),
		organizer: {
			'@type': 'Organization',
			name: tr(m.bodyName, locale),
			url: `${origin}${localizeHref(`/organen/${m.bodySlug}`, locale)}`
		}
	};
}
