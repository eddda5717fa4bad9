/** English for the Dutch messages of areas and the REFNIS import (see ../messages.ts). */
export const en: Record<string, string> = {
	'Gebied niet gevonden.': 'Area not found.',
	'Regio niet gevonden.': 'Region not found.',
	'Gemeente niet gevonden.': 'Municipality not found.',
	'Regel {line}: het bovenliggende gebied {parent} van {code} staat niet in het platform en niet in de lijst.':
		'Line {line}: the parent area {parent} of {code} is neither in the platform nor in the list.',
	'Regel {line}: {code} ligt (via zijn bovenliggende gebieden) onder zichzelf.':
		'Line {line}: {code} lies under itself (through its parent areas).',
	'Er is niets toegevoegd: meer dan {n} fouten in de REFNIS-lijst.':
		'Nothing was added: more than {n} errors in the REFNIS list.',
	'Er is niets toegevoegd: {n} fouten in de REFNIS-lijst.':
		'Nothing was added: {n} errors in the REFNIS list.',
	'Er is niets toegevoegd: {error}': 'Nothing was added: {error}',
	'Het bestand is leeg. Er is niets toegevoegd.': 'The file is empty. Nothing was added.',
	'Het bestand is groter dan {mb} MB: dat is geen REFNIS-lijst. Er is niets toegevoegd.':
		'The file is larger than {mb} MB: that is not a REFNIS list. Nothing was added.',
	'Dit is geen REFNIS-lijst: het bestand bevat binaire gegevens. Kies de lijst van Statbel als CSV, TXT of Excel (.xlsx). Er is niets toegevoegd.':
		'This is not a REFNIS list: the file contains binary data. Choose the Statbel list as CSV, TXT or Excel (.xlsx). Nothing was added.',
	'Dit is geen leesbaar Excel-bestand (.xlsx). Er is niets toegevoegd.':
		'This is not a readable Excel file (.xlsx). Nothing was added.',
	'Het bestand is niet leesbaar vanaf regel {line} (controleer de aanhalingstekens). Er is niets toegevoegd.':
		'The file cannot be read from line {line} (check the quotation marks). Nothing was added.',
	'Dit is geen REFNIS-lijst: er is geen kolom CD_REFNIS (de NIS-code). Kies de lijst van Statbel (TU_COM_REFNIS) met de kolommen LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS en TX_REFNIS_NL. Er is niets toegevoegd.':
		'This is not a REFNIS list: there is no column CD_REFNIS (the NIS code). Choose the Statbel list (TU_COM_REFNIS) with the columns LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS and TX_REFNIS_NL. Nothing was added.',
	'De REFNIS-lijst mist de kolom {column}. Er is niets toegevoegd.':
		'The REFNIS list lacks the column {column}. Nothing was added.',
	'De REFNIS-lijst bevat geen enkel gebied. Er is niets toegevoegd.':
		'The REFNIS list contains no area at all. Nothing was added.',
	'Regel {line}: ongeldige NIS-code "{raw}" in CD_REFNIS: een NIS-code heeft vijf cijfers (bv. 11002).':
		'Line {line}: invalid NIS code "{raw}" in CD_REFNIS: a NIS code has five digits (e.g. 11002).',
	'Regel {line}: ongeldige bovenliggende code "{raw}" in CD_SUP_REFNIS: verwacht vijf cijfers, of leeg.':
		'Line {line}: invalid parent code "{raw}" in CD_SUP_REFNIS: expected five digits, or empty.',
	'Regel {line}: onbekend niveau "{raw}" in LVL_REFNIS: gebruik 1 (gewest), 2 (provincie), 3 (arrondissement) of 4 (gemeente), of de naam van het niveau.':
		'Line {line}: unknown level "{raw}" in LVL_REFNIS: use 1 (region), 2 (province), 3 (arrondissement) or 4 (municipality), or the name of the level.',
	'Regel {line}: geen naam (TX_REFNIS_NL, _FR of _DE is leeg).':
		'Line {line}: no name (TX_REFNIS_NL, _FR or _DE is empty).',
	'Regel {line}: ongeldige datum "{raw}" in {column}: gebruik DD/MM/JJJJ.':
		'Line {line}: invalid date "{raw}" in {column}: use DD/MM/YYYY.',
	'Regel {line}: de einddatum ligt vóór de begindatum.':
		'Line {line}: the end date is before the start date.',
	'Regel {line}: {code} kan niet zijn eigen bovenliggend gebied zijn.':
		'Line {line}: {code} cannot be its own parent area.',
	'Regel {line}: de NIS-code {code} staat ook op regel {other}, met een ander niveau.':
		'Line {line}: the NIS code {code} is also on line {other}, with another level.',
	'Kies een REFNIS-lijst (CSV, TXT of Excel). Er is niets toegevoegd.':
		'Choose a REFNIS list (CSV, TXT or Excel). Nothing was added.',
	'Het formulier kon niet gelezen worden. Probeer opnieuw; er is niets toegevoegd.':
		'The form could not be read. Try again; nothing was added.'
};
