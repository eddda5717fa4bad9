/** Dutch labels for the workspace's account pages (the workspace speaks Dutch). */

export const platformRoleLabel: Record<string, string> = {
	admin: 'beheerder',
	staff: 'medewerker',
	user: 'gebruiker'
};

export const apiScopeLabel: Record<string, { label: string; hint: string }> = {
	'observations:write': {
		label: 'Waarnemingen schrijven',
		hint: 'Cijfers voor de monitor aanleveren.'
	},
	'structure:read': {
		label: 'Structuur lezen',
		hint: 'Organen, organisaties en gebieden opvragen.'
	},
	'meetings:read': { label: 'Vergaderingen lezen', hint: 'Vergaderingen en agenda’s opvragen.' }
};

export const jobStatusLabel: Record<string, string> = {
	running: 'bezig',
	succeeded: 'geslaagd',
	failed: 'mislukt'
};

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
export function deviceLabel(userAgent: string | null): string {
	if (!userAgent) return 'Onbekend apparaat';
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
	if (browser && os) return `${browser} op ${os}`;
	return browser ?? os ?? userAgent.slice(0, 60);
}
