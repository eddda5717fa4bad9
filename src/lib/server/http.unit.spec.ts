import { describe, expect, it } from 'vitest';
import { formValues } from './http';

describe('formValues', () => {
	it('drops NUL characters (PostgreSQL text cannot hold them; the bad-input sweep got a 500)', async () => {
		const request = new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'title=a%00b&tag=%00&tag=c'
		});
		expect(await formValues(request)).toEqual({ title: 'ab', tag: ['', 'c'] });
	});
});
