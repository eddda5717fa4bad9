/** English for the Dutch messages of dossiers (see ../messages.ts). */
export const en: Record<string, string> = {
	// dossiers.schema.ts
	'Geef het dossier een titel.': 'Give the dossier a title.',
	'Kies het orgaan wiens standpunt dit is.': 'Choose the body whose position this is.',
	'Nog geen besluit nam dit standpunt aan: koppel eerst het besluit dat het aannam, dan kunt u de verzending vastleggen.':
		'No decision has adopted this position yet: first link the decision that adopted it, then you can record the sending.',
	'Een dossier wordt pas openbaar nadat een besluit het standpunt aannam: koppel eerst dat besluit.':
		'A dossier can only become public once a decision has adopted the position: first link that decision.',
	'Het antwoord kan niet vroeger gedateerd zijn dan de verzending ({date}).':
		'The answer cannot be dated earlier than the sending ({date}).',
	'Leg eerst vast wanneer het standpunt aan deze geadresseerde verstuurd werd.':
		'First record when the position was sent to this addressee.',
	'Die datum ligt in de toekomst.': 'That date is in the future.',
	'Een besloten document kan niet bij een openbaar dossier: het zou publiek zichtbaar worden. Maak het document openbaar of het dossier besloten.':
		'A closed document cannot belong to a public dossier: it would become publicly visible. Make the document public or the dossier closed.',
	'Dit dossier bevat besloten documenten: het kan niet openbaar worden zolang die erbij horen.':
		'This dossier holds closed documents: it cannot become public while they belong to it.',
	'Het aantal dagen is een geheel getal van 1 tot 730.':
		'The number of days is a whole number from 1 to 730.',
	'Zeg kort waarom het dossier afgesloten wordt.': 'Say briefly why the dossier is being closed.',
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	'Hoogstens 200.': 'At most 200.',
	'Ongeldig beleidsdomein.': 'Invalid policy domain.',
	'Ongeldig besluit.': 'Invalid decision.',
	'Kies een besluit.': 'Choose a decision.',
	'Kies een geadresseerde.': 'Choose an addressee.',
	'Kies wat het document is.': 'Choose what the document is.',
	'Ongeldige geadresseerde.': 'Invalid addressee.',
	'Ongeldig onderdeel van een plan.': 'Invalid plan item.',

	// dossiers.service.ts
	'Dossier niet gevonden.': 'Dossier not found.',
	'Iemand anders heeft dit dossier intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.':
		'Someone else has changed this dossier in the meantime. Your change was not saved: look at the current version and try again.',
	'Kies bestaande beleidsdomeinen.': 'Choose existing policy domains.',
	'Dat besluit bestaat niet.': 'That decision does not exist.',
	'Dit besluit is al aan het dossier gekoppeld.': 'This decision is already linked to the dossier.',
	'Besluit niet gevonden.': 'Decision not found.',
	'Dit besluit is niet aan het dossier gekoppeld.': 'This decision is not linked to the dossier.',
	'Dit is het enige besluit dat het standpunt aannam, en het dossier is al verstuurd of openbaar: koppel eerst een ander besluit.':
		'This is the only decision that adopted the position, and the dossier has already been sent or is public: link another decision first.',
	'Geadresseerde niet gevonden.': 'Addressee not found.',
	'Die organisatie bestaat niet.': 'That organisation does not exist.',
	'Kies een bestaande organisatie.': 'Choose an existing organisation.',
	'Deze organisatie is al geadresseerde van het dossier.':
		'This organisation is already an addressee of the dossier.',
	'Al geadresseerde.': 'Already an addressee.',
	'De verzending kan niet later zijn dan het antwoord ({date}).':
		'The sending cannot be later than the answer ({date}).',
	'Kies van welke geadresseerde dit antwoord is.': 'Choose which addressee this answer is from.',
	'Kies een bestand.': 'Choose a file.',
	'Die geadresseerde hoort niet bij dit dossier.':
		'That addressee does not belong to this dossier.',
	'Kies een geadresseerde van dit dossier.': 'Choose an addressee of this dossier.',
	'Document niet gevonden.': 'Document not found.',
	'Kies doelstellingen of acties van een plan.': 'Choose objectives or actions of a plan.',

	// dossiers.web.ts, editing.web.ts
	'Het jaar is een getal van vier cijfers.': 'The year is a four-digit number.',
	'Die stand bestaat niet.': 'That stage does not exist.',
	'U beheert geen orgaan waarvoor u een dossier kunt maken.':
		'You do not run a body for which you can create a dossier.',
	'U beheert het orgaan van dit besluit niet.': 'You do not run the body of this decision.',
	'U beheert dit dossier niet.': 'You do not keep this dossier.',
	'Het dossier is bewaard.': 'The dossier has been saved.',
	'Het besluit is gekoppeld.': 'The decision has been linked.',
	'Het besluit is losgekoppeld.': 'The decision has been unlinked.',
	'De geadresseerde is toegevoegd.': 'The addressee has been added.',
	'De geadresseerde is verwijderd.': 'The addressee has been removed.',
	'De verzending is vastgelegd.': 'The sending has been recorded.',
	'Het antwoord is bewaard.': 'The answer has been saved.',
	'Het document is toegevoegd.': 'The document has been added.',
	'Het document is verwijderd.': 'The document has been deleted.',
	'De onderdelen van plannen zijn bewaard.': 'The plan items have been saved.',
	'Kies de onderdelen met het formulier op de pagina.':
		'Choose the items with the form on the page.',
	'Het dossier is afgesloten.': 'The dossier has been closed.',
	'Het dossier is heropend.': 'The dossier has been reopened.',
	'Dit dossier is niet afgesloten.': 'This dossier is not closed.',
	'Vink aan dat u het dossier wilt verwijderen.':
		'Tick the box to confirm you want to delete the dossier.',

	// dossiers.queries.ts (timeline; already chosen by locale there)
	'Aangenomen in een besloten zitting': 'Adopted in a closed session',

	// reminders.ts (the reminder mail). The longer subject first: the shorter would match it too.
	'Herinnering: nog geen antwoord van {who} op „{title}”':
		'Reminder: no answer yet from {who} to “{title}”',
	'Herinnering: nog geen antwoord van {who}': 'Reminder: no answer yet from {who}',
	'Het standpunt „{title}” werd op {sentOn} aan {who} verstuurd. Een antwoord werd verwacht tegen {dueOn}, maar er is er nog geen vastgelegd.':
		'The position “{title}” was sent to {who} on {sentOn}. An answer was expected by {dueOn}, but none has been recorded yet.',
	'Vraag het antwoord op, of leg het vast in het dossier zodra het er is.':
		'Ask for the answer, or record it in the dossier as soon as it arrives.',
	'Naar het dossier': 'Go to the dossier',

	// status.ts (its explanations are already chosen by locale there)
	'Afgesloten op {date}.': 'Closed on {date}.',
	'Elke geadresseerde antwoordde; {actions} uit een plan {verb} het op.':
		'Every addressee answered; plan actions follow it up.',
	'Elke geadresseerde aan wie het verstuurd werd, antwoordde ({count}).':
		'Every addressee it was sent to answered ({count}).',
	' Geen antwoord binnen de termijn van {names}.': ' No answer in time from {names}.',
	'Verstuurd aan {sent} geadresseerde{s}; {answered} antwoordde{n}.':
		'Sent to {sent} addressee(s); {answered} answered.',
	'Een besluit nam het standpunt aan; het is nog niet verstuurd.':
		'A decision adopted the position; it has not been sent yet.',
	'Nog geen besluit nam het standpunt aan.': 'No decision has adopted the position yet.'
};
