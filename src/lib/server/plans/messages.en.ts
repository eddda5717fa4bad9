/** English for the Dutch messages of plans (see ../messages.ts). */

/** The stages of a plan as the service writes them in a message (lower case). */
const stages: Record<string, string> = {
	ontwerp: 'draft',
	vastgesteld: 'adopted',
	lopend: 'running',
	afgesloten: 'closed'
};
/** The kinds of item as the service writes them in a message. */
const kinds: Record<string, string> = {
	thema: 'theme',
	doelstelling: 'objective',
	actie: 'action'
};

/** Messages that name a stage or a kind: one English sentence per Dutch word. */
const named: Record<string, string> = Object.fromEntries([
	...Object.entries(stages).map(([nl, en]) => [
		`Dit plan is al vastgesteld (status: ${nl}).`,
		`This plan has already been adopted (stage: ${en}).`
	]),
	...Object.entries(stages).flatMap(([fromNl, fromEn]) =>
		Object.entries(stages).map(([toNl, toEn]) => [
			`Een plan met status „${fromNl}” kan niet naar „${toNl}”.`,
			`A plan at the stage “${fromEn}” cannot move to “${toEn}”.`
		])
	),
	...Object.entries(kinds).map(([nl, en]) => [
		`Kies waaronder deze ${nl} hoort.`,
		`Choose where this ${en} belongs.`
	])
]);

export const en: Record<string, string> = {
	...named,

	// Attachments of progress updates
	'Voeg hoogstens {max} bijlagen toe (u koos er {count}).':
		'Add at most {max} attachments (you chose {count}).',
	'De titel van een bijlage is hoogstens {max} tekens lang.':
		'The title of an attachment is at most {max} characters long.',

	// The workspace pages (editing.web.ts, plans.web.ts, report.web.ts)
	'Bevestig het verwijderen met de knop op de pagina.':
		'Confirm the deletion with the button on the page.',
	'U beheert dit plan niet.': 'You do not keep this plan.',
	'U beheert geen orgaan waarvoor u een plan kunt opstellen.':
		'You do not run a body for which you can draw up a plan.',
	'Het bestand is te groot: hoogstens 5 MB.': 'The file is too large: 5 MB at most.',
	'Kies een bestand (Excel of CSV).': 'Choose a file (Excel or CSV).',
	'Het plan is bewaard.': 'The plan has been saved.',
	'Het plan is vastgesteld.': 'The plan has been adopted.',
	'De status van het plan is gewijzigd.': 'The stage of the plan has been changed.',
	'Versie {previous} is bewaard; u werkt nu aan versie {version}.':
		'Version {previous} has been kept; you are now working on version {version}.',
	'De status is bewaard.': 'The status has been saved.',
	'Het thema is toegevoegd.': 'The theme has been added.',
	'Thema {id} is toegevoegd.': 'Theme {id} has been added.',
	'Doelstelling {id} is toegevoegd.': 'Objective {id} has been added.',
	'Actie {id} is toegevoegd.': 'Action {id} has been added.',
	'Onderdeel van het plan niet gevonden.': 'Part of the plan not found.',
	'Het onderdeel is bewaard.': 'The part has been saved.',
	'De volgorde is gewijzigd.': 'The order has been changed.',
	'De mijlpaal is toegevoegd.': 'The milestone has been added.',
	'De mijlpaal is bewaard.': 'The milestone has been saved.',
	'De mijlpaal is verwijderd.': 'The milestone has been deleted.',
	'De meting is toegevoegd.': 'The measure has been added.',
	'Het besluit is gekoppeld.': 'The decision has been linked.',
	'Meting niet gevonden.': 'Measure not found.',
	'De meting is bewaard.': 'The measure has been saved.',
	'Uw update is bewaard.': 'Your update has been saved.',
	'U hebt geen toegang tot dit plan.': 'You do not have access to this plan.',
	'Actie niet gevonden.': 'Action not found.',
	'Plan niet gevonden.': 'Plan not found.',

	// A plan file (exchange.ts)
	'Dit plan bestaat niet.': 'This plan does not exist.',
	'Het bestand is leeg.': 'The file is empty.',
	'Het CSV-bestand is niet leesbaar vanaf regel {line} (controleer de aanhalingstekens).':
		'The CSV file cannot be read from line {line} (check the quotation marks).',
	'Dit is geen leesbaar Excel-bestand (.xlsx).': 'This is not a readable Excel file (.xlsx).',
	'Het Excel-bestand bevat geen werkblad.': 'The Excel file has no worksheet.',
	'Ontbrekende kolommen: {columns}.': 'Missing columns: {columns}.',
	'Onbekende kolommen: {columns}. Gebruik de kolommen van de export.':
		'Unknown columns: {columns}. Use the columns of the export.',
	'Dubbele kolommen: {columns}.': 'Duplicate columns: {columns}.',
	'Formule in cel {cells}: vervang formules door waarden.':
		'Formula in cell {cells}: replace formulas by values.',
	'Onbekend type „{type}”: gebruik thema, doelstelling, maatregel of actie.':
		'Unknown type “{type}”: use thema, doelstelling, maatregel or actie.',
	'De kolom external_id is leeg.': 'The column external_id is empty.',
	'De kolom {column} hoort niet bij een {type}: laat die leeg.':
		'The column {column} does not belong to a row of type “{type}”: leave it empty.',
	'De external_id „{id}” komt al voor op regel {line}.':
		'The external_id “{id}” already appears on line {line}.',
	'Een thema staat bovenaan: laat parent_external_id leeg.':
		'A theme is at the top: leave parent_external_id empty.',
	'Een {type} heeft een bovenliggend onderdeel nodig (parent_external_id).':
		'A row of type “{type}” needs a parent (parent_external_id).',
	'De bovenliggende external_id „{id}” staat niet in het bestand.':
		'The parent external_id “{id}” is not in the file.',
	'Een {type} hoort onder een thema of doelstelling.':
		'A row of type “{type}” belongs under a “thema” or a “doelstelling”.',
	'Een {type} hoort onder een {allowed}.': 'A row of type “{type}” belongs under a “{allowed}”.',
	'De doelstelling „{id}” ligt in een kring van bovenliggende onderdelen.':
		'The objective “{id}” lies in a circle of parents.',
	'De titel (title) is leeg.': 'The title (title) is empty.',
	'„{value}” in {column} is geen getal.': '“{value}” in {column} is not a number.',
	'„{value}” in {column} is geen geheel getal.': '“{value}” in {column} is not a whole number.',
	'De positie (position) mag niet negatief zijn.': 'The position (position) cannot be negative.',
	'Het gewicht (weight) mag niet negatief zijn (nu {value}).':
		'The weight (weight) cannot be negative (now {value}).',
	'Het budget ({column}) mag niet negatief zijn.': 'The budget ({column}) cannot be negative.',
	'De voortgang (progress) moet tussen 0 en 100 liggen (nu {value}).':
		'The progress (progress) must lie between 0 and 100 (now {value}).',
	'„{value}” in priority: gebruik ja of nee.': '“{value}” in priority: use ja or nee.',
	'„{value}” in {column} is geen geldige datum (gebruik JJJJ-MM-DD).':
		'“{value}” in {column} is not a valid date (use YYYY-MM-DD).',
	'De einddatum (due_date) ligt vóór de startdatum (start_date).':
		'The due date (due_date) is before the start date (start_date).',
	'Onbekende organisatie „{slug}” in {column}.': 'Unknown organisation “{slug}” in {column}.',
	'Onbekende persoon met e-mailadres „{email}” in owner.':
		'Unknown person with email address “{email}” in owner.',
	'Mijlpaal „{value}” niet leesbaar: schrijf „JJJJ-MM-DD titel” of „JJJJ-MM-DD titel (klaar JJJJ-MM-DD)”, gescheiden door „;”.':
		'Milestone “{value}” cannot be read: write “YYYY-MM-DD title” or “YYYY-MM-DD title (klaar YYYY-MM-DD)”, separated by “;”.',
	'De kolom {column} is verplicht voor een maatregel.':
		'The column {column} is required for a measure (maatregel).',
	'Onbekende indicator „{code}”.': 'Unknown indicator “{code}”.',
	'Onbekend gebied „{area}”: gebruik een NIS-code of de slug van een regio.':
		'Unknown area “{area}”: use an NIS code or the slug of a region.',
	'„{value}” in {column} is geen periode (bijvoorbeeld 2025, 2025-Q1, 2025-03).':
		'“{value}” in {column} is not a period (for example 2025, 2025-Q1, 2025-03).',
	'De doelperiode (target_period) moet na de nulmeting (baseline_period) liggen.':
		'The target period (target_period) must come after the baseline (baseline_period).',
	'Tussentijds doel „{value}” niet leesbaar: schrijf „periode=waarde”, gescheiden door „;” (bijvoorbeeld 2023=66; 2025=69).':
		'Intermediate target “{value}” cannot be read: write “period=value”, separated by “;” (for example 2023=66; 2025=69).',
	'Het tussentijdse doel voor {period} ligt niet tussen de nulmeting en de doelperiode.':
		'The intermediate target for {period} does not lie between the baseline and the target period.',
	'„{value}” in direction: gebruik higher_better of lower_better.':
		'“{value}” in direction: use higher_better or lower_better.',
	'De indicator „{code}” heeft geen richting: vul direction in (higher_better of lower_better).':
		'The indicator “{code}” has no direction: fill in direction (higher_better or lower_better).',
	'„{value}” in trajectory: gebruik linear of stepped.':
		'“{value}” in trajectory: use linear or stepped.',
	'Kies een plan of vul de gegevens van een nieuw plan in.':
		'Choose a plan or fill in the details of a new plan.',
	'Een plan hoort bij een orgaan of een regio.': 'A plan belongs to a body or a region.',
	'De slug mag alleen kleine letters, cijfers en koppeltekens bevatten.':
		'The slug may contain only lower-case letters, digits and hyphens.',
	'De slug „{slug}” is voorbehouden: kies een andere.':
		'The slug “{slug}” is reserved: choose another.',
	'De titel van het plan is leeg.': 'The title of the plan is empty.',
	'Vul een geldige begin- en einddatum van de periode in (JJJJ-MM-DD).':
		'Fill in a valid start and end date of the period (YYYY-MM-DD).',
	'Het einde van de periode ligt vóór het begin.': 'The end of the period is before its start.',
	'Er bestaat al een plan met de slug „{slug}”.': 'A plan with the slug “{slug}” already exists.',
	'Dit is geen Excel-bestand (.xlsx); kies het formaat CSV of een ander bestand.':
		'This is not an Excel file (.xlsx); choose the CSV format or another file.',
	'Dit is een Excel-bestand (.xlsx), geen CSV; kies het formaat XLSX.':
		'This is an Excel file (.xlsx), not CSV; choose the XLSX format.',
	'Het bestand bevat geen rijen onder de kolomnamen.':
		'The file has no rows below the column names.',

	// Who may do what (plans.policy.ts)
	'Meld u aan om verder te gaan.': 'Sign in to continue.',
	'Alleen de eigenaar van deze actie of wie het plan beheert, kan de voortgang melden.':
		'Only the owner of this action or whoever keeps the plan can report progress.',

	// The forms' fields (plans.schema.ts)
	'Kies het orgaan of de regio die het plan draagt.':
		'Choose the body or region that owns the plan.',
	'Het einde van de planperiode kan niet vóór het begin liggen.':
		'The end of the plan period cannot be before its start.',
	'Het gewicht kan niet negatief zijn.': 'The weight cannot be negative.',
	'De voortgang is een geheel getal van 0 tot 100 %.':
		'The progress is a whole number from 0 to 100 %.',
	'De einddatum kan niet vóór de startdatum liggen.':
		'The due date cannot be before the start date.',
	'Een budget kan niet negatief zijn.': 'A budget cannot be negative.',
	'De doelperiode moet na de basisperiode beginnen.':
		'The target period must start after the baseline period.',
	'Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.':
		'Give a period such as 2024, 2024-Q1, 2024-03 or 2024-03-15.',
	'Een tussendoel ligt tussen de basisperiode en de doelperiode.':
		'An intermediate target lies between the baseline period and the target period.',
	'Geef de reden waarom u de status met de hand vastlegt.':
		'Give the reason why you set the status by hand.',
	'Een tolerantie is een getal van 0 tot 100.': 'A tolerance is a number from 0 to 100.',
	'Een id bestaat uit letters, cijfers, punten, _ of - (bijvoorbeeld D1.2).':
		'An id consists of letters, digits, full stops, _ or - (for example D1.2).',
	'Het gewicht is een getal.': 'The weight is a number.',
	'Een id heeft hoogstens 40 tekens.': 'An id has at most 40 characters.',
	'Geef het plan een titel.': 'Give the plan a title.',
	'Kies hoe vaak eigenaars herinnerd worden.': 'Choose how often owners are reminded.',
	'De grens voor „risico” ligt niet onder die voor „op schema”.':
		'The limit for “at risk” is not below the one for “on track”.',
	'De grens voor „achter op schema” ligt niet onder die voor „risico”.':
		'The limit for “off track” is not below the one for “at risk”.',
	'Ongeldige versie.': 'Invalid version.',
	'Kies lopend of afgesloten.': 'Choose running or closed.',
	'Kies een besluit.': 'Choose a decision.',
	'Geef de reden van de wijziging van het plan.': 'Give the reason for changing the plan.',
	'Geef een titel.': 'Give a title.',
	'Kies een trekkende organisatie.': 'Choose a lead organisation.',
	'Kies partnerorganisaties uit de lijst.': 'Choose partner organisations from the list.',
	'Kies een eigenaar.': 'Choose an owner.',
	'Het budget is een bedrag in euro.': 'The budget is an amount in euros.',
	'Kies thema, doelstelling of actie.': 'Choose theme, objective or action.',
	'Kies waaronder dit onderdeel hoort.': 'Choose where this part belongs.',
	'Geef de mijlpaal een titel.': 'Give the milestone a title.',
	'Kies omhoog of omlaag.': 'Choose up or down.',
	'Een tussendoel heeft een waarde (een getal).': 'An intermediate target has a value (a number).',
	'Geef tussendoelen als „periode: waarde”, één per regel.':
		'Give intermediate targets as “period: value”, one per line.',
	'Kies een indicator.': 'Choose an indicator.',
	'Kies het gebied waarop gemeten wordt.': 'Choose the area that is measured.',
	'De basiswaarde is een getal.': 'The baseline value is a number.',
	'De doelwaarde is een getal.': 'The target value is a number.',
	'Kies of hoger of lager beter is.': 'Choose whether higher or lower is better.',
	'Kies een lineair of getrapt traject.': 'Choose a linear or stepped trajectory.',
	'Het tussendoel voor {period} staat er twee keer.':
		'The intermediate target for {period} is there twice.',
	'Kies een status.': 'Choose a status.',
	'Kies een plan.': 'Choose a plan.',
	'Kies een onderdeel van het plan.': 'Choose a part of the plan.',
	'Kies wat het besluit doet: aanmaken of wijzigen.':
		'Choose what the decision does: create or change.',
	'Kies acties uit de lijst.': 'Choose actions from the list.',

	// Keeping a plan (plans.service.ts)
	'Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.':
		'Someone else has changed this in the meantime. Your change has not been saved: look at the current version and try again.',
	'Ongeldige versie: laad de pagina opnieuw.': 'Invalid version: reload the page.',
	'Dit plan is afgesloten: heropen het om het te wijzigen.':
		'This plan is closed: reopen it to change it.',
	'Kies een bestaand besluit.': 'Choose an existing decision.',
	'Dat besluit bestaat niet.': 'That decision does not exist.',
	'Dat orgaan bestaat niet.': 'That body does not exist.',
	'Kies een regio.': 'Choose a region.',
	'Kies een regio (Leuven of Halle-Vilvoorde).': 'Choose a region (Leuven or Halle-Vilvoorde).',
	'Probeer het plan opnieuw te bewaren.': 'Try saving the plan again.',
	'Dit plan is al vastgesteld (status: {stage}).':
		'This plan has already been adopted (stage: {stage}).',
	'Een ontwerpplan wordt eerst vastgesteld door een besluit.':
		'A draft plan is first adopted by a decision.',
	'Een plan met status „{from}” kan niet naar „{to}”.':
		'A plan at the stage “{from}” cannot move to “{to}”.',
	'Alleen een vastgesteld of lopend plan wordt gewijzigd met een nieuwe versie.':
		'Only an adopted or running plan is changed with a new version.',
	'Het id {id} bestaat al in dit plan: kies een ander.':
		'The id {id} already exists in this plan: choose another.',
	'Die organisatie bestaat niet.': 'That organisation does not exist.',
	'Een van de partnerorganisaties bestaat niet.':
		'One of the partner organisations does not exist.',
	'Die persoon bestaat niet.': 'That person does not exist.',
	'Dat bovenliggende onderdeel hoort niet bij dit plan.':
		'That parent part does not belong to this plan.',
	'Kies een onderdeel van dit plan.': 'Choose a part of this plan.',
	'Een thema staat bovenaan het plan, niet onder een ander onderdeel.':
		'A theme is at the top of the plan, not under another part.',
	'Kies waaronder deze {kind} hoort.': 'Choose where this {kind} belongs.',
	'Een specifieke doelstelling kan geen verdere doelstellingen hebben.':
		'A specific objective cannot have further objectives.',
	'Een doelstelling hoort onder een thema of onder een algemene doelstelling.':
		'An objective belongs under a theme or under a general objective.',
	'Een actie hoort onder een doelstelling.': 'An action belongs under an objective.',
	'Hierover zijn al voortgangsmeldingen bewaard: dit onderdeel kan niet meer verwijderd worden. Leg zo nodig de status met de hand vast, met een reden.':
		'Progress has already been reported on this: this part can no longer be deleted. If needed, set the status by hand, with a reason.',
	'Dit onderdeel staat al bovenaan.': 'This part is already at the top.',
	'Dit onderdeel staat al onderaan.': 'This part is already at the bottom.',
	'Alleen een actie heeft mijlpalen.': 'Only an action has milestones.',
	'Mijlpaal niet gevonden.': 'Milestone not found.',
	'Die indicator staat niet in de catalogus.': 'That indicator is not in the catalogue.',
	'Dat gebied bestaat niet.': 'That area does not exist.',
	'Kies of hoger of lager beter is: de indicator legt het niet vast.':
		'Choose whether higher or lower is better: the indicator does not say.',
	'Metingen horen bij een doelstelling.': 'Measures belong to an objective.',
	'Dat onderdeel hoort niet bij dit plan.': 'That part does not belong to this plan.',
	'Dit besluit is hier al aan gekoppeld.': 'This decision is already linked to it.',
	'Vergadering niet gevonden.': 'Meeting not found.',
	'Agendapunt niet gevonden.': 'Agenda item not found.',
	'Kies acties uit de plannen van dit orgaan.': 'Choose actions from the plans of this body.',

	// The progress report's period (report.period.ts)
	'Vul ook de begindatum (van) in, of laat beide datums leeg.':
		'Fill in the start date (from) as well, or leave both dates empty.',
	'Vul ook de einddatum (tot) in, of laat beide datums leeg.':
		'Fill in the end date (to) as well, or leave both dates empty.',
	'De begindatum (van) is geen datum: schrijf bv. 2026-01-01.':
		'The start date (from) is not a date: write e.g. 2026-01-01.',
	'De einddatum (tot) is geen datum: schrijf bv. 2026-03-31.':
		'The end date (to) is not a date: write e.g. 2026-03-31.',
	'De einddatum (tot) ligt vóór de begindatum (van).':
		'The end date (to) is before the start date (from).',
	'De periode begint na vandaag: er is nog niets te rapporteren.':
		'The period starts after today: there is nothing to report yet.',
	'Een voortgangsrapport beslaat hoogstens tien jaar.':
		'A progress report covers ten years at most.',

	// Progress updates (updates.service.ts)
	'De voortgang is niet opgeslagen.': 'The progress has not been saved.',
	'De voortgang ligt tussen 0 en 100 %.': 'The progress lies between 0 and 100 %.',
	'Kies een actie.': 'Choose an action.',
	'Kies een meting.': 'Choose a measure.',
	'Een update hoort bij één actie of één meting.':
		'An update belongs to one action or one measure.',
	'Beschrijf de voortgang.': 'Describe the progress.',
	'Geef de voortgang als getal tussen 0 en 100.':
		'Give the progress as a number between 0 and 100.',
	'Geef de voortgang als geheel getal.': 'Give the progress as a whole number.',
	'Kies een voorgestelde status.': 'Choose a proposed status.',
	'Geef de periode van de meting.': 'Give the period of the measurement.',
	'Geef de gemeten waarde als getal.': 'Give the measured value as a number.',
	'De datum van een update ligt niet in de toekomst.':
		'The date of an update is not in the future.',
	'Voortgang wordt gemeld bij een actie of een meting, niet bij een thema of doelstelling.':
		'Progress is reported on an action or a measure, not on a theme or objective.',
	'Een meetwaarde hoort bij een meting, niet bij een actie.':
		'A measured value belongs to a measure, not to an action.',
	'Een meting heeft geen voortgangspercentage.': 'A measure has no progress percentage.',
	'Geef de periode als jaar (2025), kwartaal (2025-Q1), maand (2025-03) of datum.':
		'Give the period as a year (2025), quarter (2025-Q1), month (2025-03) or date.',
	'De waarde van deze indicator ligt tussen {min} en {max}.':
		'The value of this indicator lies between {min} and {max}.',
	'De waarde van deze indicator ligt minstens {min}.':
		'The value of this indicator is at least {min}.',
	'De waarde van deze indicator ligt hoogstens {max}.':
		'The value of this indicator is at most {max}.',
	'De waarde van deze indicator ligt {range}.': 'The value of this indicator lies {range}.'
};
