/** English for the Dutch messages of policy (see ../messages.ts). */
export const en: Record<string, string> = {
	'Meld u aan om verder te gaan.': 'Log in to continue.',
	'U hebt geen toegang tot deze pagina of actie.': 'You do not have access to this page or action.'
};
