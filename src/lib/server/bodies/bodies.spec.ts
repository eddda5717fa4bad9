import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	buildBody,
	buildMembership,
	buildOrganisation,
	buildParticipant
} from '../../../../tests/helpers/factories';
import { getMunicipalityPage, getRegionBySlug, regionMunicipalities } from '../areas/areas.service';
import { countQueries } from '../db';
import { bodyId, regionId } from '../seed/seed.service';
import { getBodyPage, listBodies, regionBodyTree, regionBodyTrees } from './bodies.service';

const t = useTestDatabase();

describe('region pages', () => {
	it('Halle-Vilvoorde has 33 current municipalities, with Pajottegem and without its predecessors', async () => {
		const region = await getRegionBySlug(t.db, 'halle-vilvoorde');
		const municipalities = await regionMunicipalities(t.db, region.id, '2026-11-27');
		const names = municipalities.map((m) => m.name.nl);
		expect(names).toHaveLength(33);
		expect(names).toContain('Pajottegem');
		expect(names).not.toContain('Galmaarden');
	});

	it('before the merger, the region had 35 municipalities', async () => {
		const municipalities = await regionMunicipalities(
			t.db,
			regionId('halle-vilvoorde'),
			'2024-06-01'
		);
		expect(municipalities.map((m) => m.name.nl)).toEqual(
			expect.arrayContaining(['Galmaarden', 'Gooik', 'Herne'])
		);
		expect(municipalities.map((m) => m.name.nl)).not.toContain('Pajottegem');
		expect(municipalities).toHaveLength(35);
	});

	it('draws the Toekomstforum as a tree: six working groups advising the Stuurgroep', async () => {
		const tree = await regionBodyTree(t.db, regionId('halle-vilvoorde'));
		expect(tree.map((b) => b.slug)).toEqual(['toekomstforum-halle-vilvoorde']);
		const parts = tree[0].children;
		const groups = parts.filter((b) => b.kind === 'working_group');
		expect(groups).toHaveLength(6);
		for (const g of groups)
			expect(g.advises.map((a) => a.slug)).toEqual(['stuurgroep-toekomstforum']);
		const stuurgroep = parts.find((b) => b.slug === 'stuurgroep-toekomstforum');
		expect(stuurgroep?.reportsTo.map((a) => a.slug)).toEqual([
			'burgemeestersoverleg-halle-vilvoorde'
		]);
	});
});

describe('getBodyPage', () => {
	it('shows the Taskforce reporting to the Burgemeestersoverleg, with its partners', async () => {
		const page = await getBodyPage(t.db, 'taskforce-spitsregio-leuven');
		expect(page.partOf?.slug).toBe('burgemeestersoverleg-oost-brabant');
		expect(page.reportsTo.map((b) => b.slug)).toEqual(['burgemeestersoverleg-oost-brabant']);
		const names = page.participants.map((p) => p.organisation.name.nl);
		for (const partner of [
			'ACV',
			'ABVV',
			'ACLVB',
			'VOKA',
			'UNIZO',
			'Boerenbond',
			'Provincie Vlaams-Brabant',
			'VDAB',
			'Interleuven'
		]) {
			expect(names).toContain(partner);
		}
		expect(names).toContain('Leuven');
		expect(page.participants).toHaveLength(30 + 9);
	});

	it('lists the Burgemeestersoverleg as receiving the Taskforce report', async () => {
		const page = await getBodyPage(t.db, 'burgemeestersoverleg-oost-brabant');
		expect(page.reportedBy.map((b) => b.slug)).toEqual(['taskforce-spitsregio-leuven']);
		expect(page.parts.map((b) => b.slug)).toEqual(['taskforce-spitsregio-leuven']);
	});

	it('shows only members whose names are public and whose term runs today', async () => {
		const body = bodyId('themawerkgroep-wonen');
		await buildMembership(t.db, {
			bodyId: body,
			givenName: 'Publieke',
			familyName: 'Voorzitter',
			role: 'chair',
			publicName: true
		});
		await buildMembership(t.db, {
			bodyId: body,
			givenName: 'Verborgen',
			familyName: 'Lid',
			publicName: false
		});
		await buildMembership(t.db, {
			bodyId: body,
			givenName: 'Vroeger',
			familyName: 'Lid',
			publicName: true,
			startOn: '2019-01-01',
			endOn: '2024-12-31'
		});
		const page = await getBodyPage(t.db, 'themawerkgroep-wonen', '2026-11-27');
		expect(page.members.map((m) => `${m.givenName} ${m.familyName}`)).toEqual([
			'Publieke Voorzitter'
		]);
		expect(Object.keys(page.members[0])).not.toContain('email');
	});

	it('gives not_found for an unknown slug', async () => {
		await expect(getBodyPage(t.db, 'bestaat-niet')).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('municipality page', () => {
	it('names Pajottegem’s predecessors and its bodies', async () => {
		const page = await getMunicipalityPage(t.db, '23106');
		expect(page.predecessors.map((p) => p.name.nl)).toEqual(['Galmaarden', 'Gooik', 'Herne']);
		expect(page.area.validFrom).toBe('2025-01-01');
		expect(page.bodies.map((b) => b.slug)).toEqual(
			expect.arrayContaining([
				'toekomstforum-halle-vilvoorde',
				'burgemeestersoverleg-halle-vilvoorde'
			])
		);
		expect(page.regions.map((r) => r.slug)).toEqual(['halle-vilvoorde']);
	});

	it('keeps Galmaarden with its end date and successor', async () => {
		const page = await getMunicipalityPage(t.db, '23023');
		expect(page.area.validTo).toBe('2024-12-31');
		expect(page.successor?.nisCode).toBe('23106');
	});
});

describe('query counts do not grow with the data', () => {
	it('body, region and municipality pages and the body list', async () => {
		const measure = async () => ({
			body: (await countQueries(() => getBodyPage(t.db, 'stuurgroep-toekomstforum'))).queries,
			tree: (await countQueries(() => regionBodyTree(t.db, regionId('halle-vilvoorde')))).queries,
			home: (
				await countQueries(() =>
					regionBodyTrees(t.db, [regionId('leuven'), regionId('halle-vilvoorde')])
				)
			).queries,
			municipality: (await countQueries(() => getMunicipalityPage(t.db, '23106'))).queries,
			list: (await countQueries(() => listBodies(t.db, { limit: 200 }))).queries
		});
		const before = await measure();
		expect(before.body).toBeGreaterThan(0);

		const stuurgroep = bodyId('stuurgroep-toekomstforum');
		for (let i = 0; i < 15; i++) {
			const org = await buildOrganisation(t.db);
			await buildParticipant(t.db, { bodyId: stuurgroep, organisationId: org.id });
			await buildMembership(t.db, { bodyId: stuurgroep, organisationId: org.id, publicName: true });
			await buildBody(t.db, { partOfId: stuurgroep, regionId: regionId('halle-vilvoorde') });
		}
		const after = await measure();
		expect(after).toEqual(before);
		const page = await getBodyPage(t.db, 'stuurgroep-toekomstforum');
		expect(page.members).toHaveLength(15);
		expect(page.parts).toHaveLength(15);
	});
});
