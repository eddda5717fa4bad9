import type { RequestEvent } from '@sveltejs/kit';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { auditEvents, indicators, observations } from '../../db/schema';
import type { Principal } from '../../policy';
import { postObservations } from './push';

const t = useTestDatabase();

const writer: Principal = {
	kind: 'token',
	tokenId: '00000000-0000-4000-8000-00000000000a',
	organisationId: '00000000-0000-4000-8000-00000000000b',
	scopes: ['observations:write']
};

function post(body: unknown, principal: Principal = writer) {
	const request = new Request('http://localhost/api/v1/observations', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return postObservations({
		request,
		locals: { db: t.db, requestId: 'test', locale: 'nl', principal }
	} as unknown as RequestEvent);
}

async function counts() {
	const [o] = await t.db.select({ n: count() }).from(observations);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { observations: o.n, audit: a.n };
}

describe('POST /api/v1/observations', () => {
	it('stores a valid push (201 with the counts)', async () => {
		await t.db.insert(indicators).values({
			code: 'voorbeeld-push',
			name: { nl: 'Push (voorbeeld)' },
			unit: '%',
			domain: 'x',
			minValue: 0,
			maxValue: 100,
			isExample: true
		});
		const res = await post({
			indicator: 'voorbeeld-push',
			observations: [
				{ area: '24062', period: '2024', value: 12.5 },
				{ area: '11002', period: '2024', value: 1 }
			]
		});
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, skipped: 1 });
	});

	it('refuses bad observations by position, a bad body, anonymous callers and a token without the scope; nothing stored', async () => {
		const before = await counts();
		const bad = await post({
			indicator: 'voorbeeld-push',
			observations: [
				{ area: '24062', period: '2023', value: 12.5 },
				{ area: '2406', period: '2023', value: 1 },
				{ area: '24001', period: '2023', value: 101 }
			]
		});
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toMatchObject({
			code: 'invalid_input',
			message: '2 metingen zijn geweigerd: er is niets opgeslagen.',
			fields: {
				'observations.1': ['Ongeldige NIS-code "2406": een NIS-code heeft vijf cijfers.'],
				'observations.2': [
					'De waarde 101 ligt boven het maximum (100) van indicator "voorbeeld-push".'
				]
			}
		});
		const unknown = await post({
			indicator: 'geen code',
			observations: [{ area: '24062', period: '2024', value: 1 }]
		});
		expect((await unknown.json()).error.message).toBe(
			'Onbekende indicator "geen code": kies een indicator uit de catalogus.'
		);
		const broken = await post('{"indicator":');
		expect(broken.status).toBe(400);
		expect((await broken.json()).error.message).toBe('Het verzoek is geen geldige JSON.');
		const anonymous = await post(
			{ indicator: 'voorbeeld-push', observations: [] },
			{ kind: 'anonymous' }
		);
		expect(anonymous.status).toBe(401);
		const reader = await post(
			{ indicator: 'voorbeeld-push', observations: [{ area: '24062', period: '2023', value: 1 }] },
			{ ...writer, scopes: ['structure:read'] } as Principal
		);
		expect(reader.status).toBe(403);
		expect(await counts()).toEqual(before);
	});
});
