import { describe, expect, it } from 'vitest';
import { renderAtom, type AtomFeed } from './atom';
import { excerpt } from './feeds.queries';
import { xmlText } from './xml';

const feed = (entries: AtomFeed['entries']): AtomFeed => ({
	self: 'https://x.example/nieuws/feed.atom',
	alternate: 'https://x.example/nieuws',
	title: 'Nieuws',
	lang: 'nl',
	author: { name: 'Streek & co' },
	entries
});

describe('xmlText', () => {
	it('escapes the five special characters and drops characters XML 1.0 forbids', () => {
		expect(xmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
		expect(xmlText('a\u0000b\u0008c\u000bd\ufffee\ud800f')).toBe('abcdef');
		expect(xmlText('tab\there\nline 😀 é')).toBe('tab\there\nline 😀 é');
	});
});

describe('renderAtom', () => {
	it('says the epoch for an empty feed, so the same data gives the same bytes', () => {
		const xml = renderAtom(feed([]));
		expect(xml).toContain('<updated>1970-01-01T00:00:00Z</updated>');
		expect(renderAtom(feed([]))).toBe(xml);
		expect(xml).toContain('<name>Streek &amp; co</name>');
	});

	it("takes the feed's updated from its newest entry, in whole seconds", () => {
		const entry = (id: string, updated: string) => ({
			id: `https://x.example/${id}`,
			title: id,
			link: `https://x.example/${id}`,
			updated: new Date(updated)
		});
		const xml = renderAtom(
			feed([entry('a', '2026-11-27T13:00:00.123Z'), entry('b', '2026-11-28T08:30:00Z')])
		);
		expect(xml).toContain('<id>https://x.example/nieuws/feed.atom</id>');
		expect(xml).toContain('<updated>2026-11-28T08:30:00Z</updated>\n<link rel="self"');
		expect(xml).toContain('<updated>2026-11-27T13:00:00Z</updated>');
	});
});

describe('excerpt', () => {
	it('is plain text of the Markdown, cut at a word', () => {
		expect(excerpt('# Titel\n\nEen **vette** [link](https://x.example) ![beeld](/b.png)')).toBe(
			'Titel Een vette link'
		);
		const long = excerpt('woord '.repeat(200), 50);
		expect(long.length).toBeLessThanOrEqual(51);
		expect(long.endsWith('woord…')).toBe(true);
	});
});
