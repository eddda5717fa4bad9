import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership } from '../../../../tests/helpers/factories';
import { auditEvents, people } from '../db/schema';
import type { Principal } from '../policy';
import { bodyId, organisationId } from '../seed/seed.service';
import { createPerson, getPersonHistory, listPeople, updatePerson } from './people.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();
const secretary: Principal = {
	kind: 'user',
	userId: 'u',
	name: 'u',
	email: 'u@x.test',
	role: 'user',
	bodyRoles: { [bodyId('taskforce-spitsregio-leuven')]: ['secretary'] }
};

async function counts() {
	const [p] = await t.db.select({ n: count() }).from(people);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { people: p.n, audit: a.n };
}

describe('people', () => {
	it('creates and updates a person with audit rows', async () => {
		const before = await counts();
		const p = await createPerson(t.ctx(), {
			givenName: 'An',
			familyName: 'Voorbeeld',
			email: 'an@voorbeeld.test',
			phone: ''
		});
		expect(p.phone).toBeNull();
		const updated = await updatePerson(t.ctx(), p.id, {
			givenName: 'Anne',
			familyName: 'Voorbeeld'
		});
		expect(updated).toMatchObject({ givenName: 'Anne', email: null });
		expect(await counts()).toEqual({ people: before.people + 1, audit: before.audit + 2 });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'person.update'));
		expect(audit.changes?.givenName).toEqual({ before: 'An', after: 'Anne' });
	});

	it.each([
		[
			'an empty family name',
			{ givenName: 'A', familyName: ' ' },
			'familyName',
			'Vul de familienaam in.'
		],
		[
			'a bad e-mail address',
			{ givenName: 'A', familyName: 'B', email: 'geen-adres' },
			'email',
			'Ongeldig e-mailadres.'
		],
		['an unknown field', { givenName: 'A', familyName: 'B', userId: 'x' }, '_', '']
	])('refuses %s and writes nothing', async (_l, input, field, message) => {
		const before = await counts();
		const error = await rejection(createPerson(t.ctx(), input));
		expect(Object.keys(error.fields ?? {})).toContain(field);
		if (message) expect(error.fields?.[field]).toContain(message);
		expect(await counts()).toEqual(before);
	});

	it('is for staff: a secretary may not create people here', async () => {
		const before = await counts();
		const error = await rejection(
			createPerson(t.ctx({ principal: secretary }), { givenName: 'A', familyName: 'B' })
		);
		expect(error.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});

	it('searches by name and e-mail, filters by organisation, and pages', async () => {
		const a = await buildMembership(t.db, {
			bodyId: bodyId('taskforce-spitsregio-leuven'),
			givenName: 'Zoekbare',
			familyName: 'Vakbondsman',
			organisationId: organisationId('acv')
		});
		await t.db
			.update(people)
			.set({ email: 'zoek@voorbeeld.test' })
			.where(eq(people.id, a.person.id));
		expect((await listPeople(t.ctx(), { q: 'zoekbare vakbond' })).items.map((p) => p.id)).toEqual([
			a.person.id
		]);
		expect((await listPeople(t.ctx(), { q: 'zoek@voorbeeld' })).items.map((p) => p.id)).toEqual([
			a.person.id
		]);
		const byOrg = await listPeople(t.ctx(), { organisationId: organisationId('acv') });
		expect(byOrg.items.map((p) => p.id)).toContain(a.person.id);
		const page = await listPeople(t.ctx(), { limit: '1', page: '2' });
		expect(page.items).toHaveLength(1);
		expect(page.pages).toBe(page.total);
	});

	it('shows the full history, ended memberships and archived bodies included', async () => {
		const { person, membership } = await buildMembership(t.db, {
			bodyId: bodyId('taskforce-spitsregio-leuven'),
			startOn: '2019-01-01',
			endOn: '2024-12-31',
			organisationId: organisationId('voka')
		});
		await buildMembership(t.db, { bodyId: bodyId('themawerkgroep-wonen'), startOn: '2025-01-01' });
		const { history } = await getPersonHistory(t.ctx(), person.id);
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({
			id: membership.id,
			endOn: '2024-12-31',
			organisation: { slug: 'voka' },
			body: { slug: 'taskforce-spitsregio-leuven' }
		});
		expect((await rejection(getPersonHistory(t.ctx(), 'geen-id'))).code).toBe('not_found');
	});
});
