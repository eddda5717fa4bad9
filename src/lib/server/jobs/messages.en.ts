/** English for the Dutch messages of jobs (see ../messages.ts). */
export const en: Record<string, string> = {
	'Deze taak bestaat niet.': 'This task does not exist.',
	'Kies een taak uit de lijst.': 'Choose a task from the list.',
	// The results and periods the runs record (shown on /beheer/taken).
	'{period} (handmatig {at})': '{period} (by hand {at})',
	'uitgeschakeld (BACKUP_KEEP=0)': 'switched off (BACKUP_KEEP=0)',
	'{file}: {rows} rijen, verwijderd: {removed}': '{file}: {rows} rows, removed: {removed}',
	'sessies: {s}, links: {l}, tellers: {c}': 'sessions: {s}, links: {l}, counters: {c}',
	'geanonimiseerd: {a}, contactberichten: {m}, onbevestigde volgers: {f}':
		'anonymised: {a}, contact messages: {m}, unconfirmed followers: {f}',
	'vergaderingen zonder verslag: {m}, verstuurd: {s}, mislukt: {f}':
		'meetings without minutes: {m}, sent: {s}, failed: {f}',
	'acties die wachten: {a}, eigenaars: {o}, verstuurd: {s}, mislukt: {f}':
		'actions waiting: {a}, owners: {o}, sent: {s}, failed: {f}',
	'zonder antwoord: {d}, herinnerd: {r}, verstuurd: {s}, mislukt: {f}':
		'without an answer: {d}, reminded: {r}, sent: {s}, failed: {f}',
	'meldingen te versturen: {d}, verstuurd: {s}, mislukt: {f}':
		'alerts to send: {d}, sent: {s}, failed: {f}',
	'week {w}: leden met nieuws: {n}, verstuurd: {s}, mislukt: {f}':
		'week {w}: members with news: {n}, sent: {s}, failed: {f}'
};
