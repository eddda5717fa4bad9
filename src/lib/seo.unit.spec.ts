import { describe, expect, it } from 'vitest';
import { absoluteUrl, feedsOf, jsonLdScript } from './seo';

describe('jsonLdScript', () => {
	it('cannot be closed early by text: <, > and & are JSON escapes that parse back', () => {
		const value = { name: '</script><script>alert(1)</script> & <!--', line: 'a\u2028b' };
		const html = jsonLdScript(value);
		const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
		expect(inner).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(inner)).toEqual(value);
	});
});

describe('feedsOf', () => {
	it('offers the feed of the list or body a page shows', () => {
		expect(feedsOf('/besluiten', '/besluiten')).toEqual([
			{ path: '/besluiten/feed.atom', kind: 'decisions' }
		]);
		expect(feedsOf('/organen/x', '/organen/[slug]')).toEqual([
			{ path: '/organen/x/feed.atom', kind: 'body' }
		]);
		expect(feedsOf('/', '/')).toEqual([{ path: '/nieuws/feed.atom', kind: 'news' }]);
		expect(feedsOf('/privacy', '/privacy')).toEqual([]);
	});
});

describe('absoluteUrl', () => {
	it('puts English under /en', () => {
		expect(absoluteUrl('https://x.example', '/', 'en')).toBe('https://x.example/en');
		expect(absoluteUrl('https://x.example', '/organen/a', 'en')).toBe(
			'https://x.example/en/organen/a'
		);
		expect(absoluteUrl('https://x.example', '/organen/a', 'nl')).toBe(
			'https://x.example/organen/a'
		);
	});
});
