/** English for the Dutch messages of audit (see ../messages.ts). */
export const en: Record<string, string> = {
	'Ongeldige cursor.': 'Invalid cursor.',
	'Ongeldige filter.': 'Invalid filter.'
};
