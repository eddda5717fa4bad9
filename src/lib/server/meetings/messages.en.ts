/** English for the Dutch messages of meetings (see ../messages.ts). */

/** The meeting statuses as messages quote them (meetings.service.ts `statusLabels`). */
const statuses: Record<string, string> = {
	Ontwerp: 'Draft',
	'Agenda gepubliceerd': 'Agenda published',
	Gehouden: 'Held',
	'Verslag in opmaak': 'Minutes being drafted',
	'Verslag goedgekeurd': 'Minutes approved',
	Geannuleerd: 'Cancelled'
};

/** The messages that quote a meeting status, with the status in English too. */
const withStatus: Record<string, string> = {
	'Een vergadering met status „{status}” kan niet meer wijzigen.':
		'A meeting with the status “{status}” can no longer change.',
	'De agenda van een vergadering met status „{status}” kan niet meer wijzigen.':
		'The agenda of a meeting with the status “{status}” can no longer change.',
	'Dat kan niet bij een vergadering met status „{status}”.':
		'That is not possible for a meeting with the status “{status}”.'
};
const quoted = Object.fromEntries(
	Object.entries(withStatus).flatMap(([dutch, english]) =>
		Object.entries(statuses).map(([nl, en]) => [
			dutch.replace('{status}', nl),
			english.replace('{status}', en)
		])
	)
);

export const en: Record<string, string> = {
	...statuses,
	...withStatus,
	...quoted,
	// Labels of agenda item kinds, attendance and decision outcomes.
	'Ter informatie': 'For information',
	'Ter bespreking': 'For discussion',
	'Ter beslissing': 'For decision',
	'Voor advies': 'For advice',
	Aanwezig: 'Present',
	Verontschuldigd: 'Excused',
	Afwezig: 'Absent',
	Vervangen: 'Substituted',
	Aangenomen: 'Adopted',
	Verworpen: 'Rejected',
	Uitgesteld: 'Postponed',
	Ingetrokken: 'Withdrawn',
	// The agenda.
	'De geplande duur van de agendapunten ({planned} min.) is langer dan de vergadering ({available} min.).':
		'The planned duration of the agenda items ({planned} min.) is longer than the meeting ({available} min.).',
	'Agendapunt niet gevonden.': 'Agenda item not found.',
	'Het agendapunt is niet opgeslagen.': 'The agenda item has not been saved.',
	'Kies een agendapunt van deze vergadering.': 'Choose an agenda item of this meeting.',
	'Kies een hoofdpunt van deze vergadering.': 'Choose a main item of this meeting.',
	'Een agenda heeft hoogstens twee niveaus: kies een hoofdpunt.':
		'An agenda has at most two levels: choose a main item.',
	'Een punt met subpunten kan zelf geen subpunt worden.':
		'An item with sub-items cannot become a sub-item itself.',
	'Kies beleidsdomeinen uit de lijst.': 'Choose policy domains from the list.',
	'De volgorde is niet opgeslagen.': 'The order has not been saved.',
	'De agenda is intussen gewijzigd. Laad de pagina opnieuw en probeer nog eens.':
		'The agenda has changed in the meantime. Reload the page and try again.',
	'Geef het agendapunt een titel.': 'Give the agenda item a title.',
	'Kies een soort agendapunt.': 'Choose a kind of agenda item.',
	'Ongeldig beleidsdomein.': 'Invalid policy domain.',
	'Een agenda zonder punten kan niet gepubliceerd worden. Voeg eerst een punt toe.':
		'An agenda without items cannot be published. Add an item first.',
	// Decisions.
	'Het besluit is niet opgeslagen.': 'The decision has not been saved.',
	'Kies een eerdere vergadering van dit orgaan.': 'Choose an earlier meeting of this body.',
	'Het verslag van die vergadering is al goedgekeurd.':
		'The minutes of that meeting have already been approved.',
	'Die vergadering heeft nog geen ontwerpverslag.': 'That meeting has no draft minutes yet.',
	'Besluiten worden genoteerd zodra de vergadering gehouden is.':
		'Decisions are recorded once the meeting has been held.',
	'Besluit niet gevonden.': 'Decision not found.',
	'Dit besluit kan niet meer wijzigen: het verslag is goedgekeurd.':
		'This decision can no longer change: the minutes have been approved.',
	'Geef een aantal stemmen.': 'Enter a number of votes.',
	'Geef een geheel aantal stemmen.': 'Enter a whole number of votes.',
	'Een aantal stemmen is niet negatief.': 'A number of votes cannot be negative.',
	'Geef het besluit een titel.': 'Give the decision a title.',
	'Schrijf de tekst van het besluit.': 'Write the text of the decision.',
	'Kies de uitkomst van het besluit.': 'Choose the outcome of the decision.',
	'Kies een vergadering waarvan het verslag klaarligt.':
		'Choose a meeting whose minutes are ready.',
	'Vul de drie aantallen van de stemming in (voor, tegen, onthouding) of geen.':
		'Fill in all three numbers of the vote (for, against, abstentions) or none.',
	// Lists and the API.
	'Ongeldige filter.': 'Invalid filter.',
	'Ongeldige cursor.': 'Invalid cursor.',
	// Invitations (the notices of invitations.service.ts).
	'De vergadering van {when} gaat niet door. Reden: {reason}':
		'The meeting of {when} will not take place. Reason: {reason}',
	'U bent uitgenodigd voor {title} op {when}.': 'You are invited to {title} on {when}.',
	'De vergadering {title} is gewijzigd. Nu: {when}.':
		'The meeting {title} has changed. Now: {when}.',
	// The meeting form.
	'Geef een uur als UU:MM.': 'Enter a time as HH:MM.',
	'Geef een uur als UU:MM (bijvoorbeeld 14:00).': 'Enter a time as HH:MM (for example 14:00).',
	'Geef een aantal minuten.': 'Enter a number of minutes.',
	'Geef een geheel aantal minuten.': 'Enter a whole number of minutes.',
	'Een duur is minstens 1 minuut.': 'A duration is at least 1 minute.',
	'Een duur is hoogstens 24 uur.': 'A duration is at most 24 hours.',
	'Geef een volledig webadres (https://…).': 'Enter a full web address (https://…).',
	'De vergadering moet eindigen na het begin.': 'The meeting must end after it starts.',
	'Kies een vergadering om te kopiëren.': 'Choose a meeting to copy.',
	'Kies een vergadering van dit orgaan om te kopiëren.': 'Choose a meeting of this body to copy.',
	'Geef een reden voor de annulering.': 'Give a reason for the cancellation.',
	'Vergadering niet gevonden.': 'Meeting not found.',
	'De vergadering is niet opgeslagen.': 'The meeting has not been saved.',
	'Orgaan niet gevonden.': 'Body not found.',
	// Status transitions.
	'Deze vergadering is al begonnen: een uitnodiging kan niet meer verstuurd worden.':
		'This meeting has already started: an invitation can no longer be sent.',
	'De vergadering is nog niet begonnen (begint op {when}).':
		'The meeting has not started yet (it starts on {when}).',
	'De vergadering is niet geannuleerd.': 'The meeting has not been cancelled.',
	'Alleen een ontwerp kan verwijderd worden; annuleer een gepubliceerde vergadering.':
		'Only a draft can be deleted; cancel a published meeting.',
	// Replies and attendance.
	'Uw antwoord is niet opgeslagen.': 'Your reply has not been saved.',
	'Op deze vergadering kunt u niet (meer) antwoorden: er is geen uitnodiging open.':
		'You cannot reply to this meeting (any more): there is no open invitation.',
	'De vergadering is al begonnen ({when}): antwoorden kan niet meer.':
		'The meeting has already started ({when}): replies are closed.',
	'U bent niet uitgenodigd voor deze vergadering.': 'You are not invited to this meeting.',
	'Kies aanwezig of verontschuldigd.': 'Choose attending or excused.',
	'Kies aanwezig, verontschuldigd, afwezig of vervangen.':
		'Choose present, excused, absent or substituted.',
	'De aanwezigheid is niet opgeslagen.': 'The attendance has not been saved.',
	'De aanwezigheid wordt genoteerd nadat de vergadering gehouden is.':
		'Attendance is recorded after the meeting has been held.',
	'Deze persoon is geen lid van het orgaan.': 'This person is not a member of the body.',
	'Kies een status voor elk lid.': 'Choose a status for each member.',
	// Standing items (the service and the workspace page).
	'Geef het vaste agendapunt een titel.': 'Give the standing item a title.',
	'Kies een orgaan waarover gerapporteerd wordt.': 'Choose a body to report on.',
	'Het vaste agendapunt is niet opgeslagen.': 'The standing item has not been saved.',
	'Een vast agendapunt kan alleen rapporteren over een orgaan dat met dit orgaan verbonden is (rapporteert aan, maakt deel uit van of adviseert). Het vaste agendapunt is niet opgeslagen.':
		'A standing item can only report on a body linked to this body (reports to, is part of or advises). The standing item has not been saved.',
	'Vast agendapunt niet gevonden.': 'Standing item not found.',
	'Het vaste agendapunt is niet verwijderd.': 'The standing item has not been deleted.',
	'Vink aan dat u dit vaste agendapunt wilt verwijderen.':
		'Tick the box to confirm that you want to delete this standing item.'
};
