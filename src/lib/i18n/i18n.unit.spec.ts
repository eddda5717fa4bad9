import { describe, expect, it } from 'vitest';
import { en } from './en';
import {
	delocalizePath,
	formatDate,
	formatNumber,
	localeOfPath,
	localizeHref,
	tr,
	translate
} from './index';
import { nl, workspaceParts } from './nl';

describe('formats', () => {
	it('writes dates the Belgian way in Europe/Brussels', () => {
		expect(formatDate('2026-11-27', 'nl')).toBe('27/11/2026');
		expect(formatDate('2025-01-01', 'nl', 'long')).toBe('1 januari 2025');
		// 23:30 UTC on 31 December is already 1 January in Brussels.
		expect(formatDate(new Date('2024-12-31T23:30:00Z'), 'nl')).toBe('01/01/2025');
	});

	it('writes numbers the Belgian way', () => {
		expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
		expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
	});
});

describe('messages', () => {
	it('fills placeholders and formats numbers in them', () => {
		expect(translate('nl', 'home.municipalityCount', { count: 1234 })).toBe('1.234 gemeenten');
	});

	it('falls back to Dutch for a message without English', () => {
		const english = en['region.bodyTree'];
		delete en['region.bodyTree'];
		try {
			expect(translate('en', 'region.bodyTree')).toBe(nl['region.bodyTree']);
		} finally {
			en['region.bodyTree'] = english;
		}
		expect(translate('en', 'site.skip')).toBe('Skip to content');
	});

	it('has English for every message', () => {
		expect(Object.keys(nl).filter((key) => !(key in en))).toEqual([]);
	});

	it('has no English key that Dutch lacks', () => {
		for (const key of Object.keys(en)) expect(nl).toHaveProperty(key);
	});

	it('has each workspace key in one part only, with English', () => {
		const seen = new Map<string, string>();
		for (const [name, part] of Object.entries(workspaceParts)) {
			for (const key of Object.keys(part.nl)) {
				expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
				seen.set(key, name);
				expect(key.startsWith(`ws.${name}.`), `${key} belongs under ws.${name}.`).toBe(true);
				expect((part.en as Record<string, string>)[key], `${key} has no English`).toBeTruthy();
			}
		}
	});

	it('picks the translation of a translatable value', () => {
		expect(tr({ nl: 'Wonen', en: 'Housing' }, 'en')).toBe('Housing');
		expect(tr({ nl: 'Wonen' }, 'en')).toBe('Wonen');
		expect(tr(null, 'nl')).toBe('');
	});
});

describe('localized links', () => {
	it('keeps Dutch at the root and English under /en', () => {
		expect(localizeHref('/regio/leuven', 'nl')).toBe('/regio/leuven');
		expect(localizeHref('/regio/leuven', 'en')).toBe('/en/regio/leuven');
		expect(localizeHref('/', 'en')).toBe('/en');
		expect(localizeHref('https://example.org', 'en')).toBe('https://example.org');
	});

	it('reads and strips the locale of a path', () => {
		expect(localeOfPath('/en/organen/x')).toBe('en');
		expect(localeOfPath('/energie')).toBe('nl');
		expect(delocalizePath('/en/organen/x')).toBe('/organen/x');
		expect(delocalizePath('/en')).toBe('/');
		expect(delocalizePath('/energie')).toBe('/energie');
	});
});
