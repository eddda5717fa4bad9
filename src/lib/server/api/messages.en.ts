/** English for the Dutch messages of api (see ../messages.ts). */
export const en: Record<string, string> = {
	'Ongeldige invoer': 'Invalid input',
	'Geen API-sleutel': 'No API key',
	'Te veel verzoeken (anonieme limiet per IP-adres); opnieuw na Retry-After':
		'Too many requests (anonymous limit per IP address); try again after Retry-After',
	'Niet gewijzigd: If-None-Match noemde de ETag': 'Not modified: If-None-Match named the ETag',
	'Te veel verzoeken. Probeer het over {seconds} seconden opnieuw.':
		'Too many requests. Try again in {seconds} seconds.'
};
