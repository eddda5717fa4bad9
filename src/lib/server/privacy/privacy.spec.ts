import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMembership } from '../../../../tests/helpers/factories';
import { getBodyPage } from '../bodies/bodies.service';
import {
	auditEvents,
	memberships,
	oneTimeTokens,
	people,
	recoveryCodes,
	sessions,
	users
} from '../db/schema';
import { anonymous, type Principal } from '../policy';
import { jobs } from '../jobs/jobs';
import {
	anonymisePerson,
	applyRetention,
	exportMyData,
	listErasureRequests,
	requestErasure,
	retentionCandidates,
	retentionCutoff
} from './privacy.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase({ seeded: false });

let u = 0;
async function buildUser(overrides: Partial<typeof users.$inferInsert> = {}) {
	const i = ++u;
	const [row] = await t.db
		.insert(users)
		.values({ email: `gebruiker${i}@voorbeeld.test`, name: `Gebruiker ${i}`, ...overrides })
		.returning();
	return row;
}

const as = (user: { id: string; name: string; email: string }, role: 'user' | 'staff' = 'user') =>
	({
		kind: 'user',
		userId: user.id,
		name: user.name,
		email: user.email,
		role,
		bodyRoles: {}
	}) satisfies Principal;

const staff: Principal = {
	kind: 'user',
	userId: '00000000-0000-4000-8000-0000000000aa',
	name: 'Medewerker',
	email: 'medewerker@voorbeeld.test',
	role: 'staff',
	bodyRoles: {}
};

async function auditCount() {
	const [row] = await t.db.select({ n: count() }).from(auditEvents);
	return row.n;
}

/** A user with secrets everywhere, a linked person with a membership, a session and history. */
async function userWithEverything() {
	const user = await buildUser({
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$GEHEIMEHASH',
		totpSecret: 'GEHEIMTOTPSECRET',
		totpEnabledAt: new Date()
	});
	const body = await buildBody(t.db, { name: { nl: 'Werkgroep Export' } });
	const { person, membership } = await buildMembership(t.db, {
		bodyId: body.id,
		role: 'secretary',
		givenName: 'Greet',
		familyName: 'Exporteur',
		startOn: '2024-01-01'
	});
	await t.db
		.update(people)
		.set({ userId: user.id, email: 'greet@voorbeeld.test' })
		.where(eq(people.id, person.id));
	await t.db.insert(sessions).values({
		id: `SESSIEHASHGEHEIM${user.id}`,
		userId: user.id,
		expiresAt: new Date(Date.now() + 3600_000),
		userAgent: 'vitest',
		ip: '127.0.0.1'
	});
	await t.db
		.insert(recoveryCodes)
		.values({ userId: user.id, codeHash: `HERSTELCODEHASH${user.id}` });
	await t.db.insert(oneTimeTokens).values({
		kind: 'reset',
		tokenHash: `LINKTOKENHASH${user.id}`,
		userId: user.id,
		expiresAt: new Date(Date.now() + 3600_000)
	});
	await t.db.insert(auditEvents).values({
		actorType: 'user',
		actorId: user.id,
		action: 'user.password_set',
		recordType: 'user',
		recordId: user.id,
		changes: { passwordHash: { after: 'nooit zichtbaar' }, name: { after: user.name } }
	});
	return { user, person, membership, body };
}

describe('download of one’s own data', () => {
	it('contains the user, the person, memberships, sessions and history, without secrets', async () => {
		const { user, person, membership } = await userWithEverything();
		const data = await exportMyData(t.ctx({ principal: as(user) }), user.id);
		const json = JSON.stringify(data);
		for (const secret of [
			'GEHEIMEHASH',
			'GEHEIMTOTPSECRET',
			'SESSIEHASHGEHEIM',
			'HERSTELCODEHASH',
			'LINKTOKENHASH',
			'nooit zichtbaar'
		]) {
			expect(json).not.toContain(secret);
		}
		expect(json).not.toMatch(/passwordHash|totpSecret|tokenHash|codeHash/);
		expect(data.user).toMatchObject({ id: user.id, email: user.email, unusedRecoveryCodes: 1 });
		expect(data.people).toEqual([
			expect.objectContaining({ id: person.id, givenName: 'Greet', email: 'greet@voorbeeld.test' })
		]);
		expect(data.memberships).toEqual([
			expect.objectContaining({
				id: membership.id,
				role: 'secretary',
				body: expect.objectContaining({ name: { nl: 'Werkgroep Export' } })
			})
		]);
		expect(data.sessions).toEqual([
			expect.objectContaining({ userAgent: 'vitest', ip: '127.0.0.1' })
		]);
		expect(data.auditEvents.map((e) => e.action)).toContain('user.password_set');
		const [exported] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'privacy.export'));
		expect(exported).toMatchObject({ recordType: 'user', recordId: user.id });
	});

	it('is refused for someone else’s data and for anonymous visitors', async () => {
		const { user } = await userWithEverything();
		const other = await buildUser();
		const before = await auditCount();
		const e = await rejection(exportMyData(t.ctx({ principal: as(other) }), user.id));
		expect(e.code).toBe('forbidden');
		expect(e.message).toBe('U kunt alleen uw eigen gegevens opvragen of laten verwijderen.');
		expect((await rejection(exportMyData(t.ctx({ principal: staff }), user.id))).code).toBe(
			'forbidden'
		);
		expect((await rejection(exportMyData(t.ctx({ principal: anonymous }), user.id))).code).toBe(
			'unauthenticated'
		);
		expect(await auditCount()).toBe(before);
	});
});

describe('erasure request', () => {
	it('is refused without confirmation, for someone else, or without a linked person — nothing changes', async () => {
		const { user, person } = await userWithEverything();
		const other = await buildUser();
		const before = await auditCount();

		const missing = await rejection(requestErasure(t.ctx({ principal: as(user) }), user.id, {}));
		expect(missing.code).toBe('invalid_input');
		expect(missing.message).toBe('Uw vraag is niet verstuurd.');
		expect(missing.fields?.confirm).toEqual([
			'Vink aan dat u vraagt om uw persoonsgegevens te laten verwijderen.'
		]);
		const wrong = await rejection(
			requestErasure(t.ctx({ principal: as(user) }), user.id, { confirm: 'nee' })
		);
		expect(wrong.fields?.confirm).toHaveLength(1);

		const forOther = await rejection(
			requestErasure(t.ctx({ principal: as(other) }), user.id, { confirm: 'on' })
		);
		expect(forOther.code).toBe('forbidden');

		const unlinked = await rejection(
			requestErasure(t.ctx({ principal: as(other) }), other.id, { confirm: 'on' })
		);
		expect(unlinked.code).toBe('conflict');
		expect(unlinked.message).toMatch(/^Aan uw account zijn geen persoonsgegevens/);

		const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
		expect(row.erasureRequestedAt).toBeNull();
		expect(await auditCount()).toBe(before);
	});

	it('marks the linked person, is audited, shows up for staff, and cannot be sent twice', async () => {
		const { user, person } = await userWithEverything();
		const now = new Date('2026-11-27T10:00:00Z');
		const result = await requestErasure(
			t.ctx({ principal: as(user), actor: { type: 'user', id: user.id } }),
			user.id,
			{ confirm: 'on' },
			now
		);
		expect(result.people).toBe(1);
		const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
		expect(row.erasureRequestedAt).toEqual(now);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'privacy.erasure_requested'));
		expect(audit).toMatchObject({ recordType: 'user', recordId: user.id, actorId: user.id });

		const open = await listErasureRequests(t.ctx({ principal: staff }));
		expect(open.find((r) => r.id === person.id)).toMatchObject({
			givenName: 'Greet',
			userActive: true,
			memberships: 1
		});
		expect((await rejection(listErasureRequests(t.ctx({ principal: as(user) })))).code).toBe(
			'forbidden'
		);

		const twice = await rejection(
			requestErasure(t.ctx({ principal: as(user) }), user.id, { confirm: 'on' })
		);
		expect(twice.code).toBe('conflict');
		expect(twice.message).toBe('U hebt al gevraagd om uw gegevens te laten verwijderen.');
	});
});

describe('anonymisation', () => {
	it('scrubs the person and keeps memberships, counts and the audit history', async () => {
		const body = await buildBody(t.db);
		const { person, membership } = await buildMembership(t.db, {
			bodyId: body.id,
			givenName: 'Anna',
			familyName: 'Anoniem',
			publicName: true,
			publicNameConsentAt: new Date()
		});
		await buildMembership(t.db, { bodyId: body.id, personId: person.id, role: 'observer' });
		await t.db
			.update(people)
			.set({ email: 'anna@voorbeeld.test', phone: '+32 470 00 00 00' })
			.where(eq(people.id, person.id));
		await t.db.insert(auditEvents).values([
			{
				actorType: 'cli',
				action: 'person.create',
				recordType: 'person',
				recordId: person.id,
				changes: {
					givenName: { after: 'Anna' },
					familyName: { after: 'Anoniem' },
					email: { after: 'anna@voorbeeld.test' }
				}
			},
			{
				actorType: 'cli',
				action: 'membership.create',
				recordType: 'membership',
				recordId: membership.id,
				changes: { role: { after: 'member' }, personId: { after: person.id } }
			}
		]);
		expect((await getBodyPage(t.db, body.slug)).members.map((m) => m.familyName)).toEqual([
			'Anoniem'
		]);
		const [mBefore] = await t.db
			.select({ n: count() })
			.from(memberships)
			.where(eq(memberships.personId, person.id));
		const auditBefore = await auditCount();

		await anonymisePerson(t.ctx({ principal: staff }), { personId: person.id, confirm: 'on' });

		const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
		expect(row).toMatchObject({
			givenName: 'Geanonimiseerde',
			familyName: 'persoon',
			email: null,
			phone: null,
			userId: null
		});
		expect(row.anonymisedAt).toBeInstanceOf(Date);
		const [mAfter] = await t.db
			.select({ n: count() })
			.from(memberships)
			.where(eq(memberships.personId, person.id));
		expect(mAfter.n).toBe(mBefore.n);
		expect(mAfter.n).toBe(2);
		// One audit row more, none fewer; the old rows keep their action, but not the values.
		expect(await auditCount()).toBe(auditBefore + 1);
		const trail = await t.db
			.select()
			.from(auditEvents)
			.where(inArray(auditEvents.recordId, [person.id, membership.id]));
		expect(trail.map((e) => e.action).sort()).toEqual([
			'membership.create',
			'person.anonymise',
			'person.create'
		]);
		const text = JSON.stringify(trail);
		expect(text).not.toContain('Anna');
		expect(text).not.toContain('Anoniem');
		expect(text).not.toContain('anna@voorbeeld.test');
		expect(trail.find((e) => e.action === 'person.create')?.changes).toEqual({
			givenName: { after: '[geanonimiseerd]' },
			familyName: { after: '[geanonimiseerd]' },
			email: { after: '[geanonimiseerd]' }
		});
		expect(trail.find((e) => e.action === 'membership.create')?.changes).toEqual({
			role: { after: 'member' },
			personId: { after: person.id }
		});
		// The public page no longer lists a name that is gone.
		expect((await getBodyPage(t.db, body.slug)).members).toEqual([]);
	});

	it('refuses bad input, unknown and anonymised people, active accounts and non-staff — nothing changes', async () => {
		const body = await buildBody(t.db);
		const { person } = await buildMembership(t.db, { bodyId: body.id, familyName: 'Actief' });
		const user = await buildUser();
		await t.db.update(people).set({ userId: user.id }).where(eq(people.id, person.id));
		const done = await buildMembership(t.db, { bodyId: body.id });
		await anonymisePerson(t.ctx({ principal: staff }), { personId: done.person.id, confirm: true });
		const before = await auditCount();
		const ctx = t.ctx({ principal: staff });

		const badId = await rejection(anonymisePerson(ctx, { personId: 'abc', confirm: 'on' }));
		expect(badId.code).toBe('invalid_input');
		expect(badId.message).toBe('De persoon is niet geanonimiseerd.');
		expect(badId.fields?.personId).toEqual(['Kies een geldige persoon.']);

		const noConfirm = await rejection(anonymisePerson(ctx, { personId: person.id }));
		expect(noConfirm.fields?.confirm).toEqual([
			'Vink aan dat u deze persoon wilt anonimiseren; dit kan niet ongedaan.'
		]);

		const unknown = await rejection(
			anonymisePerson(ctx, { personId: '00000000-0000-4000-8000-000000000000', confirm: 'on' })
		);
		expect(unknown.code).toBe('not_found');
		expect(unknown.message).toBe('Persoon niet gevonden.');

		const again = await rejection(
			anonymisePerson(ctx, { personId: done.person.id, confirm: 'on' })
		);
		expect(again.code).toBe('conflict');
		expect(again.message).toBe('Deze persoon is al geanonimiseerd.');

		const active = await rejection(anonymisePerson(ctx, { personId: person.id, confirm: 'on' }));
		expect(active.code).toBe('conflict');
		expect(active.message).toMatch(/^Deze persoon heeft nog een actieve gebruikersaccount/);

		const notStaff = await rejection(
			anonymisePerson(t.ctx({ principal: as(user) }), { personId: person.id, confirm: 'on' })
		);
		expect(notStaff.code).toBe('forbidden');

		const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
		expect(row.familyName).toBe('Actief');
		expect(row.anonymisedAt).toBeNull();
		expect(await auditCount()).toBe(before);
	});
});

describe('retention', () => {
	it('computes the cut-off date in Brussels time', () => {
		expect(retentionCutoff(new Date('2031-06-01T10:00:00Z'), 5)).toBe('2026-06-01');
		// 23:30 UTC on 31 May is already 1 June in Brussels.
		expect(retentionCutoff(new Date('2031-05-31T23:30:00Z'), 5)).toBe('2026-06-01');
		expect(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 1)).toBe('2027-03-01');
	});

	it('anonymises exactly the people whose every membership ended long ago and who have no active account', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const now = new Date('2031-06-01T10:00:00Z'); // cut-off 2026-06-01 with 5 years
		const seat = (endOn: string | null, extra: { personId?: string; bodyId?: string } = {}) =>
			buildMembership(t.db, { bodyId: body.id, startOn: '2019-01-01', endOn, ...extra });

		const endedLongAgo = await seat('2026-05-31');
		const endedOnCutoff = await seat('2026-06-01');
		const stillRunning = await seat(null);
		const oneOfTwoEnded = await seat('2020-12-31');
		await seat(null, { personId: oneOfTwoEnded.person.id, bodyId: other.id });
		const endsLater = await seat('2030-12-31');
		const activeUser = await seat('2020-12-31');
		await t.db
			.update(people)
			.set({ userId: (await buildUser()).id })
			.where(eq(people.id, activeUser.person.id));
		const disabledUser = await seat('2020-12-31');
		await t.db
			.update(people)
			.set({ userId: (await buildUser({ disabledAt: new Date('2021-01-01') })).id })
			.where(eq(people.id, disabledUser.person.id));
		const alreadyDone = await seat('2020-12-31');
		await anonymisePerson(t.ctx({ principal: staff }), {
			personId: alreadyDone.person.id,
			confirm: 'on'
		});
		const [oldNoSeat] = await t.db
			.insert(people)
			.values({ givenName: 'Oud', familyName: 'Contact', updatedAt: new Date('2025-01-01') })
			.returning();
		const [newNoSeat] = await t.db
			.insert(people)
			.values({ givenName: 'Nieuw', familyName: 'Contact', updatedAt: new Date('2030-01-01') })
			.returning();

		const expected = [endedLongAgo.person.id, disabledUser.person.id, oldNoSeat.id].sort();
		const ours = new Set([
			...expected,
			endedOnCutoff.person.id,
			stillRunning.person.id,
			oneOfTwoEnded.person.id,
			endsLater.person.id,
			activeUser.person.id,
			alreadyDone.person.id,
			newNoSeat.id
		]);
		const candidates = await retentionCandidates(t.db, now, 5);
		expect(candidates.filter((id) => ours.has(id)).sort()).toEqual(expected);

		const [seatsBefore] = await t.db.select({ n: count() }).from(memberships);
		const auditBefore = await auditCount();
		const done = await applyRetention(t.ctx(), now, 5);
		expect(done.filter((id) => ours.has(id)).sort()).toEqual(expected);

		const rows = await t.db
			.select()
			.from(people)
			.where(inArray(people.id, [...ours]));
		for (const row of rows) {
			const shouldBe = expected.includes(row.id) || row.id === alreadyDone.person.id;
			expect(row.anonymisedAt !== null, row.id).toBe(shouldBe);
			if (expected.includes(row.id)) {
				expect(row.givenName).toBe('Geanonimiseerde');
				expect(row.anonymisedAt).toEqual(now);
			}
		}
		const [seatsAfter] = await t.db.select({ n: count() }).from(memberships);
		expect(seatsAfter.n).toBe(seatsBefore.n);
		expect(await auditCount()).toBe(auditBefore + done.length);
		const events = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'person.anonymise_retention'));
		expect(
			events
				.map((e) => e.recordId)
				.filter((id) => ours.has(id!))
				.sort()
		).toEqual(expected);

		// A second run finds nobody new.
		expect((await applyRetention(t.ctx(), now, 5)).filter((id) => ours.has(id))).toEqual([]);
	});

	it('runs as a daily scheduled job', () => {
		const job = jobs.find((j) => j.name === 'privacy.retention');
		expect(job?.schedule).toEqual({ daily: { atHour: 4 } });
	});
});
