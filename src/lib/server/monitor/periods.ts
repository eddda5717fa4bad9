/**
 * Observation periods: a year (`2024`), a quarter (`2024-Q1`), a month (`2024-03`) or a date
 * (`2024-03-15`). Each has a first day, for sorting and ranges. Pure functions.
 */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'date';
export type Period = { period: string; kind: PeriodKind; start: string };

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parse a period as files write it (`2024`, `2024-Q1`, `2024Q1`, `2024-03`, `2024-03-15`,
 * `15/03/2024`); null when it is not one or out of range.
 */
export function parsePeriod(input: string): Period | null {
	const s = input.trim();
	let m = /^(\d{4})$/.exec(s);
	if (m) return inRange(+m[1]) ? { period: m[1], kind: 'year', start: `${m[1]}-01-01` } : null;
	m = /^(\d{4})-?[Qq]([1-4])$/.exec(s);
	if (m) {
		const q = +m[2];
		return inRange(+m[1])
			? { period: `${m[1]}-Q${q}`, kind: 'quarter', start: `${m[1]}-${pad(q * 3 - 2)}-01` }
			: null;
	}
	m = /^(\d{4})-(\d{2})$/.exec(s);
	if (m) {
		const month = +m[2];
		return inRange(+m[1]) && month >= 1 && month <= 12
			? { period: s, kind: 'month', start: `${s}-01` }
			: null;
	}
	m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
	const ymd: [number, number, number] | null = m
		? [+m[1], +m[2], +m[3]]
		: dmy
			? [+dmy[3], +dmy[2], +dmy[1]]
			: null;
	if (!ymd) return null;
	const [y, mo, d] = ymd;
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (!inRange(y) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	const iso = `${y}-${pad(mo)}-${pad(d)}`;
	return { period: iso, kind: 'date', start: iso };
}

function inRange(year: number) {
	return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** How a period reads in Dutch (`2024`, `1e kwartaal 2024`, `maart 2024`, `15 maart 2024`). */
export function periodLabel(period: string, locale: 'nl' | 'en' = 'nl'): string {
	const p = parsePeriod(period);
	if (!p) return period;
	const [y, mo, d] = p.start.split('-').map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	const tag = locale === 'en' ? 'en-GB' : 'nl-BE';
	switch (p.kind) {
		case 'year':
			return String(y);
		case 'quarter':
			return locale === 'en' ? `Q${(mo + 2) / 3} ${y}` : `${(mo + 2) / 3}e kwartaal ${y}`;
		case 'month':
			return date.toLocaleDateString(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
		default:
			return date.toLocaleDateString(tag, {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
	}
}
