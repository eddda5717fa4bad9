/** English for the Dutch messages of notifications (see ../messages.ts). */
export const en: Record<string, string> = {
	'Geen ISO-week: {week}.': 'Not an ISO week: {week}.'
};
