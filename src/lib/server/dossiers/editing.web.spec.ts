/**
 * The workspace dossier routes through their +page.server.ts: who gets 403 or 404 before a form
 * is read, a new dossier from a decision, the register's filters, and the guards of the web layer
 * — a stale edit comes back with the stored version, a bare post unlinks no plan items, reopens
 * nothing and deletes nothing, and an addressee of another dossier is not found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildHeldDecision } from '../../../../tests/helpers/dossiers';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import type { Principal } from '../policy';
import { bodyId, organisationId } from '../seed/seed.service';
import { dossierPage } from './dossiers.queries';
import * as service from './dossiers.service';
import {
	actions,
	load as dossierLoad
} from '../../../routes/beheer/(app)/dossiers/[slug]/+page.server';
import {
	actions as newActions,
	load as newLoad
} from '../../../routes/beheer/(app)/dossiers/nieuw/+page.server';
import { load as registerLoad } from '../../../routes/beheer/(app)/dossiers/+page.server';

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const mayors = bodyId('burgemeestersoverleg-halle-vilvoorde');

let secretary: Principal;
let member: Principal;
let stranger: Principal;

beforeAll(async () => {
	secretary = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'secretary' })).principal;
	member = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'member' })).principal;
	stranger = (await buildMemberUser(t.db, { bodyId: mayors, role: 'member' })).principal;
});

/** A request event as SvelteKit hands it to a load or an action. */
function event(
	principal: Principal,
	url: string,
	params: Record<string, string> = {},
	form?: Record<string, string | string[]>
) {
	let request = new Request(`http://localhost${url}`);
	if (form) {
		const body = new FormData();
		for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
		request = new Request(`http://localhost${url}`, { method: 'POST', body });
	}
	return {
		locals: { db: t.db, requestId: 'test', locale: 'nl', principal },
		params,
		url: new URL(`http://localhost${url}`),
		request
	} as never;
}

/** What a call ended with: its value, or the status of the error, redirect or failure. */
async function outcome(call: () => unknown) {
	try {
		const value = (await call()) as { status?: number; data?: Record<string, unknown> } | undefined;
		return { status: value?.status ?? 200, value };
	} catch (e) {
		const x = e as { status?: number; location?: string };
		if (typeof x.status !== 'number') throw e;
		return { status: x.status, location: x.location };
	}
}

const newDossier = (extra: Record<string, unknown> = {}) =>
	service.createDossier(t.ctx({ principal: secretary }), {
		bodyId: taskforce,
		title: `Standpunt ${crypto.randomUUID().slice(0, 8)}`,
		position: 'Wij vragen …',
		...extra
	});

const post = (who: Principal, slug: string, action: keyof typeof actions, form = {}) =>
	outcome(() => actions[action](event(who, `/beheer/dossiers/${slug}?/${action}`, { slug }, form)));

describe('a new dossier', () => {
	it('starts from a decision and goes to its page', async () => {
		const decision = await buildHeldDecision(t.db, taskforce);
		const page = (await newLoad(
			event(secretary, `/beheer/dossiers/nieuw?besluit=${decision.id}`)
		)) as { values: Record<string, unknown>; from: { id: string } };
		expect(page.from.id).toBe(decision.id);
		expect(page.values).toMatchObject({
			bodyId: taskforce,
			title: decision.title,
			position: decision.text,
			decisionId: decision.id
		});
		const made = await outcome(() =>
			newActions.create(
				event(
					secretary,
					`/beheer/dossiers/nieuw?besluit=${decision.id}&/create`,
					{},
					{
						bodyId: taskforce,
						title: 'Vanuit een besluit',
						position: decision.text,
						answerDays: '60',
						isPublic: 'on',
						decisionId: decision.id
					}
				)
			)
		);
		expect(made).toMatchObject({
			status: 303,
			location: '/beheer/dossiers/vanuit-een-besluit?aangemaakt'
		});
		const stored = await dossierPage(t.db, 'vanuit-een-besluit', 'workspace', {
			principal: secretary
		});
		expect(stored?.status.stage).toBe('adopted');
		expect(stored?.dossier.isPublic).toBe(true);
	});

	it('is refused (403) to who runs no body, before the form is read', async () => {
		expect((await outcome(() => newLoad(event(member, '/beheer/dossiers/nieuw')))).status).toBe(
			403
		);
		const posted = await outcome(() =>
			newActions.create(event(member, '/beheer/dossiers/nieuw?/create', {}, {}))
		);
		expect(posted.status).toBe(403);
		// Somebody else's decision: 403 for a secretary who does not run its body.
		const theirs = await buildHeldDecision(t.db, mayors);
		const other = await outcome(() =>
			newLoad(event(secretary, `/beheer/dossiers/nieuw?besluit=${theirs.id}`))
		);
		expect(other.status).toBe(403);
	});
});

describe('a dossier page', () => {
	it('is read by members, kept by its body, and a stranger sees no closed one', async () => {
		const d = await newDossier();
		const asMember = (await dossierLoad(
			event(member, `/beheer/dossiers/${d.slug}`, { slug: d.slug })
		)) as { canKeep: boolean };
		expect(asMember.canKeep).toBe(false);
		expect((await post(member, d.slug, 'update', {})).status).toBe(403);
		expect((await outcome(() => dossierLoad(event(stranger, `/x`, { slug: d.slug })))).status).toBe(
			404
		);
		expect((await post(stranger, d.slug, 'update', {})).status).toBe(404);
	});

	it('returns a stale edit with the stored version and what was typed', async () => {
		const d = await newDossier();
		await service.updateDossier(t.ctx({ principal: secretary }), d.id, {
			title: 'Door een collega',
			revision: '0'
		});
		const stale = await post(secretary, d.slug, 'update', {
			title: 'Mijn titel',
			position: 'Mijn tekst',
			revision: '0'
		});
		expect(stale.status).toBe(409);
		expect(stale.value?.data).toMatchObject({
			form: 'update',
			values: { title: 'Mijn titel' },
			current: { title: 'Door een collega', revision: 1 }
		});
		const saved = await post(secretary, d.slug, 'update', {
			title: 'Mijn titel',
			position: 'Mijn tekst',
			revision: '1'
		});
		expect(saved.value).toEqual({ saved: 'Het dossier is bewaard.', form: 'update' });
	});

	it('unlinks no plan items, reopens and deletes nothing on a bare post', async () => {
		const d = await newDossier();
		const plan = await buildPlan(t.db, { bodyId: taskforce });
		const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
		const goal = await buildItem(t.db, { planId: plan.id, kind: 'objective', parentId: theme.id });
		const items = await post(secretary, d.slug, 'planItems', { itemIds: ['', goal.id] });
		expect(items.value).toMatchObject({ form: 'planItems' });
		expect((await post(secretary, d.slug, 'planItems', {})).status).toBe(400);
		expect((await post(secretary, d.slug, 'reopen', {})).status).toBe(400);
		expect((await post(secretary, d.slug, 'delete', {})).status).toBe(400);
		const page = await dossierPage(t.db, d.slug, 'workspace', { principal: secretary });
		expect(page?.objectives.map((o) => o.id)).toEqual([goal.id]);

		await post(secretary, d.slug, 'close', { closedOn: '2026-01-02', note: 'Klaar.' });
		expect((await post(secretary, d.slug, 'reopen', {})).value).toMatchObject({
			saved: 'Het dossier is heropend.'
		});
		expect(await post(secretary, d.slug, 'delete', { confirm: 'ja' })).toMatchObject({
			status: 303,
			location: '/beheer/dossiers?verwijderd'
		});
		expect(await dossierPage(t.db, d.slug, 'workspace', { principal: secretary })).toBeUndefined();
	});

	it('finds no addressee of another dossier', async () => {
		const decision = await buildHeldDecision(t.db, taskforce);
		const one = await newDossier({ decisionId: decision.id });
		const two = await newDossier();
		const ctx = t.ctx({ principal: secretary });
		const theirs = await service.addAddressee(ctx, one.id, {
			organisationId: organisationId('vlaamse-regering')
		});
		const sent = await post(secretary, two.slug, 'sent', {
			addresseeId: theirs.id,
			sentOn: '2026-01-02'
		});
		expect(sent.status).toBe(404);
		expect(
			(await post(secretary, one.slug, 'sent', { addresseeId: theirs.id, sentOn: '2026-01-02' }))
				.value
		).toMatchObject({ form: `sent:${theirs.id}` });
	});
});

describe('the register', () => {
	it('filters by body, stage and addressee; an unknown value matches nothing', async () => {
		const d = await newDossier();
		type Register = { rows: { slug: string }[]; bodyName: string | null; invalid: string[] };
		const list = async (query: string) =>
			(await registerLoad(event(secretary, `/beheer/dossiers${query}`))) as unknown as Register;
		const taskforceRows = await list('?orgaan=taskforce-spitsregio-leuven');
		expect(taskforceRows.bodyName).toBe('Taskforce Spitsregio Leuven');
		expect(taskforceRows.rows.map((r) => r.slug)).toContain(d.slug);
		expect((await list('?status=ontwerp')).rows.map((r) => r.slug)).toContain(d.slug);
		expect((await list('?status=beantwoord')).rows.map((r) => r.slug)).not.toContain(d.slug);
		expect((await list('?orgaan=bestaat-niet')).rows).toEqual([]);
		expect((await list('?geadresseerde=bestaat-niet')).rows).toEqual([]);
		expect((await list('?jaar=twintig')).invalid).toEqual([
			'Het jaar is een getal van vier cijfers.'
		]);
		// A member of another body sees none of the Taskforce's dossiers.
		const theirs = (await registerLoad(event(stranger, '/beheer/dossiers'))) as unknown as Register;
		expect(theirs.rows.map((r) => r.slug)).not.toContain(d.slug);
	});
});
