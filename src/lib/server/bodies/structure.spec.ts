import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { auditEvents, bodies, bodyLinks, bodyPolicyDomains } from '../db/schema';
import type { Principal } from '../policy';
import { bodyId, policyDomainId, regionId } from '../seed/seed.service';
import {
	createBody,
	getBodyForEdit,
	listBodiesForWorkspace,
	setBodyArchived,
	structureMessages,
	updateBody
} from './structure.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();

async function counts() {
	const [b] = await t.db.select({ n: count() }).from(bodies);
	const [l] = await t.db.select({ n: count() }).from(bodyLinks);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { bodies: b.n, links: l.n, audit: a.n };
}

/** The edit form's full input for an existing body, with overrides. */
async function formOf(id: string, overrides: Record<string, unknown> = {}) {
	const { body, reportsTo, advises, policyDomainIds } = await getBodyForEdit(t.ctx(), id);
	return {
		slug: body.slug,
		kind: body.kind,
		name: body.name,
		regionId: body.regionId ?? undefined,
		partOfId: body.partOfId ?? undefined,
		reportsTo,
		advises,
		policyDomainIds,
		...overrides
	};
}

const forum = bodyId('toekomstforum-halle-vilvoorde');
const stuurgroep = bodyId('stuurgroep-toekomstforum');
const bov = bodyId('burgemeestersoverleg-halle-vilvoorde');

describe('createBody', () => {
	it('creates a body with links, domains, contact and quorum, audited', async () => {
		const body = await createBody(t.ctx(), {
			slug: 'werkgroep-test',
			kind: 'working_group',
			name: { nl: 'Werkgroep test' },
			regionId: regionId('halle-vilvoorde'),
			partOfId: forum,
			advises: [stuurgroep],
			policyDomainIds: [policyDomainId('wonen')],
			contact: { email: 'wg@voorbeeld.test', phone: '' },
			quorum: '3'
		});
		expect(body).toMatchObject({
			quorum: 3,
			partOfId: forum,
			contact: { email: 'wg@voorbeeld.test' }
		});
		const edit = await getBodyForEdit(t.ctx(), body.id);
		expect(edit.advises).toEqual([stuurgroep]);
		expect(edit.policyDomainIds).toEqual([policyDomainId('wonen')]);
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.recordId, body.id));
		expect(audit.action).toBe('body.create');
		expect(audit.changes?.advises).toEqual({ after: [stuurgroep] });
	});

	it.each([
		['a taken slug', { slug: 'stuurgroep-toekomstforum' }, 'slug', structureMessages.slugTaken],
		[
			'an unknown parent',
			{ partOfId: '00000000-0000-4000-8000-000000000000' },
			'partOfId',
			structureMessages.unknownBody
		],
		['a quorum of 0', { quorum: '0' }, 'quorum', 'Het quorum is minstens 1.'],
		['an unknown kind', { kind: 'club' }, 'kind', 'Kies een soort orgaan.']
	])('refuses %s and writes nothing', async (_l, overrides, field, message) => {
		const before = await counts();
		const error = await rejection(
			createBody(t.ctx(), {
				slug: 'nieuw-orgaan',
				kind: 'other',
				name: { nl: 'Nieuw' },
				...overrides
			})
		);
		expect(error.fields?.[field]).toContain(message);
		expect(await counts()).toEqual(before);
	});

	it('is for staff only', async () => {
		const secretary: Principal = {
			kind: 'user',
			userId: 'u',
			name: 'u',
			email: 'u@x.test',
			role: 'user',
			bodyRoles: { [forum]: ['secretary'] }
		};
		const error = await rejection(
			createBody(t.ctx({ principal: secretary }), { slug: 'x-y', kind: 'other', name: { nl: 'X' } })
		);
		expect(error.code).toBe('forbidden');
	});
});

describe('cycles', () => {
	it('refuses a body that would become part of itself, directly or through its parts', async () => {
		const before = await counts();
		const direct = await rejection(
			updateBody(t.ctx(), forum, await formOf(forum, { partOfId: forum }))
		);
		expect(direct.fields?.partOfId).toEqual([structureMessages.partOfCycle]);
		// The forum's part (the steering group) cannot become its parent.
		const indirect = await rejection(
			updateBody(t.ctx(), forum, await formOf(forum, { partOfId: stuurgroep }))
		);
		expect(indirect.fields?.partOfId).toEqual([structureMessages.partOfCycle]);
		// Nor a part of a part.
		const child = await createBody(t.ctx(), {
			slug: 'subwerkgroep',
			kind: 'working_group',
			name: { nl: 'Subwerkgroep' },
			partOfId: stuurgroep
		});
		const deep = await rejection(
			updateBody(t.ctx(), forum, await formOf(forum, { partOfId: child.id }))
		);
		expect(deep.fields?.partOfId).toEqual([structureMessages.partOfCycle]);
		expect(await counts()).toEqual({
			...before,
			bodies: before.bodies + 1,
			audit: before.audit + 1
		});
	});

	it('refuses a reporting loop, and a body advising itself; mutual advice is allowed', async () => {
		const before = await counts();
		// The steering group reports to the mayors: the mayors cannot report to the steering group.
		const loop = await rejection(
			updateBody(t.ctx(), bov, await formOf(bov, { reportsTo: [stuurgroep] }))
		);
		expect(loop.fields?.reportsTo).toEqual([structureMessages.reportsCycle]);
		const self = await rejection(updateBody(t.ctx(), bov, await formOf(bov, { advises: [bov] })));
		expect(self.fields?.advises).toEqual([structureMessages.selfAdvice]);
		expect(await counts()).toEqual(before);
		await updateBody(
			t.ctx(),
			stuurgroep,
			await formOf(stuurgroep, { advises: [bodyId('themawerkgroep-wonen')] })
		);
	});
});

describe('updateBody and archive', () => {
	it('records links and fields before and after', async () => {
		const id = bodyId('themawerkgroep-mobiliteit');
		await updateBody(
			t.ctx(),
			id,
			await formOf(id, { quorum: 4, policyDomainIds: [policyDomainId('mobiliteit')] })
		);
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
		expect(audit.changes?.quorum).toEqual({ before: null, after: 4 });
		const domains = await t.db
			.select()
			.from(bodyPolicyDomains)
			.where(eq(bodyPolicyDomains.bodyId, id));
		expect(domains.map((d) => d.policyDomainId)).toEqual([policyDomainId('mobiliteit')]);
	});

	it('archives and brings back a body; the list hides it unless asked', async () => {
		const id = bodyId('themawerkgroep-veiligheid');
		await setBodyArchived(t.ctx(), id, true);
		expect((await listBodiesForWorkspace(t.ctx(), {})).map((b) => b.id)).not.toContain(id);
		expect((await listBodiesForWorkspace(t.ctx(), { archived: true })).map((b) => b.id)).toContain(
			id
		);
		await setBodyArchived(t.ctx(), id, false);
		expect((await listBodiesForWorkspace(t.ctx(), { q: 'veiligheid' })).map((b) => b.id)).toContain(
			id
		);
	});
});
