/** English for the Dutch messages of monitor (see ../messages.ts). */
export const en: Record<string, string> = {
	// The API (observations, cursors).
	'Ongeldige cursor.': 'Invalid cursor.',
	'{label}: een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of datum.':
		'{label}: a year (2024), quarter (2024-Q1), month (2024-03) or date.',

	// Municipal boundaries (boundaries.service.ts, boundaries.web.ts).
	'Meer dan één eigenschap lijkt een NIS-code te bevatten ({properties}). Kies welke.':
		'More than one property seems to hold a NIS code ({properties}). Choose which one.',
	'Het bestand is leeg.': 'The file is empty.',
	'Het bestand is geen tekstbestand (UTF-8): kies een GeoJSON- of TopoJSON-bestand.':
		'The file is not a text file (UTF-8): choose a GeoJSON or TopoJSON file.',
	'Het bestand is geen tekstbestand: kies een GeoJSON- of TopoJSON-bestand.':
		'The file is not a text file: choose a GeoJSON or TopoJSON file.',
	'Het bestand is geen geldige JSON: kies een GeoJSON- of TopoJSON-bestand.':
		'The file is not valid JSON: choose a GeoJSON or TopoJSON file.',
	'De TopoJSON bevat geen objecten.': 'The TopoJSON contains no objects.',
	'De TopoJSON kan niet gelezen worden (ongeldige bogen).':
		'The TopoJSON cannot be read (invalid arcs).',
	'Het bestand is geen GeoJSON-FeatureCollection of TopoJSON-topologie.':
		'The file is not a GeoJSON FeatureCollection or a TopoJSON topology.',
	'Het bestand gebruikt Belgische Lambert-coördinaten (EPSG:31370 of EPSG:3812). Zet het eerst om naar WGS84 (EPSG:4326), bijvoorbeeld met QGIS of met mapshaper (-proj wgs84), en laad het dan opnieuw op.':
		'The file uses Belgian Lambert coordinates (EPSG:31370 or EPSG:3812). Convert it to WGS84 (EPSG:4326) first, for example with QGIS or with mapshaper (-proj wgs84), and then upload it again.',
	'Het bestand gebruikt het coördinatenstelsel {name}. Zet het eerst om naar WGS84 (EPSG:4326).':
		'The file uses the coordinate reference system {name}. Convert it to WGS84 (EPSG:4326) first.',
	'{label}: geen GeoJSON-feature.': '{label}: not a GeoJSON feature.',
	'{label}: de eigenschap {property} is geen NIS-code van vijf cijfers{value}.':
		'{label}: the property {property} is not a five-digit NIS code{value}.',
	'{label}: de geometrie is geen vlak (Polygon of MultiPolygon) maar leeg.':
		'{label}: the geometry is not an area (Polygon or MultiPolygon) but empty.',
	'{label}: de geometrie is geen vlak (Polygon of MultiPolygon) maar {type}.':
		'{label}: the geometry is not an area (Polygon or MultiPolygon) but {type}.',
	'{label}: de coördinaten zijn onleesbaar.': '{label}: the coordinates cannot be read.',
	'{label}: de coördinaten zijn geen getallen.': '{label}: the coordinates are not numbers.',
	'{label}: ongeldige geometrie (een rand snijdt zichzelf, is niet gesloten of heeft te weinig punten).':
		'{label}: invalid geometry (a boundary crosses itself, is not closed or has too few points).',
	'{label}: de NIS-code {nis} komt ook voor in object {other}.':
		'{label}: the NIS code {nis} also occurs in object {other}.',
	'Er is niets opgeslagen: 1 fout in het bestand.': 'Nothing was saved: 1 error in the file.',
	'Er is niets opgeslagen: meer dan {n} fouten in het bestand.':
		'Nothing was saved: more than {n} errors in the file.',
	'Er is niets opgeslagen: {n} fouten in het bestand.':
		'Nothing was saved: {n} errors in the file.',
	'Er is niets opgeslagen: {n} {errors} in het bestand.':
		'Nothing was saved: {n} {errors} in the file.',
	'Het bestand bevat geen objecten.': 'The file contains no objects.',
	'Geen object heeft de eigenschap {property}.': 'No object has the property {property}.',
	'Geen eigenschap met NIS-codes gevonden (zoals CD_MUNTY_REFNIS, NISCode of nis). Elke gemeente heeft een NIS-code van vijf cijfers nodig.':
		'No property with NIS codes found (such as CD_MUNTY_REFNIS, NISCode or nis). Every municipality needs a five-digit NIS code.',
	'{name} ({nis}) kan niet samengesteld worden: het bestand mist {missing}.':
		'{name} ({nis}) cannot be composed: the file lacks {missing}.',
	'{name} ({nis}) kan niet samengesteld worden uit {parts}: de samenvoeging is geen geldige geometrie.':
		'{name} ({nis}) cannot be composed from {parts}: the merge is not a valid geometry.',
	'Geen enkele NIS-code in het bestand hoort bij een gebied van het platform ({n} overgeslagen). Er is niets opgeslagen.':
		'No NIS code in the file belongs to an area of the platform ({n} skipped). Nothing was saved.',
	'De opgeladen kaart is niet meer beschikbaar. Laad het bestand opnieuw op.':
		'The uploaded map is no longer available. Upload the file again.',
	'Het bestand is groter dan {mb} MB. Er is niets opgeslagen.':
		'The file is larger than {mb} MB. Nothing was saved.',
	'Kies een GeoJSON- of TopoJSON-bestand.': 'Choose a GeoJSON or TopoJSON file.',

	// The indicator catalogue (catalogue.schema.ts, catalogue.service.ts).
	'De code bestaat uit kleine letters, cijfers, _ . of -, zonder spaties.':
		'The code consists of lower-case letters, digits, _ . or -, without spaces.',
	'Vul een code in.': 'Enter a code.',
	'Een code heeft hoogstens 100 tekens.': 'A code has at most 100 characters.',
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	Demografie: 'Demography',
	Arbeidsmarkt: 'Labour market',
	Arbeidsaanbod: 'Labour supply',
	Ondernemerschap: 'Entrepreneurship',
	Werkgelegenheid: 'Employment',
	Jobs: 'Jobs',
	Pendel: 'Commuting',
	'Hoger is beter': 'Higher is better',
	'Lager is beter': 'Lower is better',
	Neutraal: 'Neutral',
	'Som van de gemeenten': 'Sum of the municipalities',
	'Gewogen gemiddelde': 'Weighted mean',
	'Verhouding van twee sommen': 'Ratio of two sums',
	'Niet optelbaar': 'Not additive',
	'Vul een eenheid in.': 'Enter a unit.',
	'Vul een eenheid in (bijvoorbeeld %, aantal, EUR).': 'Enter a unit (for example %, number, EUR).',
	'Het aantal decimalen is een geheel getal van 0 tot 6.':
		'The number of decimals is a whole number from 0 to 6.',
	'De minimumwaarde is een getal.': 'The minimum value is a number.',
	'De maximumwaarde is een getal.': 'The maximum value is a number.',
	'Vul een volledig webadres in (https://…).': 'Enter a full web address (https://…).',
	'Kies wat beter is.': 'Choose what is better.',
	'Vul een domein in.': 'Enter a domain.',
	'Het domein bestaat uit kleine letters, cijfers, _ of -.':
		'The domain consists of lower-case letters, digits, _ or -.',
	'Kies hoe de indicator optelt.': 'Choose how the indicator adds up.',
	'De vermenigvuldiger is een getal.': 'The multiplier is a number.',
	'De vermenigvuldiger is groter dan 0.': 'The multiplier is greater than 0.',
	'De maximumwaarde mag niet kleiner zijn dan de minimumwaarde.':
		'The maximum value may not be smaller than the minimum value.',
	'Een verhouding heeft een teller nodig: kies de indicator die boven de deelstreep staat.':
		'A ratio needs a numerator: choose the indicator above the fraction bar.',
	'Een verhouding heeft een noemer nodig: kies de indicator die onder de deelstreep staat.':
		'A ratio needs a denominator: choose the indicator below the fraction bar.',
	'Een gewogen gemiddelde heeft een gewicht nodig (bijvoorbeeld de bevolking).':
		'A weighted mean needs a weight (for example the population).',
	'Een indicator kan niet naar zichzelf verwijzen.': 'An indicator cannot refer to itself.',
	'Indicator niet gevonden.': 'Indicator not found.',
	'Er is geen indicator met de code {code}.': 'There is no indicator with the code {code}.',
	'Er bestaat al een indicator met deze code.': 'An indicator with this code already exists.',
	'Er bestaat al een indicator met deze code: kies een andere.':
		'An indicator with this code already exists: choose another one.',

	// Importing observations (import/*.ts): refusals of the file and the errors per line.
	'Bestand niet gevonden: {file}\n': 'File not found: {file}\n',
	'Het bestand heeft geen indicatorkolom: kies de indicator met --indicator CODE.\n':
		'The file has no indicator column: choose the indicator with --indicator CODE.\n',
	'Proefimport: geen fouten, er is niets opgeslagen.': 'Dry run: no errors, nothing was saved.',
	'Het bestand bevat geen enkele waarde om te importeren.':
		'The file does not contain a single value to import.',
	'Het bestand is groter dan {mb} MB. Splits het of vraag de beheerder om MONITOR_IMPORT_MAX_MB te verhogen.':
		'The file is larger than {mb} MB. Split it or ask the administrator to raise MONITOR_IMPORT_MAX_MB.',
	'Onbekende indicator "{code}": kies een indicator uit de catalogus.':
		'Unknown indicator "{code}": choose an indicator from the catalogue.',
	'Kies de indicator: het bestand heeft geen kolom met een indicatorcode.':
		'Choose the indicator: the file has no column with an indicator code.',
	'Deze import bestaat niet (meer).': 'This import does not exist (any more).',
	'Deze import is al uitgevoerd.': 'This import has already been carried out.',
	'De voorbereide rijen van deze import zijn verloren gegaan (de databank werd herstart). Er is niets geïmporteerd: laad het bestand opnieuw op.':
		'The prepared rows of this import were lost (the database was restarted). Nothing was imported: upload the file again.',
	'Er is 1 fout gevonden: verbeter het bestand en laad het opnieuw op. Er is niets geïmporteerd.':
		'1 error found: correct the file and upload it again. Nothing was imported.',
	'Er zijn {n} fouten gevonden: verbeter het bestand en laad het opnieuw op. Er is niets geïmporteerd.':
		'{n} errors found: correct the file and upload it again. Nothing was imported.',
	'Er {errors} gevonden: verbeter het bestand en laad het opnieuw op. Er is niets geïmporteerd.':
		'Errors found ({errors}): correct the file and upload it again. Nothing was imported.',
	'Ongeldige NIS-code "{raw}": een NIS-code heeft vijf cijfers.':
		'Invalid NIS code "{raw}": a NIS code has five digits.',
	'Geen NIS-code op deze regel.': 'No NIS code on this line.',
	'Ongeldige periode "{raw}": gebruik een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of datum (2024-03-15), tussen 1800 en 2100.':
		'Invalid period "{raw}": use a year (2024), quarter (2024-Q1), month (2024-03) or date (2024-03-15), between 1800 and 2100.',
	'"{raw}" is geen getal.': '"{raw}" is not a number.',
	'Onbekende status "{raw}": gebruik definitief, voorlopig, geschat, ontbrekend of vertrouwelijk.':
		'Unknown status "{raw}": use final, provisional, estimated, missing or confidential.',
	'Geen indicatorcode op deze regel.': 'No indicator code on this line.',
	'{name} ({nis}) bestaat niet meer sinds {date}: er kan geen waarde voor {period} zijn. Gebruik de code van de fusiegemeente.':
		'{name} ({nis}) no longer exists since {date}: there can be no value for {period}. Use the code of the merged municipality.',
	'Formule in cel {cells}: vervang formules door hun waarden.':
		'Formula in cell {cells}: replace formulas with their values.',
	'Deze sleutel mag geen metingen schrijven (observations:write).':
		'This key may not write observations (observations:write).',
	'Onbekende indicator "{code}": voeg ze eerst toe aan de catalogus.':
		'Unknown indicator "{code}": add it to the catalogue first.',
	'De waarde {value} ligt onder het minimum ({min}) van indicator "{code}".':
		'The value {value} is below the minimum ({min}) of indicator "{code}".',
	'De waarde {value} ligt boven het maximum ({max}) van indicator "{code}".':
		'The value {value} is above the maximum ({max}) of indicator "{code}".',
	'Dubbele waarde: NIS-code {nis}, periode {period}, indicator {code} staat ook op regel {first}.':
		'Duplicate value: NIS code {nis}, period {period}, indicator {code} is also on line {first}.',
	'Dubbele waarde: NIS-code {nis}, periode {period} staat ook op regel {first}.':
		'Duplicate value: NIS code {nis}, period {period} is also on line {first}.',
	'Geen kolom met NIS-codes gevonden in de eerste 20 regels. Verwacht wordt een kolomkop als CD_REFNIS, cd_munty_refnis, NIS code of NIS.':
		'No column with NIS codes found in the first 20 lines. Expected a column heading such as CD_REFNIS, cd_munty_refnis, NIS code or NIS.',
	'Geen periode gevonden: het bestand heeft geen kolom Periode/Jaar (lang formaat) en geen kolommen met een jaar of periode als kop (breed formaat).':
		'No period found: the file has no Periode/Jaar (period/year) column (long format) and no columns headed by a year or period (wide format).',
	'Geen kolom met waarden gevonden: een bestand in lang formaat heeft een kolom Waarde (of Value, MS_…).':
		'No column with values found: a file in long format has a Waarde column (or Value, MS_…).',
	'Geef de code van de indicator.': 'Give the code of the indicator.',
	'Het verzoek is groter dan {mb} MB: verdeel de metingen over meer verzoeken.':
		'The request is larger than {mb} MB: spread the observations over more requests.',
	'Gebruik een API-sleutel met het recht observations:write.':
		'Use an API key with the observations:write permission.',
	'Het verzoek heeft geen inhoud.': 'The request has no body.',
	'Het verzoek is geen geldige JSON.': 'The request is not valid JSON.',
	'Controleer de metingen.': 'Check the observations.',
	'1 meting is geweigerd: er is niets opgeslagen.': '1 observation was refused: nothing was saved.',
	'{n} metingen zijn geweigerd: er is niets opgeslagen.':
		'{n} observations were refused: nothing was saved.',
	'Hoogstens 1.000.000 metingen per verzoek.': 'At most 1,000,000 observations per request.',
	'Er is geen enkele meting om op te slaan.': 'There is not a single observation to save.',
	'Dit is geen CSV-bestand in UTF-8, geen Excel-bestand (.xlsx) en geen JSON-tabel: het bevat binaire gegevens. Kies het bestand opnieuw of sla het op als CSV (UTF-8).':
		'This is not a CSV file in UTF-8, not an Excel file (.xlsx) and not a JSON table: it contains binary data. Choose the file again or save it as CSV (UTF-8).',
	'Dit bestand is geen tekst in UTF-8. Sla het op als "CSV UTF-8" (Excel) en probeer opnieuw.':
		'This file is not text in UTF-8. Save it as "CSV UTF-8" (Excel) and try again.',
	'Het CSV-bestand is niet leesbaar vanaf regel {line} (controleer de aanhalingstekens).':
		'The CSV file cannot be read from line {line} (check the quotation marks).',
	'Dit is geen leesbaar Excel-bestand (.xlsx).': 'This is not a readable Excel file (.xlsx).',
	'Dit is geen leesbare JSON-tabel: verwacht een object met "headers" (kolomnamen) en "rows" (rijen).':
		'This is not a readable JSON table: expected an object with "headers" (column names) and "rows".',
	'Een JSON-tabel mag hoogstens {mb} MB groot zijn; gebruik CSV voor grotere bestanden.':
		'A JSON table may be at most {mb} MB; use CSV for larger files.',
	'Samengevoegde cellen ({cells}) in het werkblad: maak de samenvoeging ongedaan en probeer opnieuw.':
		'Merged cells ({cells}) in the worksheet: unmerge them and try again.',

	// The public monitor and the Streekfoto (monitor.queries.ts, streekfoto.*.ts).
	'Gebied niet gevonden.': 'Area not found.',
	'Regio niet gevonden.': 'Region not found.',
	'Voorbeeldgegevens: deze cijfers zijn verzonnen om het platform te tonen.':
		'Example data: these figures are made up to show the platform.',
	'Radar: index Vlaanderen = 100 (verder naar buiten is beter)':
		'Radar: index Flanders = 100 (further out is better)',
	'Gemaakt op {date}': 'Made on {date}',
	'Deze regio heeft geen Streekfoto.': 'This region has no Streekfoto.',
	'Er zijn geen regio’s.': 'There are no regions.',
	'Ongeldige keuze.': 'Invalid choice.',
	'Hoogstens {max} indicatoren.': 'At most {max} indicators.',
	'Kies een regio.': 'Choose a region.',
	'Geef een titel van minstens 3 tekens.': 'Give a title of at least 3 characters.',
	'Een indicator op de radar moet ook in de Streekfoto staan.':
		'An indicator on the radar must also be in the Streekfoto.',
	'Kies minstens {min} en hoogstens {max} kernindicatoren voor de radar (nu {n}).':
		'Choose at least {min} and at most {max} key indicators for the radar (now {n}).',
	'Een gekozen indicator bestaat niet (meer).': 'A chosen indicator does not exist (any more).'
};
