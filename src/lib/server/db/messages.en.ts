/** English for the Dutch messages of db (see ../messages.ts): start-up errors for operators. */
export const en: Record<string, string> = {
	'DATA_DIR {dir} is niet schrijfbaar ({code}): kies een map waarin dit proces mag schrijven.':
		'DATA_DIR {dir} is not writable ({code}): choose a folder this process may write to.',
	'De ingebouwde database in {dir} is in gebruik door {purpose} (pid {pid}). Stop die eerst (Ctrl+C of kill -TERM), of zet DATABASE_URL naar een PostgreSQL-server zodat meerdere processen ze kunnen delen.':
		'The built-in database in {dir} is in use by {purpose} (pid {pid}). Stop that first (Ctrl+C or kill -TERM), or set DATABASE_URL to a PostgreSQL server so that several processes can share it.',
	'De ingebouwde database in {dir} is in gebruik door {purpose} (pid {pid}). ':
		'The built-in database in {dir} is in use by {purpose} (pid {pid}). ',
	'Stop die eerst (Ctrl+C of kill -TERM), of zet DATABASE_URL naar een PostgreSQL-server zodat meerdere processen ze kunnen delen.':
		'Stop that first (Ctrl+C or kill -TERM), or set DATABASE_URL to a PostgreSQL server so that several processes can share it.',
	'Kon de datamap {dir} niet vergrendelen.': 'Could not lock the data folder {dir}.',
	'De map drizzle/ met de migraties is niet gevonden naast de applicatie.':
		'The drizzle/ folder with the migrations was not found next to the application.',
	'De databank is even niet bereikbaar. Probeer het over enkele seconden opnieuw.':
		'The database cannot be reached for a moment. Please try again in a few seconds.'
};
