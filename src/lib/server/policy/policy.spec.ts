import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership } from '../../../../tests/helpers/factories';
import { principalFor } from '../accounts/accounts.service';
import {
	authenticateToken,
	createApiToken,
	listApiTokens,
	revokeApiToken
} from '../accounts/api-tokens.service';
import { getBodyWorkspace } from '../bodies/workspace.service';
import { apiTokens, people, users } from '../db/schema';
import { bodyId, organisationId } from '../seed/seed.service';
import { anonymous, can, hasScope, system, type Principal } from './index';

const t = useTestDatabase();

async function userWithRole(email: string, body: string, role: 'secretary' | 'member') {
	const [user] = await t.db.insert(users).values({ email, name: email }).returning();
	const { person } = await buildMembership(t.db, {
		bodyId: bodyId(body),
		role,
		givenName: 'Test',
		familyName: email
	});
	await t.db.update(people).set({ userId: user.id }).where(eq(people.id, person.id));
	return principalFor(t.db, user);
}

describe('body roles', () => {
	it('a secretary of X can run X; a member of Y cannot read X’s closed data', async () => {
		const secretary = await userWithRole(
			'sec@voorbeeld.test',
			'taskforce-spitsregio-leuven',
			'secretary'
		);
		const other = await userWithRole('ander@voorbeeld.test', 'themawerkgroep-wonen', 'member');
		const taskforce = { bodyId: bodyId('taskforce-spitsregio-leuven') };
		expect(can(secretary, 'body:manage', taskforce)).toBe(true);
		expect(can(secretary, 'body:manage', { bodyId: bodyId('themawerkgroep-wonen') })).toBe(false);
		expect(can(other, 'body:read_closed', taskforce)).toBe(false);
		expect(can(other, 'body:read_closed', { bodyId: bodyId('themawerkgroep-wonen') })).toBe(true);
		expect(can(other, 'body:manage', { bodyId: bodyId('themawerkgroep-wonen') })).toBe(false);

		const view = await getBodyWorkspace(
			t.ctx({ principal: secretary }),
			'taskforce-spitsregio-leuven'
		);
		expect(view.members.map((m) => m.familyName)).toContain('sec@voorbeeld.test');
		await expect(
			getBodyWorkspace(t.ctx({ principal: other }), 'taskforce-spitsregio-leuven')
		).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(
			getBodyWorkspace(t.ctx({ principal: anonymous }), 'taskforce-spitsregio-leuven')
		).rejects.toMatchObject({
			code: 'unauthenticated'
		});
	});

	it('an ended membership grants nothing', async () => {
		const [user] = await t.db
			.insert(users)
			.values({ email: 'oud@voorbeeld.test', name: 'Oud' })
			.returning();
		const { person } = await buildMembership(t.db, {
			bodyId: bodyId('stuurgroep-toekomstforum'),
			role: 'chair',
			startOn: '2019-01-01',
			endOn: '2024-12-31'
		});
		await t.db.update(people).set({ userId: user.id }).where(eq(people.id, person.id));
		const p = await principalFor(t.db, user, '2026-11-27');
		expect(can(p, 'body:read_closed', { bodyId: bodyId('stuurgroep-toekomstforum') })).toBe(false);
		expect(
			can(await principalFor(t.db, user, '2020-06-01'), 'body:manage', {
				bodyId: bodyId('stuurgroep-toekomstforum')
			})
		).toBe(true);
	});

	it('platform roles: staff may enter any body, users only theirs; tokens never use the workspace', () => {
		const staff: Principal = {
			kind: 'user',
			userId: 'x',
			name: 's',
			email: 's@x',
			role: 'staff',
			bodyRoles: {}
		};
		const user: Principal = { ...staff, role: 'user' };
		expect(can(staff, 'body:read_closed', { bodyId: 'any' })).toBe(true);
		expect(can(staff, 'settings:manage')).toBe(false);
		expect(can(staff, 'monitor:manage')).toBe(true);
		expect(can({ ...staff, role: 'admin' }, 'monitor:manage')).toBe(true);
		expect(can(user, 'monitor:manage')).toBe(false);
		expect(can(staff, 'plans:manage')).toBe(true);
		expect(can(user, 'plans:manage')).toBe(false);
		expect(can(user, 'workspace:enter')).toBe(true);
		expect(can(user, 'users:read')).toBe(false);
		expect(
			can(
				{ kind: 'token', tokenId: 't', organisationId: 'o', scopes: ['observations:write'] },
				'workspace:enter'
			)
		).toBe(false);
	});
});

describe('API tokens', () => {
	it('are shown once, stored hashed, scoped, revocable, with last-used time', async () => {
		const { token, id } = await createApiToken(t.ctx({ principal: system }), {
			organisationId: organisationId('provincie-vlaams-brabant'),
			name: 'Import Provincies in Cijfers',
			scopes: ['observations:write']
		});
		expect(token).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);
		const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
		expect(row.tokenHash).not.toContain(token.slice(3));
		expect(JSON.stringify(await listApiTokens(t.ctx({ principal: system })))).not.toContain(
			token.slice(12)
		);

		const principal = await authenticateToken(t.db, token);
		expect(principal && hasScope(principal, 'observations:write')).toBe(true);
		expect(principal && hasScope(principal, 'meetings:read')).toBe(false);
		const [used] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
		expect(used.lastUsedAt).not.toBeNull();

		expect(
			await authenticateToken(t.db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))
		).toBeNull();
		await revokeApiToken(t.ctx({ principal: system }), id);
		expect(await authenticateToken(t.db, token)).toBeNull();
	});

	it('refuses bad input and unauthorised callers, writing nothing', async () => {
		const user: Principal = {
			kind: 'user',
			userId: 'x',
			name: 'u',
			email: 'u@x',
			role: 'user',
			bodyRoles: {}
		};
		const before = await t.db.select().from(apiTokens);
		await expect(
			createApiToken(t.ctx({ principal: user }), {
				organisationId: organisationId('acv'),
				name: 'x',
				scopes: ['structure:read']
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			createApiToken(t.ctx({ principal: system }), {
				organisationId: organisationId('acv'),
				name: '',
				scopes: ['alles']
			})
		).rejects.toMatchObject({
			code: 'invalid_input',
			fields: { name: ['Geef de sleutel een naam.'], 'scopes.0': ['Onbekende bevoegdheid.'] }
		});
		expect(await t.db.select().from(apiTokens)).toEqual(before);
	});
});
