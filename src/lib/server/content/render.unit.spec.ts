import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { markdownMessages, markdownProblems } from './markdown-check';
import { renderContent } from './render';
import { contentStatus } from './status';

describe('contentStatus', () => {
	const now = new Date('2026-11-27T10:00:00Z');
	it.each([
		[null, 'draft'],
		[new Date('2026-11-27T10:00:01Z'), 'scheduled'],
		[new Date('2026-11-27T10:00:00Z'), 'published'],
		[new Date('2020-01-01T00:00:00Z'), 'published']
	] as const)('%s → %s', (publishAt, status) => {
		expect(contentStatus(publishAt, now)).toBe(status);
	});
});

/** Known XSS vectors, in Markdown and in raw HTML (which markdown-it escapes). */
const payloads = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<style>body{background:url("javascript:alert(1)")}</style>',
	'<a href="javascript:alert(1)">x</a>',
	'<div onmouseover="alert(1)">x</div>',
	'<body onload=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x](jav&#x09;ascript:alert(1))',
	'[x](jav&#x0A;ascript:alert(1))',
	'[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
	'[x](  javascript:alert(1))',
	'[x](vbscript:msgbox(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x][r]\n\n[r]: javascript:alert(1)',
	'<javascript:alert(1)>',
	'<vbscript:msgbox(1)>',
	'![x](javascript:alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'![x" onerror="alert(1)](https://example.org/a.png)',
	'![x](https://example.org/a.png"onerror="alert(1))',
	'[x](https://example.org "title\\" onclick=\\"alert(1)")',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'<<script>script>alert(1)<</script>/script>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<a href="&#x6A;avascript:alert(1)">x</a>'
];

/**
 * Executable vectors in rendered HTML, found by parsing it as a browser would (htmlparser2, the
 * parser under sanitize-html): dangerous elements, event attributes, script URLs in any attribute.
 */
function executable(html: string): string[] {
	const found: string[] = [];
	const tags = [
		'script',
		'iframe',
		'style',
		'svg',
		'math',
		'object',
		'embed',
		'form',
		'meta',
		'base',
		'body',
		'link'
	];
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				if (tags.includes(name)) found.push(`<${name}>`);
				for (const [key, value] of Object.entries(attribs)) {
					if (key.startsWith('on')) found.push(`${name} ${key}`);
					// eslint-disable-next-line no-control-regex
					const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
					if (/^(javascript|vbscript|data):/.test(v)) found.push(`${name} ${key}=${value}`);
				}
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	return found;
}

describe('renderContent', () => {
	it.each(payloads)('keeps %s inert', (payload) => {
		const html = renderContent(`Tekst\n\n${payload}\n\nmeer`);
		expect(executable(html)).toEqual([]);
	});

	it('shows uploaded files and https images with their alt text, nothing else', () => {
		const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const html = renderContent(
			`![Kaart](/bestanden/${id}) ![Foto](https://example.org/a.png) ![Weg](http://example.org/a.png) ![Elders](/beheer/x.png)`
		);
		expect(html).toContain(`<img src="/bestanden/${id}" alt="Kaart" />`);
		expect(html).toContain('<img src="https://example.org/a.png" alt="Foto" />');
		expect(html).not.toContain('http://example.org');
		expect(html).not.toContain('/beheer/x.png');
	});

	it('escapes raw script tags as text and puts headings under the page title', () => {
		expect(renderContent('<script>alert(1)</script>')).toContain('&lt;script&gt;');
		expect(renderContent('# Kop\n\n## Sub')).toBe('<h2>Kop</h2>\n<h3>Sub</h3>\n');
	});
});

describe('markdownProblems', () => {
	it.each([
		'[x](javascript:alert(1))',
		'[x](jav&#x09;ascript:alert(1))',
		'[x](JAVASCRIPT:alert(1))',
		'[x](vbscript:msgbox(1))',
		'[x](data:text/html,hi)',
		'<javascript:alert(1)>',
		'[x][r]\n\n[r]: javascript:alert(1)'
	])('refuses the link in %s', (source) => {
		expect(markdownProblems(source)).toContain(markdownMessages.unsafeLink);
	});

	it('refuses an image without alt text, and one from elsewhere', () => {
		expect(markdownProblems('![](https://example.org/a.png)')).toEqual([markdownMessages.imageAlt]);
		expect(markdownProblems('![  ](https://example.org/a.png)')).toEqual([
			markdownMessages.imageAlt
		]);
		expect(markdownProblems('![Foto](http://example.org/a.png)')).toEqual([
			markdownMessages.imageSrc
		]);
	});

	it('accepts ordinary Markdown', () => {
		expect(
			markdownProblems(
				'# Titel\n\n[Site](https://example.org), <https://example.org>, mail@example.org, ![Foto](https://example.org/a.png)'
			)
		).toEqual([]);
	});
});
