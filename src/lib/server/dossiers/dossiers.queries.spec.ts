/**
 * The register and a dossier's page read a fixed number of queries, however many dossiers,
 * addressees and links there are (Decidim's slow pages are N+1 queries); and the register's
 * filters find what they name.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { countQueries } from '../db';
import { dossierAddressees, dossierPolicyDomains, dossiers } from '../db/schema';
import { anonymous, system } from '../policy';
import { decisionId } from '../seed/example-advice';
import { EXAMPLE_DOSSIER_SLUG, seedExampleDossiers } from '../seed/example-dossiers';
import { bodyId, organisationId, policyDomainId } from '../seed/seed.service';
import { dossierPage, dossiersOfDecision, register } from './dossiers.queries';

const t = useTestDatabase();

describe('dossier queries', () => {
	it('read the register and a dossier in the same number of queries, whatever the data', async () => {
		await seedExampleDossiers(t.ctx());
		const run = async () => ({
			publicRegister: (await countQueries(() => register(t.db, 'public', anonymous))).queries,
			workspaceRegister: (await countQueries(() => register(t.db, 'workspace', system))).queries,
			page: (
				await countQueries(() =>
					dossierPage(t.db, EXAMPLE_DOSSIER_SLUG, 'public', { principal: anonymous })
				)
			).queries
		});
		const before = await run();
		expect(before).toEqual({ publicRegister: 5, workspaceRegister: 5, page: 8 });

		// Twenty more dossiers, each with three addressees and two policy domains.
		for (let i = 0; i < 20; i++) {
			const [d] = await t.db
				.insert(dossiers)
				.values({
					slug: `extra-${i}`,
					bodyId: bodyId('toekomstforum-halle-vilvoorde'),
					title: `Extra ${i}`,
					isPublic: i % 2 === 0
				})
				.returning();
			await t.db.insert(dossierAddressees).values(
				['vlaamse-regering', 'federale-regering', 'vlaams-parlement'].map((slug) => ({
					dossierId: d.id,
					organisationId: organisationId(slug)
				}))
			);
			await t.db.insert(dossierPolicyDomains).values(
				['mobiliteit', 'wonen'].map((slug) => ({
					dossierId: d.id,
					policyDomainId: policyDomainId(slug)
				}))
			);
		}
		expect(await run()).toEqual(before);

		// Without an adopting decision those are drafts: never public, in the workspace they are.
		const publicRows = await register(t.db, 'public', anonymous);
		expect(publicRows.map((r) => r.slug)).toEqual([EXAMPLE_DOSSIER_SLUG]);
		const all = await register(t.db, 'workspace', system);
		expect(all).toHaveLength(21);
	});

	it('filters by body, addressee, policy domain, stage and year', async () => {
		const slugs = async (filter: Parameters<typeof register>[3]) =>
			(await register(t.db, 'workspace', system, filter)).map((r) => r.slug).sort();
		const example = [EXAMPLE_DOSSIER_SLUG];
		expect(await slugs({ bodyId: bodyId('burgemeestersoverleg-halle-vilvoorde') })).toEqual(
			example
		);
		expect(await slugs({ policyDomainId: policyDomainId('onderwijs') })).toEqual(example);
		// The example was sent to the Vlaamse Regering, the extras too; not to the province.
		expect(await slugs({ addresseeId: organisationId('vlaamse-regering') })).toHaveLength(21);
		expect(await slugs({ addresseeId: organisationId('provincie-vlaams-brabant') })).toEqual([]);
		expect(await slugs({ stage: 'sent' })).toEqual(example);
		expect(await slugs({ stage: 'draft' })).toHaveLength(20);
		const year = Number(new Date().toISOString().slice(0, 4));
		expect((await slugs({ year: year - 30 })).length).toBe(0);
		// Not an id: nothing, and no database error.
		expect(await slugs({ addresseeId: "'; drop table dossiers; --" })).toEqual([]);
	});

	it("lists on a decision's page the dossiers it adopted, published ones for the public", async () => {
		const memorandum = decisionId({
			key: 'bhv-memorandum',
			item: { key: 'memorandum-scholen' }
		} as Parameters<typeof decisionId>[0]);
		expect(await dossiersOfDecision(t.db, memorandum, { publicOnly: true })).toEqual([
			{ slug: EXAMPLE_DOSSIER_SLUG, title: expect.stringContaining('voorbeeld') }
		]);
		await t.db.update(dossiers).set({ isPublic: false });
		expect(await dossiersOfDecision(t.db, memorandum, { publicOnly: true })).toEqual([]);
		expect(await dossiersOfDecision(t.db, memorandum, { publicOnly: false })).toHaveLength(1);
	});
});
