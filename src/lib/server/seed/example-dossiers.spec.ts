/**
 * The example dossier (the Halle-Vilvoorde mayors' memorandum on school infrastructure): loaded
 * once with every other example at start, flagged and titled as an example, sent to the Vlaamse
 * Regering (answered) and the Vlaams Parlement (overdue), never reminded of, and removed by
 * purgeExamples.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	decisions,
	dossierAddressees,
	dossierDecisions,
	dossierPolicyDomains,
	dossiers,
	meetings
} from '../db/schema';
import { register, dossierPage } from '../dossiers/dossiers.queries';
import { sendDossierReminders } from '../dossiers/reminders';
import { anonymous } from '../policy';
import { seedAllExamples } from './all-examples';
import { EXAMPLE_DOSSIER_SLUG, exampleDossierId, seedExampleDossiers } from './example-dossiers';
import { bodyId, organisationId, purgeExamples } from './seed.service';

const t = useTestDatabase();

async function rows() {
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries({
		dossiers,
		dossierAddressees,
		dossierDecisions,
		dossierPolicyDomains
	})) {
		out[name] = (await t.db.select({ n: count() }).from(table))[0].n;
	}
	return out;
}

describe('example dossier', () => {
	it('loads once with the other examples; seeding again inserts nothing', async () => {
		const first = await seedAllExamples(t.ctx());
		expect(first).toMatchObject({ dossierMeetings: 1, dossiers: 1 });
		expect(await rows()).toEqual({
			dossiers: 1,
			dossierAddressees: 2,
			dossierDecisions: 1,
			dossierPolicyDomains: 1
		});
		const again = await seedAllExamples(t.ctx());
		expect(Object.entries(again).filter(([, n]) => n !== 0)).toEqual([]);
		expect(await seedExampleDossiers(t.ctx())).toEqual({ dossierMeetings: 0, dossiers: 0 });
		expect(await rows()).toEqual({
			dossiers: 1,
			dossierAddressees: 2,
			dossierDecisions: 1,
			dossierPolicyDomains: 1
		});
	});

	it('is a public example of the Halle-Vilvoorde mayors, adopted by a held meeting’s decision', async () => {
		const [dossier] = await t.db.select().from(dossiers).where(eq(dossiers.id, exampleDossierId));
		expect(dossier).toMatchObject({
			slug: EXAMPLE_DOSSIER_SLUG,
			bodyId: bodyId('burgemeestersoverleg-halle-vilvoorde'),
			isPublic: true,
			isExample: true,
			closedOn: null
		});
		expect(dossier.title).toMatch(/voorbeeld/i);
		expect(dossier.position).toMatch(/voorbeeld/i);
		const [link] = await t.db
			.select({ decision: decisions, meeting: meetings })
			.from(dossierDecisions)
			.innerJoin(decisions, eq(decisions.id, dossierDecisions.decisionId))
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.where(eq(dossierDecisions.dossierId, exampleDossierId));
		expect(link.decision).toMatchObject({ status: 'adopted', isExample: true });
		expect(link.meeting).toMatchObject({ status: 'held', isExample: true });
		expect(link.decision.title).toMatch(/voorbeeld/i);
	});

	it('is sent, answered by the Vlaamse Regering, overdue with the Vlaams Parlement — also publicly', async () => {
		for (const view of ['workspace', 'public'] as const) {
			const page = await dossierPage(t.db, EXAMPLE_DOSSIER_SLUG, view, {
				principal: view === 'public' ? anonymous : t.ctx().principal
			});
			expect(page!.status).toMatchObject({ stage: 'sent', overdue: ['Vlaams Parlement'] });
			expect(
				page!.addressees.map((a) => [a.organisation.slug, !!a.sentOn, !!a.answeredOn, a.overdue])
			).toEqual([
				['vlaamse-regering', true, true, false],
				['vlaams-parlement', true, false, true]
			]);
			expect(page!.decisions).toHaveLength(1);
		}
		const listed = await register(t.db, 'public', anonymous, {
			addresseeId: organisationId('vlaams-parlement')
		});
		expect(listed.map((r) => [r.slug, r.isExample, r.status.stage])).toEqual([
			[EXAMPLE_DOSSIER_SLUG, true, 'sent']
		]);
	});

	it('reminds no one, though overdue', async () => {
		expect(await sendDossierReminders(t.db)).toMatchObject({ due: 0, reminded: 0, sent: 0 });
	});

	it('is removed by purgeExamples, with its addressees and links', async () => {
		const removed = await purgeExamples(t.ctx());
		expect(removed.dossiers).toBe(1);
		expect(await rows()).toEqual({
			dossiers: 0,
			dossierAddressees: 0,
			dossierDecisions: 0,
			dossierPolicyDomains: 0
		});
	});
});
