/**
 * A partner pushes observations through the API with a token carrying `observations:write`:
 * stored and readable through the read API; a push with a bad row is refused in Dutch with the
 * row named and stores nothing; a token without the scope, or none, is refused. Requests only.
 */
import { expect, test } from '@playwright/test';
import { scenario } from './support/scenario';

test('a partner pushes observations; bad rows and wrong tokens store nothing', async ({
	request
}, info) => {
	test.skip(info.project.name !== 'js', 'requests only: once is enough');
	const push = (token: string, data: unknown) =>
		request.post('/api/v1/observations', {
			headers: { authorization: `Bearer ${token}` },
			data
		});
	const read = async () => {
		const res = await request.get(
			'/api/v1/observations?indicator=bevolking&area=24062&from=1999&to=1999'
		);
		expect(res.status()).toBe(200);
		return ((await res.json()) as { items: { period: string; value: number | null }[] }).items;
	};
	expect(await read()).toEqual([]);

	// A bad row (a malformed NIS code) among good ones: refused, the row named, nothing stored.
	const refused = await push(scenario().observationsToken, {
		indicator: 'bevolking',
		observations: [
			{ area: '24062', period: '1999', value: 87_000 },
			{ area: '2406', period: '1999', value: 1 }
		]
	});
	expect(refused.status()).toBe(400);
	const problem = await refused.json();
	expect(JSON.stringify(problem)).toContain('geweigerd: er is niets opgeslagen');
	expect(JSON.stringify(problem)).toContain('observations.1');
	expect(await read()).toEqual([]);

	// A token without the scope, and no token: refused, nothing stored.
	const good = {
		indicator: 'bevolking',
		observations: [{ area: '24062', period: '1999', value: 87_000 }]
	};
	expect((await push(scenario().apiToken, good)).status()).toBe(403);
	expect((await request.post('/api/v1/observations', { data: good })).status()).toBe(401);
	expect(await read()).toEqual([]);

	// The good push: stored, and read back.
	const stored = await push(scenario().observationsToken, good);
	expect(stored.status()).toBe(201);
	expect(await stored.json()).toMatchObject({ inserted: 1, updated: 0, skipped: 0 });
	expect(await read()).toMatchObject([{ period: '1999', value: 87_000 }]);
});
