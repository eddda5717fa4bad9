import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	areas,
	auditEvents,
	bodies,
	organisations,
	participants,
	regionMembers
} from '../db/schema';
import { areaId, bodyId, isSeeded, purgeExamples, regionId, seedStructure } from './seed.service';
import { seededId } from './ids';

const t = useTestDatabase({ seeded: false });

async function tableCounts() {
	const db = t.db;
	const [a] = await db.select({ n: count() }).from(areas);
	const [o] = await db.select({ n: count() }).from(organisations);
	const [b] = await db.select({ n: count() }).from(bodies);
	const [p] = await db.select({ n: count() }).from(participants);
	return { areas: a.n, organisations: o.n, bodies: b.n, participants: p.n };
}

describe('seedStructure', () => {
	it('loads the real structure on an empty database, with deterministic ids', async () => {
		expect(await isSeeded(t.db)).toBe(false);
		const counts = await seedStructure(t.ctx());
		expect(counts.bodies).toBe(12);
		expect(await isSeeded(t.db)).toBe(true);
		const [taskforce] = await t.db
			.select()
			.from(bodies)
			.where(eq(bodies.slug, 'taskforce-spitsregio-leuven'));
		expect(taskforce.id).toBe(bodyId('taskforce-spitsregio-leuven'));
		expect(taskforce.id).toBe(seededId('body', 'taskforce-spitsregio-leuven'));
		expect(taskforce.partOfId).toBe(bodyId('burgemeestersoverleg-oost-brabant'));

		const members = await t.db
			.select({ nis: areas.nisCode, validTo: areas.validTo })
			.from(regionMembers)
			.innerJoin(areas, eq(areas.id, regionMembers.areaId))
			.where(eq(regionMembers.regionId, regionId('halle-vilvoorde')));
		expect(members.filter((m) => m.validTo === null)).toHaveLength(33);
		expect(
			members
				.filter((m) => m.validTo === '2024-12-31')
				.map((m) => m.nis)
				.sort()
		).toEqual(['23023', '23024', '23032']);
		const [galmaarden] = await t.db.select().from(areas).where(eq(areas.nisCode, '23023'));
		expect(galmaarden.successorId).toBe(areaId('23106'));
	});

	it('changes nothing when run a second time', async () => {
		const before = await tableCounts();
		const [auditBefore] = await t.db.select({ n: count() }).from(auditEvents);
		const counts = await seedStructure(t.ctx());
		expect(Object.values(counts).every((n) => n === 0)).toBe(true);
		expect(await tableCounts()).toEqual(before);
		// Only the audit row of the (empty) run itself is added.
		const [auditAfter] = await t.db.select({ n: count() }).from(auditEvents);
		expect(auditAfter.n).toBe(auditBefore.n + 1);
	});

	it('never overwrites a seeded record that staff edited', async () => {
		await t.db
			.update(bodies)
			.set({ name: { nl: 'Aangepaste naam' } })
			.where(eq(bodies.id, bodyId('stuurgroep-toekomstforum')));
		await seedStructure(t.ctx());
		const [row] = await t.db
			.select()
			.from(bodies)
			.where(eq(bodies.id, bodyId('stuurgroep-toekomstforum')));
		expect(row.name.nl).toBe('Aangepaste naam');
	});
});

describe('purgeExamples', () => {
	it('removes rows flagged as example and keeps the real structure', async () => {
		const before = await tableCounts();
		await t.db.insert(organisations).values({
			slug: 'voorbeeldorganisatie',
			kind: 'other',
			name: { nl: 'Voorbeeldorganisatie (voorbeeld)' },
			isExample: true
		});
		const removed = await purgeExamples(t.ctx());
		expect(removed.organisations).toBe(1);
		expect(await tableCounts()).toEqual(before);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'seed.purge_examples'));
		expect(audit.actorType).toBe('cli');
	});
});
