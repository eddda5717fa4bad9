/** Today's date (YYYY-MM-DD) in Europe/Brussels, the platform's time zone. */
export function today(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}
