/**
 * The OpenAPI document validates, documents exactly the /api/v1 route tree, and every endpoint's
 * response validates against its documented schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import type { RequestEvent } from '@sveltejs/kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { decisions } from '../../src/lib/server/db/schema';
import { anonymous } from '../../src/lib/server/policy';
import {
	EXAMPLE_DOSSIER_SLUG,
	seedExampleDossiers
} from '../../src/lib/server/seed/example-dossiers';
import { seedExampleMonitor } from '../../src/lib/server/seed/example-monitor';
import {
	examplePlanId,
	examplePlanItemId,
	examplePlanMeasureId,
	seedExamplePlans
} from '../../src/lib/server/seed/example-plans';
import { bodyId } from '../../src/lib/server/seed/seed.service';
import { useTestDatabase } from '../helpers/db';
import { buildMeeting } from '../helpers/factories';
import { buildItem, buildPlan } from '../helpers/plans';

const t = useTestDatabase();
const apiRoot = path.resolve('src/routes/api/v1');

/** `src/routes/api/v1/areas/[id]/+server.ts` → `/areas/{id}`. */
function routePaths(dir = apiRoot): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...routePaths(full));
		else if (/^\+server\.(ts|js)$/.test(entry.name)) {
			const rel = path.relative(apiRoot, dir).split(path.sep).join('/');
			out.push(`/${rel}`.replace(/\[(\w+)\]/g, '{$1}'));
		}
	}
	return out.sort();
}

type Handler = (event: RequestEvent) => Promise<Response>;

async function call(route: string, url: string, params: Record<string, string> = {}) {
	const file = path.join(apiRoot, route.replace(/\{(\w+)\}/g, '[$1]'), '+server.ts');
	const mod = (await import(/* @vite-ignore */ file)) as { GET: Handler };
	const event = {
		locals: { db: t.db, requestId: 'test-request', locale: 'nl', principal: anonymous },
		url: new URL(url, 'http://localhost'),
		params
	} as unknown as RequestEvent;
	const response = await mod.GET(event);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Meetings and decisions with fixed ids: public ones, and closed ones that must never appear. */
const ids = {
	held: '6e0f1c52-0000-4000-8000-000000000001',
	closed: '6e0f1c52-0000-4000-8000-000000000002',
	draft: '6e0f1c52-0000-4000-8000-000000000003',
	next: '6e0f1c52-0000-4000-8000-000000000004',
	openItem: '6e0f1c52-0000-4000-8000-000000000011',
	closedItem: '6e0f1c52-0000-4000-8000-000000000012',
	publicDecision: '6e0f1c52-0000-4000-8000-000000000021',
	closedDecision: '6e0f1c52-0000-4000-8000-000000000022'
};

/** The example plan's first action and a measure of it (published), and a plan that is not. */
const exampleAction = examplePlanItemId('A1.1.1');
const exampleMeasure = examplePlanMeasureId('M1.1');
const hidden = { plan: '', action: '' };

beforeAll(async () => {
	await seedExampleMonitor(t.ctx());
	await seedExamplePlans(t.ctx());
	await seedExampleDossiers(t.ctx());
	const plan = await buildPlan(t.db, {
		bodyId: bodyId('taskforce-spitsregio-leuven'),
		title: { nl: 'Verborgen plan' },
		isPublic: false
	});
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id
	});
	const action = await buildItem(t.db, { planId: plan.id, kind: 'action', parentId: objective.id });
	Object.assign(hidden, { plan: plan.id, action: action.id });
	const taskforce = bodyId('taskforce-spitsregio-leuven');
	const startsAt = new Date('2026-03-12T13:00:00Z');
	const endsAt = new Date('2026-03-12T15:00:00Z');
	await buildMeeting(t.db, {
		id: ids.held,
		bodyId: taskforce,
		status: 'held',
		startsAt,
		endsAt,
		items: [
			{ id: ids.openItem, title: 'Openbaar punt', durationMinutes: 30, kind: 'decision' },
			{ id: ids.closedItem, title: 'Besloten punt', isPublic: false, durationMinutes: 15 }
		]
	});
	await buildMeeting(t.db, {
		id: ids.closed,
		bodyId: taskforce,
		isPublic: false,
		status: 'agenda_published',
		title: 'Besloten vergadering'
	});
	await buildMeeting(t.db, { id: ids.draft, bodyId: taskforce, title: 'Ontwerp' });
	await buildMeeting(t.db, {
		id: ids.next,
		bodyId: taskforce,
		status: 'agenda_published',
		startsAt: new Date('2026-04-16T12:00:00Z'),
		endsAt: new Date('2026-04-16T14:00:00Z')
	});
	await t.db.insert(decisions).values([
		{
			id: ids.publicDecision,
			bodyId: taskforce,
			year: 2026,
			number: 1,
			meetingId: ids.held,
			agendaItemId: ids.openItem,
			title: 'Openbaar besluit',
			text: 'Tekst.',
			status: 'adopted',
			votesFor: 12,
			votesAgainst: 0,
			votesAbstain: 1
		},
		{
			id: ids.closedDecision,
			bodyId: taskforce,
			year: 2026,
			number: 2,
			meetingId: ids.held,
			agendaItemId: ids.closedItem,
			title: 'Besloten besluit',
			text: 'Geheim.',
			status: 'adopted'
		}
	]);
});

const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'doc', components: doc.components });

function validator(route: string, status: string) {
	const op = doc.paths?.[route]?.get;
	const schema = (op?.responses?.[status] as { content: Record<string, { schema: object }> })
		?.content['application/json'].schema;
	expect(schema, `${route} ${status} has a schema`).toBeDefined();
	// Resolve component references against the document.
	const rewritten = JSON.parse(
		JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')
	);
	return ajv.compile(rewritten);
}

describe('OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		expect(doc.openapi).toBe('3.1.0');
		const result = await validate(structuredClone(doc) as never);
		expect(result.valid, JSON.stringify(result)).toBe(true);
	});

	it('has response schemas that can fail', () => {
		expect(validator('/areas/{id}', '200')({ id: 'geen-uuid' })).toBe(false);
		expect(validator('/bodies', '200')({ items: [{}], nextCursor: null })).toBe(false);
	});

	it('documents exactly the routes under /api/v1, both ways', () => {
		expect(Object.keys(doc.paths ?? {}).sort()).toEqual(routePaths());
	});

	const examples: [string, string, Record<string, string>][] = [
		['/areas', '/api/v1/areas?limit=5&level=gemeente', {}],
		['/areas/{id}', '', {}],
		['/organisations', '/api/v1/organisations?limit=3', {}],
		['/organisations/{id}', '', {}],
		['/bodies', '/api/v1/bodies?region=leuven', {}],
		['/bodies/{id}', '', { id: bodyId('taskforce-spitsregio-leuven') }],
		['/bodies/{id}/memberships', '', { id: bodyId('taskforce-spitsregio-leuven') }],
		['/meetings', '/api/v1/meetings?limit=5&from=2026-01-01&to=2026-12-31', {}],
		['/meetings/{id}', '', { id: ids.held }],
		['/meetings/{id}/items', `/api/v1/meetings/${ids.held}/items`, { id: ids.held }],
		['/decisions', '/api/v1/decisions?year=2026&status=adopted', {}],
		['/decisions', `/api/v1/decisions?cursor=${Buffer.from('page:1').toString('base64url')}`, {}],
		['/decisions/{id}', '', { id: ids.publicDecision }],
		['/indicators', '/api/v1/indicators', {}],
		['/indicators/{code}', '/api/v1/indicators/bevolking', { code: 'bevolking' }],
		[
			'/observations',
			'/api/v1/observations?indicator=werkloosheidsgraad&area=leuven&from=2020',
			{}
		],
		['/plans', '/api/v1/plans?body=taskforce-spitsregio-leuven&limit=5', {}],
		['/plans/{id}', '', { id: examplePlanId }],
		['/measures/{id}', '', { id: exampleMeasure }],
		['/actions/{id}', '', { id: exampleAction }],
		['/actions/{id}/updates', `/api/v1/actions/${exampleAction}/updates`, { id: exampleAction }],
		['/dossiers', '/api/v1/dossiers?addressee=vlaamse-regering&policyDomain=onderwijs', {}],
		['/dossiers/{slug}', '', { slug: EXAMPLE_DOSSIER_SLUG }],
		['/openapi.json', '/api/v1/openapi.json', {}]
	];

	it.each(examples)(
		'%s answers 200 with a body that matches its schema',
		async (route, url, params) => {
			let p = params;
			if (route.endsWith('{id}') && !p.id) {
				const list = await call(
					route.replace('/{id}', ''),
					`/api/v1${route.replace('/{id}', '')}?limit=1`
				);
				p = { id: (list.body.items as { id: string }[])[0].id };
			}
			const res = await call(route, url || `/api/v1${route}`, p);
			expect(res.status).toBe(200);
			const validate = validator(route, '200');
			expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
		}
	);

	it('pages with a cursor and answers bad input with a documented 400', async () => {
		const first = await call('/areas', '/api/v1/areas?limit=10');
		expect(first.body.nextCursor).toEqual(expect.any(String));
		const second = await call(
			'/areas',
			`/api/v1/areas?limit=10&cursor=${String(first.body.nextCursor)}`
		);
		const ids = (page: typeof first) => (page.body.items as { id: string }[]).map((i) => i.id);
		expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);

		for (const url of [
			'/api/v1/areas?limit=0',
			'/api/v1/areas?level=planeet',
			'/api/v1/areas?onbekend=1'
		]) {
			const res = await call('/areas', url);
			expect(res.status).toBe(400);
			expect(validator('/areas', '400')(res.body)).toBe(true);
			expect((res.body.error as { message: string }).message).toBe('Ongeldige queryparameters.');
		}
	});

	it('answers an unknown or malformed id with a documented 404', async () => {
		for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-uuid', "1' or 1=1"]) {
			const res = await call('/bodies/{id}', `/api/v1/bodies/${id}`, { id });
			expect(res.status).toBe(404);
			expect(validator('/bodies/{id}', '404')(res.body)).toBe(true);
		}
	});

	it('never shows closed meetings, closed items or closed decisions', async () => {
		const list = await call(
			'/meetings',
			`/api/v1/meetings?body=${bodyId('taskforce-spitsregio-leuven')}`
		);
		const listed = (list.body.items as { id: string }[]).map((m) => m.id);
		expect(listed).toContain(ids.held);
		expect(listed).not.toContain(ids.closed);
		expect(listed).not.toContain(ids.draft);
		for (const id of [ids.closed, ids.draft]) {
			expect((await call('/meetings/{id}', `/api/v1/meetings/${id}`, { id })).status).toBe(404);
			expect(
				(await call('/meetings/{id}/items', `/api/v1/meetings/${id}/items`, { id })).status
			).toBe(404);
		}
		const held = await call('/meetings/{id}', `/api/v1/meetings/${ids.held}`, { id: ids.held });
		expect(JSON.stringify(held.body)).not.toMatch(/Besloten|Geheim/);
		expect(held.body.closedItems).toBe(1);
		expect((held.body.items as { number: string }[]).map((i) => i.number)).toEqual(['1']);
		const register = await call('/decisions', '/api/v1/decisions?q=besluit');
		expect(JSON.stringify(register.body)).not.toMatch(/Besloten besluit|Geheim/);
		const closed = await call('/decisions/{id}', `/api/v1/decisions/${ids.closedDecision}`, {
			id: ids.closedDecision
		});
		expect(closed.status).toBe(404);
		expect(validator('/decisions/{id}', '404')(closed.body)).toBe(true);
	});

	it('pages meetings by start time with a cursor, and refuses bad filters', async () => {
		const window = 'from=2026-03-12&to=2026-04-16';
		const first = await call('/meetings', `/api/v1/meetings?limit=1&${window}`);
		expect((first.body.items as { id: string }[]).map((m) => m.id)).toEqual([ids.held]);
		const cursor = String(first.body.nextCursor);
		const second = await call('/meetings', `/api/v1/meetings?limit=1&${window}&cursor=${cursor}`);
		expect(second.status).toBe(200);
		expect((second.body.items as { id: string }[]).map((m) => m.id)).toEqual([ids.next]);
		expect(second.body.nextCursor).toBeNull();
		for (const url of ['/api/v1/meetings?from=gisteren', '/api/v1/meetings?body=orgaan']) {
			const res = await call('/meetings', url);
			expect(res.status).toBe(400);
			expect(validator('/meetings', '400')(res.body)).toBe(true);
		}
		const res = await call('/decisions', '/api/v1/decisions?status=misschien');
		expect(res.status).toBe(400);
	});

	it('publishes plans, their measures, actions and updates only when the plan is public', async () => {
		const list = await call('/plans', '/api/v1/plans');
		const listed = (list.body.items as { id: string }[]).map((p) => p.id);
		expect(listed).toContain(examplePlanId);
		expect(listed).not.toContain(hidden.plan);
		expect(JSON.stringify(list.body)).not.toContain('Verborgen plan');

		// The tree's schema reaches down to the actions: a progress of 140 % does not validate.
		const detail = await call('/plans/{id}', '', { id: examplePlanId });
		const action = JSON.stringify(detail.body).replace(/"progress":(\d+)/, '"progress":140');
		expect(action).toContain('"progress":140');
		expect(validator('/plans/{id}', '200')(JSON.parse(action))).toBe(false);

		const updates = await call('/actions/{id}/updates', '', { id: exampleAction });
		expect((updates.body.items as unknown[]).length).toBeGreaterThan(0);

		const unknown = '00000000-0000-4000-8000-000000000000';
		const cases: [string, string][] = [
			['/plans/{id}', hidden.plan],
			['/actions/{id}', hidden.action],
			['/actions/{id}/updates', hidden.action],
			['/plans/{id}', unknown],
			['/measures/{id}', unknown],
			['/actions/{id}', unknown],
			['/actions/{id}/updates', unknown],
			// A malformed id is a 404 too, as everywhere in this API.
			['/plans/{id}', 'geen-uuid'],
			['/measures/{id}', "1' or 1=1"],
			['/actions/{id}', 'geen-uuid'],
			['/actions/{id}/updates', 'geen-uuid']
		];
		for (const [route, id] of cases) {
			const res = await call(route, '', { id });
			expect(res.status, `${route} ${id}`).toBe(404);
			expect(validator(route, '404')(res.body)).toBe(true);
		}
		// A published plan is not found when asked for as a measure or an action.
		expect((await call('/actions/{id}', '', { id: examplePlanId })).status).toBe(404);
		expect((await call('/measures/{id}', '', { id: exampleAction })).status).toBe(404);

		for (const url of [
			'/api/v1/plans?status=misschien',
			'/api/v1/plans?body=',
			'/api/v1/plans?cursor=kapot',
			'/api/v1/plans?limit=0',
			'/api/v1/plans?region=leuven'
		]) {
			const res = await call('/plans', url);
			expect(res.status, url).toBe(400);
			expect(validator('/plans', '400')(res.body)).toBe(true);
		}
	});

	it('publishes the example dossier and answers an unknown one or bad filters as documented', async () => {
		const list = await call(
			'/dossiers',
			'/api/v1/dossiers?stage=sent&body=burgemeestersoverleg-halle-vilvoorde'
		);
		expect((list.body.items as { slug: string }[]).map((d) => d.slug)).toEqual([
			EXAMPLE_DOSSIER_SLUG
		]);
		// The detail's schema reaches its documents: a document without a download URL fails.
		const detail = await call('/dossiers/{slug}', '', { slug: EXAMPLE_DOSSIER_SLUG });
		const broken = { ...detail.body, documents: [{ id: ids.held, role: 'sent', title: 'x' }] };
		expect(validator('/dossiers/{slug}', '200')(broken)).toBe(false);
		for (const slug of ['bestaat-niet', "1' or 1=1"]) {
			const res = await call('/dossiers/{slug}', '', { slug });
			expect(res.status).toBe(404);
			expect(validator('/dossiers/{slug}', '404')(res.body)).toBe(true);
		}
		const empty = await call('/dossiers', '/api/v1/dossiers?addressee=bestaat-niet');
		expect(empty.body).toEqual({ items: [], nextCursor: null });
		for (const url of [
			'/api/v1/dossiers?stage=draft',
			'/api/v1/dossiers?year=vorig',
			'/api/v1/dossiers?status=sent'
		]) {
			const res = await call('/dossiers', url);
			expect(res.status, url).toBe(400);
			expect(validator('/dossiers', '400')(res.body)).toBe(true);
		}
	});

	it('pages the decisions register with an opaque cursor too, and refuses a bad one', async () => {
		const first = await call('/decisions', '/api/v1/decisions');
		expect(first.status).toBe(200);
		const next = first.body.nextCursor as string | null;
		if (next) {
			const second = await call('/decisions', `/api/v1/decisions?cursor=${next}`);
			expect(second.body.page).toBe(2);
		} else {
			expect(first.body.pages).toBe(1);
		}
		for (const cursor of ['kapot', Buffer.from('page:0').toString('base64url')]) {
			const res = await call('/decisions', `/api/v1/decisions?cursor=${cursor}`);
			expect(res.status).toBe(400);
			expect((res.body.error as { message: string }).message).toBe('Ongeldige cursor.');
		}
	});

	it('lists only the public members of a body, and 404s an unknown body', async () => {
		const res = await call('/bodies/{id}/memberships', '', {
			id: bodyId('taskforce-spitsregio-leuven')
		});
		expect(res.status).toBe(200);
		const unknown = '00000000-0000-4000-8000-000000000000';
		const missing = await call('/bodies/{id}/memberships', '', { id: unknown });
		expect(missing.status).toBe(404);
		expect(validator('/bodies/{id}/memberships', '404')(missing.body)).toBe(true);
	});
});
