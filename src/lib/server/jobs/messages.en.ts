/** English for the Dutch messages of jobs (see ../messages.ts). */
export const en: Record<string, string> = {
	'Deze taak bestaat niet.': 'This task does not exist.',
	'Kies een taak uit de lijst.': 'Choose a task from the list.'
};
