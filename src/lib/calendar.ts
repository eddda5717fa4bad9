/**
 * Month arithmetic for the meeting calendars, always in Europe/Brussels: which month a
 * `?maand=YYYY-MM` names, its window as instants, and its weeks (Monday first) as a grid.
 * Pure functions, shared by the server loads and the calendar component.
 */
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './i18n';

export type Month = { year: number; month: number };
export type CalendarView = 'maand' | 'lijst';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03" for March 2026. */
export const monthKey = (m: Month) => `${m.year}-${pad(m.month)}`;

/** The Brussels calendar date (YYYY-MM-DD) of an instant. */
export function dayKey(instant: Date): string {
	const z = new TZDate(instant.getTime(), TIME_ZONE);
	return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** The month of an instant in Brussels. */
export function monthOf(instant: Date): Month {
	const z = new TZDate(instant.getTime(), TIME_ZONE);
	return { year: z.getFullYear(), month: z.getMonth() + 1 };
}

/** `?maand=2026-03` → that month; missing or malformed → the current month. */
export function parseMonth(value: string | null | undefined, now = new Date()): Month {
	const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value ?? '');
	if (!m) return monthOf(now);
	const year = Number(m[1]);
	return year >= 1900 && year <= 2200 ? { year, month: Number(m[2]) } : monthOf(now);
}

/** `?weergave=lijst` → the list, anything else → the month grid. */
export const parseView = (value: string | null | undefined): CalendarView =>
	value === 'lijst' ? 'lijst' : 'maand';

export function shiftMonth(m: Month, by: number): Month {
	const index = m.year * 12 + (m.month - 1) + by;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Midnight in Brussels at the start of the month, and at the start of the next one. */
export function monthWindow(m: Month): { from: Date; to: Date } {
	const next = shiftMonth(m, 1);
	return {
		from: new Date(new TZDate(m.year, m.month - 1, 1, TIME_ZONE).getTime()),
		to: new Date(new TZDate(next.year, next.month - 1, 1, TIME_ZONE).getTime())
	};
}

export type GridDay = { date: string; day: number; inMonth: boolean };

/** The weeks (Monday first) that cover the month, with the days of the neighbouring months. */
export function monthGrid(m: Month): GridDay[][] {
	// Calendar dates only: UTC noon avoids any daylight-saving edge.
	const first = new Date(Date.UTC(m.year, m.month - 1, 1, 12));
	const offset = (first.getUTCDay() + 6) % 7; // Monday = 0
	const start = first.getTime() - offset * 86_400_000;
	const weeks: GridDay[][] = [];
	for (let w = 0; w < 6; w++) {
		const week: GridDay[] = [];
		for (let d = 0; d < 7; d++) {
			const date = new Date(start + (w * 7 + d) * 86_400_000);
			week.push({
				date: date.toISOString().slice(0, 10),
				day: date.getUTCDate(),
				inMonth: date.getUTCMonth() === m.month - 1
			});
		}
		// A sixth week only when the month reaches into it.
		if (w > 0 && !week.some((d) => d.inMonth)) break;
		weeks.push(week);
	}
	return weeks;
}

/** 14:05 in Brussels. */
export function formatTime(instant: Date, locale: 'nl' | 'en'): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', {
		timeZone: TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit'
	}).format(instant);
}

/** "maart 2026" / "March 2026". */
export function formatMonth(m: Month, locale: 'nl' | 'en'): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', {
		timeZone: 'UTC',
		month: 'long',
		year: 'numeric'
	}).format(new Date(Date.UTC(m.year, m.month - 1, 15)));
}

/** Weekday names, Monday first: long ("maandag") and short ("ma"). */
export function weekdays(locale: 'nl' | 'en'): { long: string; short: string }[] {
	const tag = locale === 'en' ? 'en-GB' : 'nl-BE';
	const long = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long' });
	const short = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'short' });
	// 1 January 2024 was a Monday.
	return Array.from({ length: 7 }, (_, i) => {
		const d = new Date(Date.UTC(2024, 0, 1 + i, 12));
		return { long: long.format(d), short: short.format(d).replace(/\.$/, '') };
	});
}
