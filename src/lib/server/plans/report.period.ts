/**
 * The period of a progress report: `van` and `tot` (YYYY-MM-DD, both inclusive) from the URL, by
 * default the last full calendar quarter before today (Europe/Brussels), and its title.
 */
import { today as clockToday } from '../clock';
import { AppError } from '../errors';
import { formatDate, type Locale } from '../../i18n';
import { periodLabel } from '../monitor/periods';

export type ReportPeriod = { from: string; to: string };

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => dayOf(ms(day) + days * DAY);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isDay(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const [y, mo, d] = m.slice(1).map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The last full calendar quarter before `today`: 2026-05-14 → 2026-01-01 … 2026-03-31. */
export function lastFullQuarter(today: string): ReportPeriod {
	const [y, m] = today.split('-').map(Number);
	const current = Math.floor((m - 1) / 3);
	const year = current === 0 ? y - 1 : y;
	const quarter = current === 0 ? 3 : current - 1;
	const first = quarter * 3 + 1;
	const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
	return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** The same day `years` later (29 February → 28 February). */
function yearsAfter(day: string, years: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
	return `${y + years}-${pad(m)}-${pad(Math.min(d, last))}`;
}

const refuse = (message: string, field: 'van' | 'tot'): never => {
	throw new AppError('invalid_input', message, { [field]: [message] });
};

/**
 * The period of a report from the URL's `van` and `tot` (YYYY-MM-DD, both inclusive): both empty
 * gives the last full quarter before today (Europe/Brussels). Refused with a Dutch message: one
 * date without the other, a date that does not exist, an end before the start, a start after
 * today, or more than ten years.
 */
export function reportPeriod(
	input: { from?: string | null; to?: string | null },
	today: string = clockToday()
): ReportPeriod {
	const from = input.from?.trim() || undefined;
	const to = input.to?.trim() || undefined;
	if (!from && !to) return lastFullQuarter(today);
	if (!from) refuse('Vul ook de begindatum (van) in, of laat beide datums leeg.', 'van');
	if (!to) refuse('Vul ook de einddatum (tot) in, of laat beide datums leeg.', 'tot');
	if (!isDay(from!)) refuse('De begindatum (van) is geen datum: schrijf bv. 2026-01-01.', 'van');
	if (!isDay(to!)) refuse('De einddatum (tot) is geen datum: schrijf bv. 2026-03-31.', 'tot');
	if (to! < from!) refuse('De einddatum (tot) ligt vóór de begindatum (van).', 'tot');
	if (from! > today) {
		refuse('De periode begint na vandaag: er is nog niets te rapporteren.', 'van');
	}
	if (to! >= yearsAfter(from!, 10)) {
		refuse('Een voortgangsrapport beslaat hoogstens tien jaar.', 'tot');
	}
	return { from: from!, to: to! };
}

/** "3e kwartaal 2026" for a whole quarter, otherwise "01/07/2026 – 15/08/2026". */
export function periodTitle(p: ReportPeriod, locale: Locale): string {
	const [y, m] = p.from.split('-').map(Number);
	if (p.from.endsWith('-01') && (m - 1) % 3 === 0) {
		const q = lastFullQuarter(addDays(p.to, 1));
		if (q.from === p.from && q.to === p.to) return periodLabel(`${y}-Q${(m + 2) / 3}`, locale);
	}
	return `${formatDate(p.from, locale)} – ${formatDate(p.to, locale)}`;
}
