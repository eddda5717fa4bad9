/**
 * Example news and a page for the embedded default, so /nieuws, the body pages and the region
 * pages show something on a fresh start: three news items (titles start with "Voorbeeld:") of the
 * Taskforce Spitsregio Leuven and the Toekomstforum Halle-Vilvoorde, published days before `now`,
 * and one page of the Taskforce. Flagged is_example (purgeExamples removes them); deterministic
 * ids, so seeding twice changes nothing. Needs the structure seed.
 */
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { contentItems } from '../db/schema';
import { seededId } from './ids';
import { bodyId, policyDomainId, regionId } from './seed.service';

const DAY = 24 * 60 * 60 * 1000;

const items = [
	{
		kind: 'news' as const,
		slug: 'voorbeeld-taskforce-start-werkgroep-fietssnelwegen',
		of: 'taskforce-spitsregio-leuven',
		region: 'leuven',
		domain: 'mobiliteit',
		daysAgo: 3,
		title: {
			nl: 'Voorbeeld: Taskforce start werkgroep fietssnelwegen',
			en: 'Example: Taskforce starts a working group on cycle highways'
		},
		summary: {
			nl: 'De Taskforce Spitsregio Leuven brengt gemeenten en werkgevers samen rond woon-werkverkeer per fiets.',
			en: 'The Taskforce Spitsregio Leuven brings municipalities and employers together on cycling to work.'
		},
		body: {
			nl: '**Voorbeeld.** De Taskforce Spitsregio Leuven richt een werkgroep op die de ontbrekende schakels in de fietssnelwegen rond Leuven in kaart brengt.\n\n## Wat volgt\n\n- een overzicht van de knelpunten per gemeente;\n- een voorstel van prioriteiten voor het Burgemeestersoverleg.\n\nMeer over de fietssnelwegen op [fietssnelwegen.be](https://www.fietssnelwegen.be).',
			en: '**Example.** The Taskforce Spitsregio Leuven sets up a working group that maps the missing links in the cycle highways around Leuven.'
		}
	},
	{
		kind: 'news' as const,
		slug: 'voorbeeld-opleidingen-voor-knelpuntberoepen',
		of: 'taskforce-spitsregio-leuven',
		region: 'leuven',
		domain: 'werk-en-economie',
		daysAgo: 10,
		title: { nl: 'Voorbeeld: Samen opleidingen voor knelpuntberoepen' },
		summary: {
			nl: 'Vakbonden, werkgevers en VDAB maken één opleidingskalender voor de regio Leuven.'
		},
		body: {
			nl: '**Voorbeeld.** Vakbonden, werkgevers en VDAB spreken in de Taskforce af om hun opleidingen voor knelpuntberoepen op elkaar af te stemmen. Dit bericht bestaat alleen in het Nederlands.'
		}
	},
	{
		kind: 'news' as const,
		slug: 'voorbeeld-toekomstforum-stelt-prioriteiten-voor',
		of: 'toekomstforum-halle-vilvoorde',
		region: 'halle-vilvoorde',
		domain: 'onderwijs',
		daysAgo: 6,
		title: {
			nl: 'Voorbeeld: Toekomstforum stelt prioriteiten voor',
			en: 'Example: Toekomstforum presents its priorities'
		},
		summary: {
			nl: 'De burgemeesters van Halle-Vilvoorde kiezen onderwijs en mobiliteit als eerste werven.',
			en: 'The mayors of Halle-Vilvoorde choose education and mobility as their first priorities.'
		},
		body: {
			nl: '**Voorbeeld.** Het Toekomstforum Halle-Vilvoorde stelt zijn prioriteiten voor de komende jaren voor: schoolcapaciteit in de rand rond Brussel en betere busverbindingen tussen de gemeenten.',
			en: '**Example.** The Toekomstforum Halle-Vilvoorde presents its priorities for the coming years: school capacity around Brussels and better bus links between the municipalities.'
		}
	},
	{
		kind: 'page' as const,
		slug: 'voorbeeld-over-de-taskforce',
		of: 'taskforce-spitsregio-leuven',
		region: 'leuven',
		domain: 'werk-en-economie',
		daysAgo: 30,
		title: {
			nl: 'Voorbeeld: Over de Taskforce Spitsregio Leuven',
			en: 'Example: About the Taskforce Spitsregio Leuven'
		},
		summary: null,
		body: {
			nl: '**Voorbeeld.** De Taskforce Spitsregio Leuven bereidt het sociaaleconomische streekbeleid voor binnen het Burgemeestersoverleg Oost-Brabant.\n\n## Wie zit erin\n\nVakbonden, werkgevers, de provincie, VDAB en de gemeenten van de regio Leuven.'
		}
	}
];

export const exampleContentId = (slug: string) => seededId('content', slug);

/** Load the example news and page (once). Returns the rows inserted. */
export async function seedExampleContent(ctx: ServiceContext, now = new Date()) {
	return mutate(ctx, async (tx) => {
		const rows = await tx
			.insert(contentItems)
			.values(
				items.map((i) => ({
					id: exampleContentId(i.slug),
					kind: i.kind,
					slug: i.slug,
					title: i.title,
					summary: i.summary,
					body: i.body,
					bodyId: bodyId(i.of),
					areaId: regionId(i.region),
					policyDomainId: policyDomainId(i.domain),
					publishAt: new Date(now.getTime() - i.daysAgo * DAY),
					isExample: true
				}))
			)
			.onConflictDoNothing()
			.returning({ id: contentItems.id });
		return {
			result: { contentItems: rows.length },
			audit: {
				action: 'seed.example_content',
				recordType: 'seed',
				recordId: 'example-content',
				changes: { inserted: { after: rows.length } }
			}
		};
	});
}
