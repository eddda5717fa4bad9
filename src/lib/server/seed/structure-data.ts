/**
 * The real structure of ERSV Vlaams-Brabant vzw, from ../shared/DOMAIN.md. No invented people,
 * addresses or figures: only the organisations, areas and bodies named there. Descriptions are
 * our own words.
 */
import type { BodyKind, OrganisationKind, SeatType } from '../db/schema';

export const leuvenMunicipalities: [string, string][] = [
	['24001', 'Aarschot'],
	['24007', 'Begijnendijk'],
	['24008', 'Bekkevoort'],
	['24009', 'Bertem'],
	['24011', 'Bierbeek'],
	['24014', 'Boortmeerbeek'],
	['24016', 'Boutersem'],
	['24020', 'Diest'],
	['24028', 'Geetbets'],
	['24137', 'Glabbeek'],
	['24033', 'Haacht'],
	['24038', 'Herent'],
	['24041', 'Hoegaarden'],
	['24043', 'Holsbeek'],
	['24045', 'Huldenberg'],
	['24048', 'Keerbergen'],
	['24054', 'Kortenaken'],
	['24055', 'Kortenberg'],
	['24059', 'Landen'],
	['24062', 'Leuven'],
	['24133', 'Linter'],
	['24066', 'Lubbeek'],
	['24086', 'Oud-Heverlee'],
	['24094', 'Rotselaar'],
	['24134', 'Scherpenheuvel-Zichem'],
	['24104', 'Tervuren'],
	['24135', 'Tielt-Winge'],
	['24107', 'Tienen'],
	['24109', 'Tremelo'],
	['24130', 'Zoutleeuw']
];

export const halleVilvoordeMunicipalities: [string, string][] = [
	['23105', 'Affligem'],
	['23002', 'Asse'],
	['23003', 'Beersel'],
	['23009', 'Bever'],
	['23016', 'Dilbeek'],
	['23098', 'Drogenbos'],
	['23025', 'Grimbergen'],
	['23027', 'Halle'],
	['23033', 'Hoeilaart'],
	['23038', 'Kampenhout'],
	['23039', 'Kapelle-op-den-Bos'],
	['23099', 'Kraainem'],
	['23104', 'Lennik'],
	['23044', 'Liedekerke'],
	['23100', 'Linkebeek'],
	['23045', 'Londerzeel'],
	['23047', 'Machelen'],
	['23050', 'Meise'],
	['23052', 'Merchtem'],
	['23060', 'Opwijk'],
	['23062', 'Overijse'],
	['23106', 'Pajottegem'],
	['23064', 'Pepingen'],
	['23097', 'Roosdaal'],
	['23101', 'Sint-Genesius-Rode'],
	['23077', 'Sint-Pieters-Leeuw'],
	['23081', 'Steenokkerzeel'],
	['23086', 'Ternat'],
	['23088', 'Vilvoorde'],
	['23102', 'Wemmel'],
	['23103', 'Wezembeek-Oppem'],
	['23094', 'Zaventem'],
	['23096', 'Zemst']
];

/** Merged into Pajottegem (23106) on 1 January 2025. */
export const mergedIntoPajottegem: [string, string][] = [
	['23023', 'Galmaarden'],
	['23024', 'Gooik'],
	['23032', 'Herne']
];
export const PAJOTTEGEM_NIS = '23106';
export const MERGER_LAST_DAY = '2024-12-31';
export const MERGER_FIRST_DAY = '2025-01-01';

export const higherAreas = {
	belgium: { nis: '01000', name: 'België', en: 'Belgium', level: 'land' as const },
	flanders: { nis: '02000', name: 'Vlaams Gewest', en: 'Flemish Region', level: 'gewest' as const },
	province: {
		nis: '20001',
		name: 'Vlaams-Brabant',
		en: 'Flemish Brabant',
		level: 'provincie' as const
	},
	arrLeuven: { nis: '24000', name: 'Arrondissement Leuven', level: 'arrondissement' as const },
	arrHalleVilvoorde: {
		nis: '23000',
		name: 'Arrondissement Halle-Vilvoorde',
		level: 'arrondissement' as const
	}
};

export type RegionSeed = {
	slug: string;
	name: string;
	arrondissement: 'arrLeuven' | 'arrHalleVilvoorde';
	municipalities: [string, string][];
	historical: [string, string][];
	description: string;
};

export const regions: RegionSeed[] = [
	{
		slug: 'leuven',
		name: 'Regio Leuven',
		arrondissement: 'arrLeuven',
		municipalities: leuvenMunicipalities,
		historical: [],
		description:
			'De regio Leuven valt samen met het arrondissement Leuven en telt dertig steden en gemeenten. Het sociaaleconomische streekbeleid wordt er voorbereid door de Taskforce Spitsregio Leuven, die werkt binnen het Burgemeestersoverleg Oost-Brabant.'
	},
	{
		slug: 'halle-vilvoorde',
		name: 'Regio Halle-Vilvoorde',
		arrondissement: 'arrHalleVilvoorde',
		municipalities: halleVilvoordeMunicipalities,
		historical: mergedIntoPajottegem,
		description:
			'De regio Halle-Vilvoorde valt samen met het arrondissement Halle-Vilvoorde. Sinds de fusie van Galmaarden, Gooik en Herne tot Pajottegem op 1 januari 2025 telt ze 33 gemeenten. De burgemeesters werken samen in het Toekomstforum Halle-Vilvoorde, met een stuurgroep en zes themawerkgroepen.'
	}
];

export const policyDomainSeeds: { slug: string; nl: string; en: string }[] = [
	{ slug: 'werk-en-economie', nl: 'Werk en economie', en: 'Work and economy' },
	{ slug: 'mobiliteit', nl: 'Mobiliteit', en: 'Mobility' },
	{ slug: 'onderwijs', nl: 'Onderwijs', en: 'Education' },
	{ slug: 'ruimtelijke-ordening', nl: 'Ruimtelijke ordening', en: 'Spatial planning' },
	{ slug: 'zorg-en-welzijn', nl: 'Zorg en welzijn', en: 'Care and welfare' },
	{ slug: 'veiligheid', nl: 'Veiligheid', en: 'Safety' },
	{ slug: 'wonen', nl: 'Wonen', en: 'Housing' }
];

export type OrganisationSeed = {
	slug: string;
	kind: OrganisationKind;
	name: string;
	shortName?: string;
	areaNis?: string;
	description?: string;
};

export const HOST_ORGANISATION = 'ersv-vlaams-brabant';

export const organisationSeeds: OrganisationSeed[] = [
	{
		slug: HOST_ORGANISATION,
		kind: 'other',
		name: 'ERSV Vlaams-Brabant vzw',
		shortName: 'ERSV',
		description:
			'Erkend Regionaal Samenwerkingsverband: de vzw die als juridisch vehikel de werking van de Taskforce Spitsregio Leuven en het Toekomstforum Halle-Vilvoorde draagt.'
	},
	{ slug: 'acv', kind: 'union', name: 'ACV', description: 'Vakbond.' },
	{ slug: 'abvv', kind: 'union', name: 'ABVV', description: 'Vakbond.' },
	{ slug: 'aclvb', kind: 'union', name: 'ACLVB', description: 'Vakbond.' },
	{
		slug: 'voka',
		kind: 'employers_organisation',
		name: 'VOKA',
		description: 'Werkgeversorganisatie.'
	},
	{
		slug: 'unizo',
		kind: 'employers_organisation',
		name: 'UNIZO',
		description: 'Organisatie van zelfstandige ondernemers.'
	},
	{
		slug: 'boerenbond',
		kind: 'employers_organisation',
		name: 'Boerenbond',
		description: 'Organisatie van land- en tuinbouwers.'
	},
	{
		slug: 'provincie-vlaams-brabant',
		kind: 'province',
		name: 'Provincie Vlaams-Brabant',
		areaNis: '20001',
		description: 'Het provinciebestuur neemt deel via zijn dienst Economie.'
	},
	// Addressees of the partnerships' positions (influence dossiers).
	{
		slug: 'vlaamse-regering',
		kind: 'government',
		name: 'Vlaamse Regering',
		description: 'De regering van Vlaanderen; adressaat van memoranda en standpunten.'
	},
	{
		slug: 'federale-regering',
		kind: 'government',
		name: 'Federale Regering',
		description: 'De Belgische federale regering; adressaat van memoranda en standpunten.'
	},
	{
		slug: 'vlaams-parlement',
		kind: 'parliament',
		name: 'Vlaams Parlement',
		description: 'Het parlement van Vlaanderen.'
	},
	{
		slug: 'vdab',
		kind: 'agency',
		name: 'VDAB',
		description: 'De Vlaamse dienst voor arbeidsbemiddeling, als deskundige.'
	},
	{
		slug: 'interleuven',
		kind: 'intermunicipal_association',
		name: 'Interleuven',
		description:
			'Intergemeentelijk samenwerkingsverband in de regio Leuven; organiseert het Burgemeestersoverleg Oost-Brabant.'
	},
	{
		slug: 'haviland',
		kind: 'intermunicipal_association',
		name: 'Haviland',
		description:
			'Intergemeentelijk samenwerkingsverband in Halle-Vilvoorde; voert samen met ERSV het secretariaat van het Toekomstforum.'
	}
];

export type BodySeed = {
	slug: string;
	kind: BodyKind;
	name: string;
	region: 'leuven' | 'halle-vilvoorde';
	partOf?: string;
	reportsTo?: string[];
	advises?: string[];
	organiser?: string;
	startedOn?: string;
	purpose: string;
	domains: string[];
	/** 'region' = every current municipality of the region. */
	participants: ('region' | { org: string; seat: SeatType })[];
};

const workingGroups: [string, string, string][] = [
	['werk-en-economie', 'Werk en Economie', 'werk en economie'],
	['mobiliteit', 'Mobiliteit', 'mobiliteit'],
	['onderwijs', 'Onderwijs', 'onderwijs'],
	['veiligheid', 'Veiligheid', 'veiligheid'],
	['wonen', 'Wonen', 'wonen'],
	['zorg-en-welzijn', 'Zorg en welzijn', 'zorg en welzijn']
];

export const bodySeeds: BodySeed[] = [
	{
		slug: 'burgemeestersoverleg-oost-brabant',
		kind: 'mayors_consultation',
		name: 'Burgemeestersoverleg Oost-Brabant',
		region: 'leuven',
		organiser: 'interleuven',
		purpose:
			'Het overleg van de burgemeesters van de dertig steden en gemeenten van de regio Leuven. Interleuven organiseert het. De Taskforce Spitsregio Leuven brengt er op elke vergadering verslag uit.',
		domains: [
			'werk-en-economie',
			'mobiliteit',
			'onderwijs',
			'ruimtelijke-ordening',
			'zorg-en-welzijn'
		],
		participants: ['region']
	},
	{
		slug: 'taskforce-spitsregio-leuven',
		kind: 'taskforce',
		name: 'Taskforce Spitsregio Leuven',
		region: 'leuven',
		partOf: 'burgemeestersoverleg-oost-brabant',
		reportsTo: ['burgemeestersoverleg-oost-brabant'],
		purpose:
			'Bereidt binnen het Burgemeestersoverleg Oost-Brabant het sociaaleconomische streekbeleid voor, samen met vakbonden, werkgevers, de provincie en deskundigen. Ze werkt aan een gedeelde visie met meetbare doelstellingen en acties, wil het beleid van hogere overheden beïnvloeden en vooral samen acties opzetten. Werk en economie krijgen evenwichtige aandacht, net als mobiliteit, onderwijs, ruimtelijke ordening en welzijn. Haar verslag is een vast agendapunt van het Burgemeestersoverleg.',
		domains: [
			'werk-en-economie',
			'mobiliteit',
			'onderwijs',
			'ruimtelijke-ordening',
			'zorg-en-welzijn'
		],
		participants: [
			'region',
			{ org: 'acv', seat: 'member' },
			{ org: 'abvv', seat: 'member' },
			{ org: 'aclvb', seat: 'member' },
			{ org: 'voka', seat: 'member' },
			{ org: 'unizo', seat: 'member' },
			{ org: 'boerenbond', seat: 'member' },
			{ org: 'provincie-vlaams-brabant', seat: 'member' },
			{ org: 'vdab', seat: 'expert' },
			{ org: 'interleuven', seat: 'secretariat' }
		]
	},
	{
		slug: 'toekomstforum-halle-vilvoorde',
		kind: 'forum',
		name: 'Toekomstforum Halle-Vilvoorde',
		region: 'halle-vilvoorde',
		startedOn: '2015-01-01',
		purpose:
			'Het overlegplatform van de burgemeesters van Halle-Vilvoorde. Het bestaat sinds 2015 en werd in 2019 voor zes jaar vernieuwd om de gezamenlijke beleidsprioriteiten uit het Toekomstplan van 2014 uit te voeren, onder het motto "Onze regio, onze toekomst".',
		domains: [
			'werk-en-economie',
			'mobiliteit',
			'onderwijs',
			'veiligheid',
			'wonen',
			'zorg-en-welzijn'
		],
		participants: ['region']
	},
	{
		slug: 'burgemeestersoverleg-halle-vilvoorde',
		kind: 'mayors_consultation',
		name: 'Burgemeestersoverleg Halle-Vilvoorde',
		region: 'halle-vilvoorde',
		partOf: 'toekomstforum-halle-vilvoorde',
		purpose:
			'De burgemeesters en schepenen van de gemeenten van Halle-Vilvoorde. Ze beslissen over de voorstellen die de stuurgroep voorbereidt.',
		domains: [
			'werk-en-economie',
			'mobiliteit',
			'onderwijs',
			'veiligheid',
			'wonen',
			'zorg-en-welzijn'
		],
		participants: ['region']
	},
	{
		slug: 'stuurgroep-toekomstforum',
		kind: 'steering_group',
		name: 'Stuurgroep Toekomstforum',
		region: 'halle-vilvoorde',
		partOf: 'toekomstforum-halle-vilvoorde',
		reportsTo: ['burgemeestersoverleg-halle-vilvoorde'],
		purpose:
			'Verenigt de voorzitters van de themawerkgroepen, deskundigen en ondersteunend personeel. De stuurgroep bekrachtigt de adviezen van de werkgroepen en bereidt het burgemeestersoverleg voor.',
		domains: [
			'werk-en-economie',
			'mobiliteit',
			'onderwijs',
			'veiligheid',
			'wonen',
			'zorg-en-welzijn'
		],
		participants: []
	},
	{
		slug: 'dagelijks-bestuur-toekomstforum',
		kind: 'executive',
		name: 'Dagelijks bestuur Toekomstforum',
		region: 'halle-vilvoorde',
		partOf: 'toekomstforum-halle-vilvoorde',
		organiser: 'haviland',
		purpose:
			'Het secretariaat van het Toekomstforum, verzorgd door Haviland samen met ERSV Vlaams-Brabant.',
		domains: [],
		participants: [
			{ org: 'haviland', seat: 'secretariat' },
			{ org: HOST_ORGANISATION, seat: 'secretariat' }
		]
	},
	...workingGroups.map(([slug, name, topic]): BodySeed => ({
		slug: `themawerkgroep-${slug}`,
		kind: 'working_group',
		name: `Themawerkgroep ${name}`,
		region: 'halle-vilvoorde',
		partOf: 'toekomstforum-halle-vilvoorde',
		advises: ['stuurgroep-toekomstforum'],
		purpose: `Werkt voor het Toekomstforum het thema ${topic} uit en bezorgt zijn adviezen aan de stuurgroep.`,
		domains: [slug],
		participants: []
	}))
];

export const programmeSeeds = [
	{
		slug: 'versterkt-streekbeleid-leuven',
		name: 'Versterkt Streekbeleid regio Leuven',
		region: 'leuven',
		funder: 'Europees Sociaal Fonds (ESF)',
		startsOn: '2016-01-01',
		endsOn: '2020-06-30',
		description:
			'ESF-project van ERSV Vlaams-Brabant voor de regio Leuven (programmaperiode 2016–2019, verlengd tot midden 2020).'
	},
	{
		slug: 'versterkt-streekbeleid-halle-vilvoorde',
		name: 'Versterkt Streekbeleid regio Halle-Vilvoorde',
		region: 'halle-vilvoorde',
		funder: 'Europees Sociaal Fonds (ESF)',
		startsOn: '2016-01-01',
		endsOn: '2020-06-30',
		description:
			'ESF-project van ERSV Vlaams-Brabant voor de regio Halle-Vilvoorde (programmaperiode 2016–2019, verlengd tot midden 2020).'
	}
];
