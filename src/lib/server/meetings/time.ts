/** Meeting times: forms speak Europe/Brussels wall-clock, the database stores instants. */
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '../../i18n';

/** 2026-03-12 + 14:00 in Brussels → the instant. */
export function brusselsInstant(date: string, time: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, TIME_ZONE).getTime());
}

/** The instant as Brussels date (YYYY-MM-DD) and time (HH:MM), for forms. */
export function brusselsParts(instant: Date): { date: string; time: string } {
	const z = new TZDate(instant.getTime(), TIME_ZONE);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
		time: `${pad(z.getHours())}:${pad(z.getMinutes())}`
	};
}

/** The calendar year of an instant in Brussels (decision numbers run per year). */
export const brusselsYear = (instant: Date) =>
	new TZDate(instant.getTime(), TIME_ZONE).getFullYear();
