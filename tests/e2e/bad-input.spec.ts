/**
 * Regressions found by the bad-input sweep (tests/ops/sweep.ts): each answered 500 before.
 */
import { expect, test } from '@playwright/test';

test('a NUL character in a path or a query is refused with a 400, not a database error', async ({
	request
}) => {
	const api = await request.get('/api/v1/news/%00');
	expect(api.status()).toBe(400);
	expect((await api.json()).error).toMatchObject({
		code: 'invalid_input',
		message: 'Het adres bevat een ongeldig teken (NUL).'
	});
	const filter = await request.get('/api/v1/meetings?body=a%00b');
	expect(filter.status()).toBe(400);
	const page = await request.get('/nieuws/voorbeeld%00');
	expect(page.status()).toBe(400);
	expect(await page.text()).toContain('ongeldig teken');
	const english = await request.get('/en/nieuws/voorbeeld%00');
	expect(english.status()).toBe(400);
	expect(await english.text()).toContain('invalid character');
});
