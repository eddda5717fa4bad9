/** English for the Dutch messages of advice (see ../messages.ts). */
export const en: Record<string, string> = {
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	'Ongeldig document.': 'Invalid document.',
	'Kies het agendapunt waaruit het advies komt.': 'Choose the agenda item the advice comes from.',
	'Kies een besluit van dit punt.': 'Choose a decision of this item.',
	'Kies het orgaan dat het advies ontvangt.': 'Choose the body that receives the advice.',
	'Geef het advies een titel.': 'Give the advice a title.',
	'Schrijf de tekst van het advies.': 'Write the text of the advice.',
	'Kies de vergadering waarop het advies besproken wordt.':
		'Choose the meeting at which the advice will be discussed.',
	'Kies de uitkomst.': 'Choose the outcome.',
	'Kies het orgaan waarnaar het advies verder gaat.': 'Choose the body the advice goes on to.',
	'Het gekozen besluit hoort niet bij dit agendapunt.':
		'The chosen decision does not belong to this agenda item.',
	'Het advies is niet doorgestuurd.': 'The advice was not forwarded.',
	'Agendapunt niet gevonden.': 'Agenda item not found.',
	'Een advies wordt doorgestuurd nadat de vergadering gehouden is: het advies volgt uit die vergadering.':
		'Advice is forwarded after the meeting has been held: the advice follows from that meeting.',
	'Dit punt behandelt een advies dat dit orgaan ontving: noteer de uitkomst „doorgestuurd” om het verder te sturen, zodat het spoor bewaard blijft.':
		'This item treats advice this body received: record the outcome “forwarded” to send it on, so that the trail is kept.',
	'Een advies kan alleen naar een orgaan gaan dat met dit orgaan verbonden is (rapporteert aan, maakt deel uit van of adviseert). Het advies is niet doorgestuurd.':
		'Advice can only go to a body linked to this body (reports to, is part of or advises). The advice was not forwarded.',
	'Alleen stukken van deze vergadering kunnen met het advies mee.':
		'Only documents of this meeting can go with the advice.',
	'Dit punt is al als advies naar {body} gestuurd.':
		'This item has already been sent as advice to {body}.',
	'Advies niet gevonden.': 'Advice not found.',
	// The outcome and the date are Dutch words here: the English leaves the outcome out.
	'Over dit advies is al beslist: {outcome} op {date}.':
		'An outcome has already been recorded for this advice ({date}).',
	'Het advies is niet geagendeerd.': 'The advice was not put on the agenda.',
	'Kies een vergadering van het orgaan dat het advies ontving.':
		'Choose a meeting of the body that received the advice.',
	'Dit advies staat al op de agenda van de vergadering van {date}.':
		'This advice is already on the agenda of the meeting of {date}.',
	// The status is a Dutch label here: the English leaves it out.
	'De agenda van een vergadering met status „{status}” kan niet meer wijzigen: kies een latere vergadering.':
		'The agenda of this meeting can no longer change: choose a later meeting.',
	// The description of the agenda item that treats the advice (a record, kept in Dutch).
	'Advies van {body}:\n\n{text}': 'Advice of {body}:\n\n{text}',
	'De uitkomst is niet bewaard.': 'The outcome was not saved.',
	'Schrijf het gewijzigde advies.': 'Write the amended advice.',
	'Schrijf waarom het advies niet gevolgd wordt.': 'Write why the advice is not followed.',
	'Schrijf wat er beslist werd.': 'Write what was decided.',
	'Een advies kan alleen verder naar een orgaan dat met dit orgaan verbonden is. De uitkomst is niet bewaard.':
		'Advice can only go on to a body linked to this body. The outcome was not saved.',
	'Zet het advies eerst op de agenda van een vergadering: de uitkomst volgt uit die vergadering.':
		'Put the advice on the agenda of a meeting first: the outcome follows from that meeting.',
	'De uitkomst wordt genoteerd nadat de vergadering gehouden is.':
		'The outcome is recorded after the meeting has been held.',
	'Dit advies kwam al langs {body}: het daarheen terugsturen zou een kring maken. De uitkomst is niet bewaard.':
		'This advice has already passed through {body}: sending it back there would make a loop. The outcome was not saved.',
	'U hebt geen toegang tot deze pagina of actie.': 'You do not have access to this page or action.',
	'Besloten behandeld': 'Treated in a closed session'
};
