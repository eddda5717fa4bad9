import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { seedExampleMonitor } from '../seed/example-monitor';
import { getIndicatorOut, listIndicatorsOut, listObservations, observationsResponse } from './api';

const t = useTestDatabase();

beforeAll(async () => {
	await seedExampleMonitor(t.ctx());
});

function get(url: string, accept = 'application/json') {
	return observationsResponse({
		locals: { db: t.db, requestId: 'test-request', locale: 'nl' },
		url: new URL(url, 'http://localhost'),
		request: new Request(new URL(url, 'http://localhost'), { headers: { accept } })
	} as unknown as RequestEvent);
}

describe('monitor read API', () => {
	it('lists the catalogue with example flags and rules by code', async () => {
		const { items } = await listIndicatorsOut(t.db);
		expect(items).toHaveLength(8);
		expect(items.every((i) => i.isExample)).toBe(true);
		expect((await getIndicatorOut(t.db, 'jobratio')).aggregation).toMatchObject({
			rule: 'ratio',
			numerator: 'jobs',
			denominator: 'bevolking_20_64',
			multiplier: 100
		});
		expect((await rejection(getIndicatorOut(t.db, 'onbekend'))).code).toBe('not_found');
	});

	it('filters by indicator, region slug or NIS code, period range and level; pages with a cursor', async () => {
		const region = await listObservations(t.db, {
			indicator: 'bevolking',
			area: 'leuven',
			from: '2020',
			to: '2022',
			limit: 200
		});
		expect(region.items.map((o) => [o.period, o.origin, o.isExample])).toEqual([
			['2020', 'aggregated', true],
			['2021', 'aggregated', true],
			['2022', 'aggregated', true]
		]);
		const byNis = await listObservations(t.db, {
			indicator: 'bevolking',
			area: '23106',
			limit: 200
		});
		expect(byNis.items.filter((o) => o.origin === 'derived')).toHaveLength(11);

		const seen = new Set<string>();
		let cursor: string | undefined;
		let pages = 0;
		do {
			const page = await listObservations(t.db, {
				indicator: 'jobs',
				level: 'gemeente',
				from: '2025',
				limit: 25,
				cursor
			});
			for (const o of page.items) seen.add(`${o.area.slug}:${o.period}`);
			cursor = page.nextCursor ?? undefined;
			pages++;
		} while (cursor);
		// 62 current municipalities and Pajottegem in 2025, each once.
		expect(seen.size).toBe(63);
		expect(pages).toBe(3);
	});

	it('answers CSV for Accept: text/csv, the columns of the public download, with the example flag', async () => {
		const res = await get(
			'/api/v1/observations?indicator=werkloosheidsgraad&area=24062&from=2024&to=2024',
			'text/csv'
		);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text.split('\r\n')[0]).toBe(
			'indicator;nis_code;area;level;period;value;unit;status;origin;example'
		);
		expect(text).toMatch(
			/^werkloosheidsgraad;24062;Leuven;gemeente;2024;\d+(,\d)?;%;final;supplied;ja\r$/m
		);
	});

	it('refuses bad queries with a 400 and a Dutch message', async () => {
		for (const url of [
			'/api/v1/observations?from=gisteren',
			'/api/v1/observations?level=planeet',
			'/api/v1/observations?cursor=rommel',
			'/api/v1/observations?onbekend=1'
		]) {
			const res = await get(url);
			expect(res.status, url).toBe(400);
			const body = (await res.json()) as { error: { message: string } };
			expect(['Ongeldige queryparameters.', 'Ongeldige cursor.']).toContain(body.error.message);
		}
	});
});
