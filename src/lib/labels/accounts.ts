/** Labels for the workspace's account pages, in Dutch and English (pick by the page's locale). */
import type { Locale } from '$lib/i18n';

export const platformRoleLabels: Record<Locale, Record<string, string>> = {
	nl: { admin: 'beheerder', staff: 'medewerker', user: 'gebruiker' },
	en: { admin: 'administrator', staff: 'staff member', user: 'user' }
};
/** The Dutch role labels (as before); `platformRoleLabels[locale]` for a page in either language. */
export const platformRoleLabel = platformRoleLabels.nl;

export const apiScopeLabels: Record<Locale, Record<string, { label: string; hint: string }>> = {
	nl: {
		'observations:write': {
			label: 'Waarnemingen schrijven',
			hint: 'Cijfers voor de monitor aanleveren.'
		},
		'structure:read': {
			label: 'Structuur lezen',
			hint: 'Organen, organisaties en gebieden opvragen.'
		},
		'meetings:read': { label: 'Vergaderingen lezen', hint: 'Vergaderingen en agenda’s opvragen.' }
	},
	en: {
		'observations:write': {
			label: 'Write observations',
			hint: 'Deliver figures for the monitor.'
		},
		'structure:read': {
			label: 'Read structure',
			hint: 'Retrieve bodies, organisations and areas.'
		},
		'meetings:read': { label: 'Read meetings', hint: 'Retrieve meetings and agendas.' }
	}
};
export const apiScopeLabel = apiScopeLabels.nl;

export const jobStatusLabels: Record<Locale, Record<string, string>> = {
	nl: { running: 'bezig', succeeded: 'geslaagd', failed: 'mislukt' },
	en: { running: 'running', succeeded: 'succeeded', failed: 'failed' }
};
export const jobStatusLabel = jobStatusLabels.nl;

/** A value of an audit change, JSON as stored, cut to `max` characters. */
export function shortJson(value: unknown, max = 80): string {
	if (value === undefined) return '—';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "3 min 4 s", "850 ms": how long a run took. */
export function duration(start: Date, end: Date | null): string {
	if (!end) return '—';
	const ms = end.getTime() - start.getTime();
	if (ms < 1000) return `${ms} ms`;
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	const m = Math.floor(s / 60);
	return `${m} min ${s % 60} s`;
}

/** "Firefox op Linux": a readable guess from a user-agent string (never used for decisions). */
export function deviceLabel(userAgent: string | null, locale: Locale = 'nl'): string {
	if (!userAgent) return locale === 'en' ? 'Unknown device' : 'Onbekend apparaat';
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /Chrom(e|ium)\//.test(userAgent)
				? 'Chrome'
				: /Safari\//.test(userAgent)
					? 'Safari'
					: null;
	const os = /Windows/.test(userAgent)
		? 'Windows'
		: /Android/.test(userAgent)
			? 'Android'
			: /iPhone|iPad/.test(userAgent)
				? 'iOS'
				: /Mac OS X/.test(userAgent)
					? 'macOS'
					: /Linux/.test(userAgent)
						? 'Linux'
						: null;
	if (browser && os) return `${browser} ${locale === 'en' ? 'on' : 'op'} ${os}`;
	return browser ?? os ?? userAgent.slice(0, 60);
}
