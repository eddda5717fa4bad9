import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership, buildParticipant } from '../../../../tests/helpers/factories';
import { auditEvents, organisations } from '../db/schema';
import type { Principal } from '../policy';
import { bodyId, organisationId } from '../seed/seed.service';
import { organisationFromForm } from './organisations.schema';
import {
	createOrganisation,
	getOrganisationHistory,
	listOrganisationsForWorkspace,
	organisationOptions,
	setOrganisationArchived
} from './organisations.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();

async function counts() {
	const [o] = await t.db.select({ n: count() }).from(organisations);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { organisations: o.n, audit: a.n };
}

describe('organisations in the workspace', () => {
	it('searches by name and filters by kind', async () => {
		const unions = await listOrganisationsForWorkspace(t.ctx(), { kind: 'union' });
		expect(unions.items.map((o) => o.slug).sort()).toEqual(['abvv', 'aclvb', 'acv']);
		const found = await listOrganisationsForWorkspace(t.ctx(), { q: 'leuven' });
		expect(found.items.some((o) => o.slug === 'gemeente-leuven')).toBe(true);
		expect((await rejection(listOrganisationsForWorkspace(t.ctx(), { kind: 'club' }))).code).toBe(
			'invalid_input'
		);
	});

	it('archives: hidden from lists and options, history kept; and brings back', async () => {
		const id = organisationId('boerenbond');
		await buildParticipant(t.db, { bodyId: bodyId('themawerkgroep-wonen'), organisationId: id });
		const before = await counts();
		await setOrganisationArchived(t.ctx(), id, true);
		expect((await listOrganisationsForWorkspace(t.ctx(), {})).items.map((o) => o.id)).not.toContain(
			id
		);
		expect((await organisationOptions(t.db)).map((o) => o.id)).not.toContain(id);
		expect(
			(await listOrganisationsForWorkspace(t.ctx(), { archived: '1' })).items.map((o) => o.id)
		).toContain(id);
		const history = await getOrganisationHistory(t.ctx(), id);
		expect(history.organisation.archivedAt).toBeInstanceOf(Date);
		expect(history.participations.length).toBeGreaterThan(0);
		await setOrganisationArchived(t.ctx(), id, false);
		expect(await counts()).toEqual({ ...before, audit: before.audit + 2 });
	});

	it('lists who represented the organisation, ended terms included', async () => {
		const { person } = await buildMembership(t.db, {
			bodyId: bodyId('taskforce-spitsregio-leuven'),
			organisationId: organisationId('unizo'),
			startOn: '2016-01-01',
			endOn: '2019-12-31'
		});
		const history = await getOrganisationHistory(t.ctx(), organisationId('unizo'));
		expect(history.representatives.map((r) => r.person.id)).toContain(person.id);
	});

	it('is for staff: a body secretary cannot create or archive organisations', async () => {
		const secretary: Principal = {
			kind: 'user',
			userId: 'u',
			name: 'u',
			email: 'u@x.test',
			role: 'user',
			bodyRoles: { [bodyId('taskforce-spitsregio-leuven')]: ['secretary'] }
		};
		const before = await counts();
		const ctx = t.ctx({ principal: secretary });
		expect(
			(
				await rejection(
					createOrganisation(
						ctx,
						organisationFromForm({ slug: 'x-y', kind: 'other', nameNl: 'X', website: '' })
					)
				)
			).code
		).toBe('forbidden');
		expect((await rejection(setOrganisationArchived(ctx, organisationId('acv'), true))).code).toBe(
			'forbidden'
		);
		expect(await counts()).toEqual(before);
	});
});
