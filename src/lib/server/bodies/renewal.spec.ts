import { and, count, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership } from '../../../../tests/helpers/factories';
import { auditEvents, memberships, people } from '../db/schema';
import type { Principal } from '../policy';
import { bodyId, organisationId, regionId } from '../seed/seed.service';
import { messages } from './memberships.service';
import {
	applyRenewal,
	previewRenewal,
	renewalCandidates,
	renewalMessages
} from './renewal.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const wonen = bodyId('themawerkgroep-wonen');

async function counts() {
	const [m] = await t.db.select({ n: count() }).from(memberships);
	const [p] = await t.db.select({ n: count() }).from(people);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { memberships: m.n, people: p.n, audit: a.n };
}

describe('renewal of one body', () => {
	it('previews exactly what applying writes', async () => {
		const stays = await buildMembership(t.db, {
			bodyId: taskforce,
			role: 'chair',
			organisationId: organisationId('voka'),
			startOn: '2019-01-01',
			publicName: true,
			publicNameConsentAt: new Date('2019-01-02T10:00:00Z')
		});
		const leaves = await buildMembership(t.db, { bodyId: taskforce, startOn: '2019-01-01' });
		// Already ended, and starting later: not part of the term being closed.
		await buildMembership(t.db, { bodyId: taskforce, startOn: '2019-01-01', endOn: '2020-01-01' });
		await buildMembership(t.db, { bodyId: taskforce, startOn: '2025-02-01' });
		const input = {
			bodyId: taskforce,
			endOn: '2024-12-31',
			continuing: [stays.membership.id],
			newcomers: [
				{
					givenName: 'Nieuw',
					familyName: 'Publiek',
					role: 'member',
					publicName: 'on',
					organisationId: organisationId('acv')
				},
				{ givenName: 'Nieuw', familyName: 'Verborgen', role: 'member' },
				{ personId: leaves.person.id, role: 'observer' }
			]
		};
		const before = await counts();
		const preview = await previewRenewal(t.ctx(), input);
		expect(await counts()).toEqual(before);
		expect(preview.ends.map((e) => e.membershipId).sort()).toEqual(
			[stays.membership.id, leaves.membership.id].sort()
		);
		expect(preview.carryOvers).toHaveLength(1);
		expect(preview.carryOvers[0]).toMatchObject({
			personId: stays.person.id,
			role: 'chair',
			publicName: true
		});
		expect(preview.newPeople.map((p) => p.familyName)).toEqual(['Publiek', 'Verborgen']);
		expect(preview.newMemberships).toHaveLength(3);
		expect(preview.newMemberships[0]).toMatchObject({ organisationName: 'ACV', publicName: true });

		const applied = await applyRenewal(t.ctx(), input);
		expect(applied).toEqual(preview);
		expect(await counts()).toEqual({
			memberships: before.memberships + 4,
			people: before.people + 2,
			audit: before.audit + 1
		});
		// The database shows exactly those changes.
		const [oldStays] = await t.db
			.select()
			.from(memberships)
			.where(eq(memberships.id, stays.membership.id));
		expect(oldStays.endOn).toBe('2024-12-31');
		const [newStays] = await t.db
			.select()
			.from(memberships)
			.where(and(eq(memberships.personId, stays.person.id), eq(memberships.startOn, '2025-01-01')));
		expect(newStays).toMatchObject({
			role: 'chair',
			organisationId: organisationId('voka'),
			publicName: true,
			publicNameConsentAt: new Date('2019-01-02T10:00:00Z'),
			endOn: null
		});
		const [published] = await t.db
			.select({ m: memberships })
			.from(memberships)
			.innerJoin(people, eq(people.id, memberships.personId))
			.where(eq(people.familyName, 'Publiek'));
		expect(published.m.publicName).toBe(true);
		expect(published.m.publicNameConsentAt).toBeInstanceOf(Date);
		const [hidden] = await t.db
			.select({ m: memberships })
			.from(memberships)
			.innerJoin(people, eq(people.id, memberships.personId))
			.where(eq(people.familyName, 'Verborgen'));
		expect(hidden.m).toMatchObject({
			publicName: false,
			publicNameConsentAt: null,
			startOn: '2025-01-01'
		});
		// Running the same renewal again changes nothing that ran on the date: only newcomers clash.
		const again = await rejection(applyRenewal(t.ctx(), { ...input, continuing: [] }));
		expect(again.fields?.['newcomers.2.startOn']?.[0]).toContain(messages.overlap);
	});

	it('refuses a bad renewal with every reason, and writes nothing', async () => {
		const ended = await buildMembership(t.db, {
			bodyId: taskforce,
			startOn: '2010-01-01',
			endOn: '2011-01-01'
		});
		const before = await counts();
		const error = await rejection(
			previewRenewal(t.ctx(), {
				bodyId: taskforce,
				endOn: '2030-12-31',
				continuing: [ended.membership.id],
				newcomers: [
					{ givenName: 'A', familyName: 'B', role: 'member', bodyId: wonen },
					{ givenName: 'Zonder', role: 'member' }
				]
			})
		);
		expect(error.code).toBe('invalid_input');
		expect(error.fields?.['newcomers.1.familyName']).toEqual([
			'Kies een bestaande persoon of vul voornaam en familienaam in.'
		]);
		const withoutSchemaErrors = await rejection(
			applyRenewal(t.ctx(), {
				bodyId: taskforce,
				endOn: '2030-12-31',
				continuing: [ended.membership.id],
				newcomers: [{ givenName: 'A', familyName: 'B', role: 'member', bodyId: wonen }]
			})
		);
		expect(withoutSchemaErrors.fields).toEqual({
			continuing: [renewalMessages.notCurrent],
			'newcomers.0.bodyId': [renewalMessages.bodyOutOfScope]
		});
		expect(await counts()).toEqual(before);
	});

	it('is for the body’s managers: the secretary of another body and a member are refused', async () => {
		const principal = (roles: Record<string, ('secretary' | 'member')[]>): Principal => ({
			kind: 'user',
			userId: 'u',
			name: 'u',
			email: 'u@x.test',
			role: 'user',
			bodyRoles: roles
		});
		const input = { bodyId: taskforce, endOn: '2031-12-31' };
		for (const p of [
			principal({ [wonen]: ['secretary'] }),
			principal({ [taskforce]: ['member'] })
		]) {
			expect((await rejection(previewRenewal(t.ctx({ principal: p }), input))).code).toBe(
				'forbidden'
			);
			expect((await rejection(applyRenewal(t.ctx({ principal: p }), input))).code).toBe(
				'forbidden'
			);
		}
		const secretary = t.ctx({ principal: principal({ [taskforce]: ['secretary'] }) });
		await expect(previewRenewal(secretary, input)).resolves.toBeDefined();
		// A region-wide renewal is for staff.
		expect(
			(
				await rejection(
					previewRenewal(secretary, { regionId: regionId('leuven'), endOn: '2031-12-31' })
				)
			).code
		).toBe('forbidden');
	});
});

describe('renewal of a region', () => {
	it('ends the terms of every body of the region and places newcomers in a chosen body', async () => {
		const a = await buildMembership(t.db, { bodyId: wonen, startOn: '2020-01-01' });
		const b = await buildMembership(t.db, {
			bodyId: bodyId('stuurgroep-toekomstforum'),
			startOn: '2020-01-01'
		});
		const input = {
			regionId: regionId('halle-vilvoorde'),
			endOn: '2032-12-31',
			continuing: [b.membership.id],
			newcomers: [{ givenName: 'Regio', familyName: 'Nieuw', role: 'member', bodyId: wonen }]
		};
		const { regionId: _id, ...bySlug } = input;
		const viaSlug = await previewRenewal(t.ctx(), { ...bySlug, regionSlug: 'halle-vilvoorde' });
		const candidates = await renewalCandidates(t.ctx(), { regionId: input.regionId }, input.endOn);
		expect(candidates.map((c) => c.id)).toEqual(
			expect.arrayContaining([a.membership.id, b.membership.id])
		);
		const preview = await previewRenewal(t.ctx(), input);
		expect(viaSlug).toEqual(preview);
		expect(await applyRenewal(t.ctx(), input)).toEqual(preview);
		const open = await t.db
			.select()
			.from(memberships)
			.where(and(eq(memberships.bodyId, wonen), isNull(memberships.endOn)));
		expect(open.map((m) => m.startOn)).toEqual(['2033-01-01']);
	});
});
