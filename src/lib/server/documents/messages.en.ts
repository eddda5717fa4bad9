/** English for the Dutch messages of documents (see ../messages.ts). */
export const en: Record<string, string> = {
	'Het bestand is groter dan {max} MB.': 'The file is larger than {max} MB.',
	'Dit bestand is geen PDF, Word-, Excel-, OpenDocument- of afbeeldingsbestand (herkend aan de inhoud, niet aan de naam).':
		'This file is not a PDF, Word, Excel, OpenDocument or image file (recognised by its content, not its name).',
	'Het orgaan heeft zijn opslagruimte van {quota} MB bereikt: dit bestand past er niet meer bij. Vraag de beheerders van het platform om meer ruimte.':
		'The body has reached its storage space of {quota} MB: this file no longer fits. Ask the administrators of the platform for more space.',
	'Het bestand is leeg.': 'The file is empty.',
	'Kies een bestand.': 'Choose a file.',
	'Controleer de titel, het agendapunt en de notitie van het document.':
		'Check the title, the agenda item and the note of the document.',
	'Het formulier kon niet gelezen worden. Kies het bestand opnieuw.':
		'The form could not be read. Choose the file again.',
	'Ongeldige keuze.': 'Invalid choice.',
	'Dit document hoort niet bij deze vergadering.': 'This document does not belong to this meeting.',
	'Geef de titel van het document.': 'Enter the title of the document.',
	'Kies een agendapunt van deze vergadering.': 'Choose an agenda item of this meeting.',
	'Document niet gevonden.': 'Document not found.'
};
