import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMembership, buildOrganisation } from '../../../../tests/helpers/factories';
import { auditEvents, memberships, participants, people } from '../db/schema';
import { AppError } from '../errors';
import type { Principal } from '../policy';
import { bodyId } from '../seed/seed.service';
import {
	addMembership,
	addParticipant,
	checkMembership,
	endMembership,
	endParticipant,
	messages,
	removeParticipant,
	updateMembership
} from './memberships.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const wonen = bodyId('themawerkgroep-wonen');

const user = (
	role: 'user' | 'staff' | 'admin',
	bodyRoles: Record<string, ('secretary' | 'member' | 'chair')[]> = {}
): Principal => ({ kind: 'user', userId: 'u', name: 'u', email: 'u@x.test', role, bodyRoles });
const secretaryOfTaskforce = user('user', { [taskforce]: ['secretary'] });
const memberOfTaskforce = user('user', { [taskforce]: ['member'] });

async function counts() {
	const [m] = await t.db.select({ n: count() }).from(memberships);
	const [p] = await t.db.select({ n: count() }).from(participants);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { memberships: m.n, participants: p.n, audit: a.n };
}

async function person(givenName = 'Test') {
	const [row] = await t.db
		.insert(people)
		.values({ givenName, familyName: 'Persoon', isExample: true })
		.returning();
	return row;
}

describe('addMembership', () => {
	it('adds a membership with an audit row', async () => {
		const p = await person();
		const before = await counts();
		const m = await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'member',
			startOn: '2025-01-01'
		});
		expect(m).toMatchObject({ personId: p.id, role: 'member', publicName: false });
		expect(m.publicNameConsentAt).toBeNull();
		expect(await counts()).toEqual({
			...before,
			memberships: before.memberships + 1,
			audit: before.audit + 1
		});
	});

	it('records the consent date when the name is made public', async () => {
		const p = await person();
		const m = await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'member',
			publicName: 'on'
		});
		expect(m.publicName).toBe(true);
		expect(m.publicNameConsentAt).toBeInstanceOf(Date);
	});

	it.each([
		[
			'an end before the start',
			{ role: 'member', startOn: '2025-06-01', endOn: '2025-05-31' },
			'endOn',
			messages.endBeforeStart
		],
		['an unknown role', { role: 'koning' }, 'role', 'Kies een rol.'],
		[
			'a malformed date',
			{ role: 'member', startOn: '1/2/2025' },
			'startOn',
			'Geef een datum als JJJJ-MM-DD.'
		],
		['an unknown field', { role: 'member', isExample: true }, '_', '']
	])('refuses %s, with the Dutch message and no change', async (_l, input, field, message) => {
		const p = await person();
		const before = await counts();
		const error = await rejection(addMembership(t.ctx(), taskforce, { personId: p.id, ...input }));
		expect(error.code).toBe('invalid_input');
		expect(Object.keys(error.fields ?? {})).toContain(field);
		if (message) expect(error.fields?.[field]).toContain(message);
		expect(await counts()).toEqual(before);
	});

	it('refuses the same person in the same role with an overlapping term', async () => {
		const p = await person();
		await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'member',
			startOn: '2020-01-01',
			endOn: '2024-12-31'
		});
		const before = await counts();
		const error = await rejection(
			addMembership(t.ctx(), taskforce, { personId: p.id, role: 'member', startOn: '2024-06-01' })
		);
		expect(error.fields?.startOn).toEqual([messages.overlap]);
		expect(await counts()).toEqual(before);
		// A term that starts after the first one ended is fine; so is another role.
		await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'member',
			startOn: '2025-01-01'
		});
		await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'chair',
			startOn: '2024-06-01'
		});
	});

	it('lets exactly one of two simultaneous identical adds through', async () => {
		const p = await person();
		const before = await counts();
		const input = { personId: p.id, role: 'member', startOn: '2025-01-01' };
		const results = await Promise.allSettled([
			addMembership(t.ctx(), taskforce, input),
			addMembership(t.ctx(), taskforce, input)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((failed.reason as AppError).fields?.startOn).toEqual([messages.overlap]);
		expect(await counts()).toEqual({
			...before,
			memberships: before.memberships + 1,
			audit: before.audit + 1
		});
	});
});

describe('authorisation', () => {
	it('lets the secretary of a body manage its memberships, not those of another body', async () => {
		const p = await person();
		await addMembership(t.ctx({ principal: secretaryOfTaskforce }), taskforce, {
			personId: p.id,
			role: 'member'
		});
		const before = await counts();
		const error = await rejection(
			addMembership(t.ctx({ principal: secretaryOfTaskforce }), wonen, {
				personId: p.id,
				role: 'member'
			})
		);
		expect(error.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});

	it('refuses a plain member, and lets staff manage any body', async () => {
		const p = await person();
		const before = await counts();
		const error = await rejection(
			addMembership(t.ctx({ principal: memberOfTaskforce }), taskforce, {
				personId: p.id,
				role: 'member'
			})
		);
		expect(error.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
		await addMembership(t.ctx({ principal: user('staff') }), wonen, {
			personId: p.id,
			role: 'member'
		});
	});

	it('refuses a secretary editing or ending a membership of another body', async () => {
		const { membership } = await buildMembership(t.db, { bodyId: wonen });
		const before = await counts();
		const ctx = t.ctx({ principal: secretaryOfTaskforce });
		expect((await rejection(updateMembership(ctx, membership.id, { role: 'chair' }))).code).toBe(
			'forbidden'
		);
		expect((await rejection(endMembership(ctx, membership.id, { endOn: '2026-01-01' }))).code).toBe(
			'forbidden'
		);
		expect(await counts()).toEqual(before);
	});
});

describe('updateMembership and endMembership', () => {
	it('keeps the consent date when the flag is turned off, and sets a new one when turned on', async () => {
		const p = await person();
		const m = await addMembership(t.ctx(), taskforce, {
			personId: p.id,
			role: 'member',
			publicName: 'on'
		});
		const off = await updateMembership(t.ctx(), m.id, { publicName: false });
		expect(off.publicName).toBe(false);
		expect(off.publicNameConsentAt).toEqual(m.publicNameConsentAt);
		const on = await updateMembership(t.ctx(), m.id, { publicName: true });
		expect(on.publicNameConsentAt!.getTime()).toBeGreaterThanOrEqual(
			m.publicNameConsentAt!.getTime()
		);
	});

	it('refuses an end before the start, and changes nothing', async () => {
		const { membership } = await buildMembership(t.db, {
			bodyId: taskforce,
			startOn: '2025-03-01'
		});
		const before = await counts();
		const error = await rejection(endMembership(t.ctx(), membership.id, { endOn: '2025-02-28' }));
		expect(error.fields?.endOn).toEqual([messages.endBeforeStart]);
		expect(await counts()).toEqual(before);
		const [row] = await t.db.select().from(memberships).where(eq(memberships.id, membership.id));
		expect(row.endOn).toBeNull();
	});

	it('ends a membership and audits before and after', async () => {
		const { membership } = await buildMembership(t.db, {
			bodyId: taskforce,
			startOn: '2025-03-01'
		});
		const ended = await endMembership(t.ctx(), membership.id, { endOn: '2025-12-31' });
		expect(ended.endOn).toBe('2025-12-31');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.recordId, membership.id));
		expect(audit.changes).toEqual({ endOn: { before: null, after: '2025-12-31' } });
	});
});

describe('checkMembership', () => {
	it('reports overlaps with pending rows that are not written yet (imports)', async () => {
		const p = await person();
		const a = {
			bodyId: taskforce,
			personId: p.id,
			role: 'member' as const,
			startOn: '2025-01-01',
			endOn: null
		};
		const b = { ...a, startOn: '2026-01-01' };
		expect(await checkMembership(t.db, a, [a])).toEqual({});
		expect(await checkMembership(t.db, b, [a, b])).toEqual({ startOn: [messages.overlap] });
	});

	it('requires a consent date for a public name', async () => {
		const p = await person();
		expect(
			await checkMembership(t.db, {
				bodyId: taskforce,
				personId: p.id,
				role: 'member',
				startOn: null,
				endOn: null,
				publicName: true,
				publicNameConsentAt: null
			})
		).toEqual({ publicName: [messages.consent] });
	});
});

describe('participants', () => {
	it('adds, ends and removes a participant; a secretary only in their own body', async () => {
		const org = await buildOrganisation(t.db);
		const body = await buildBody(t.db);
		const ctx = t.ctx({ principal: secretaryOfTaskforce });
		const before = await counts();
		expect((await rejection(addParticipant(ctx, body.id, { organisationId: org.id }))).code).toBe(
			'forbidden'
		);
		expect(await counts()).toEqual(before);
		const p = await addParticipant(ctx, taskforce, {
			organisationId: org.id,
			seatType: 'observer',
			startOn: '2025-01-01'
		});
		const error = await rejection(endParticipant(ctx, p.id, { endOn: '2024-12-31' }));
		expect(error.fields?.endOn).toEqual([messages.endBeforeStart]);
		expect((await endParticipant(ctx, p.id, { endOn: '2025-12-31' })).endOn).toBe('2025-12-31');
		await removeParticipant(ctx, p.id);
		expect(await counts()).toEqual({ ...before, audit: before.audit + 3 });
	});
});
