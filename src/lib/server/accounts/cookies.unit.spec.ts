import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './cookies';

describe('the page after login', () => {
	it('returns to a workspace page, in either language', () => {
		expect(safeReturnPath('/beheer/vergaderingen')).toBe('/beheer/vergaderingen');
		expect(safeReturnPath('/en/beheer/plannen?x=1', 'nl')).toBe('/en/beheer/plannen?x=1');
	});

	it('refuses anything else (no open redirect)', () => {
		for (const bad of ['https://evil.example/beheer', '//evil.example', '/nieuws', '/beheer x'])
			expect(safeReturnPath(bad)).toBe('/beheer');
	});

	it("opens the workspace in the user's language without a page to return to", () => {
		expect(safeReturnPath(null, 'en')).toBe('/en/beheer');
		expect(safeReturnPath(null, 'nl')).toBe('/beheer');
		expect(safeReturnPath('https://evil.example', 'en')).toBe('/en/beheer');
	});
});
