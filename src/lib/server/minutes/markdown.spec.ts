/**
 * Minutes are Markdown shown as HTML: known XSS payloads (raw tags, event handlers, script URLs in
 * every spelling, entity tricks, autolinks, link titles) come out inert, and ordinary Markdown
 * still renders.
 */
import { describe, expect, it } from 'vitest';
import sanitizeHtml from 'sanitize-html';
import { markdownText, renderMarkdown } from './markdown';

const payloads = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<scr<script>ipt>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<img src="javascript:alert(1)">',
	'<svg onload=alert(1)><circle r=1 /></svg>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="https://evil.example"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<style>body{background:url(javascript:alert(1))}</style>',
	'<p style="background:url(javascript:alert(1))">x</p>',
	'<a href="javascript:alert(1)">klik</a>',
	'<div onmouseover="alert(1)">hover</div>',
	'<body onload=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'[klik](javascript:alert(1))',
	'[klik](JaVaScRiPt:alert(1))',
	'[klik]( javascript:alert(1) )',
	'[klik](java\tscript:alert(1))',
	'[klik](vbscript:msgbox(1))',
	'[klik](VBScript:msgbox(1))',
	'[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[klik](DATA:text/html,<script>alert(1)</script>)',
	'[x](&#106;avascript:alert(1))',
	'[x](&#x6A;avascript:alert(1))',
	'[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
	'[x](javascript&colon;alert(1))',
	'[x](jav&#x09;ascript:alert(1))',
	'<javascript:alert(1)>',
	'<JAVASCRIPT:alert(1)>',
	'<vbscript:msgbox(1)>',
	'<data:text/html,<script>alert(1)</script>>',
	'![x](javascript:alert(1))',
	'![x](x" onerror="alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
	'[x](https://example.org "x" onclick="alert(1)")',
	'[x](https://example.org \'" onfocus=alert(1) autofocus x="\')',
	'[x][ref]\n\n[ref]: javascript:alert(1) "t"',
	'[x][ref]\n\n[ref]: https://example.org "a\\" onclick=\\"alert(1)"',
	'<a href="https://example.org" onclick="alert(1)">x</a>',
	'`<script>alert(1)</script>`',
	'```\n<script>alert(1)</script>\n```',
	'> <img src=x onerror=alert(1)>',
	'- <svg/onload=alert(1)>',
	'| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
	'www.example.org/"onmouseover="alert(1)',
	'https://example.org/<script>alert(1)</script>',
	'<a href="&#106;avascript:alert(1)">x</a>',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<input onfocus=alert(1) autofocus>',
	'<details open ontoggle=alert(1)>',
	'<base href="javascript:alert(1)//">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<link rel=stylesheet href="javascript:alert(1)">',
	'<video><source onerror="alert(1)"></video>',
	'<!--<img src="--><img src=x onerror=alert(1)//">'
];

/** The elements of an HTML fragment as a browser-grade parser sees them (entities decoded). */
function elements(html: string) {
	const out: { tag: string; attribs: Record<string, string> }[] = [];
	sanitizeHtml(html, {
		allowedTags: false,
		allowedAttributes: false,
		allowVulnerableTags: true,
		exclusiveFilter: (frame) => {
			out.push({ tag: frame.tag, attribs: frame.attribs });
			return false;
		}
	});
	return out;
}
/** How a browser reads a URL's scheme: control characters and whitespace are ignored. */
const scheme = (url: string) =>
	[...url]
		.filter((c) => c.charCodeAt(0) > 0x20)
		.join('')
		.match(/^([a-z][a-z0-9+.-]*):/i)?.[1]
		?.toLowerCase() ?? null;

describe('renderMarkdown', () => {
	it.each(payloads)('renders %j inert', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(/<script/i);
		const found = elements(html);
		for (const { tag, attribs } of found) {
			expect(tag).not.toMatch(
				/^(script|iframe|object|embed|svg|math|style|img|form|input|base|meta|link|video|source|details|body)$/
			);
			for (const [name, value] of Object.entries(attribs)) {
				expect(name).not.toMatch(/^on/i);
				expect(name).not.toBe('style');
				if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
					expect(['javascript', 'vbscript', 'data']).not.toContain(scheme(value));
				}
			}
		}
		// The same on the raw text: no handler attribute opens inside any tag.
		for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
			expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
			expect(tag).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
		}
		// Whatever was written stays readable as text: nothing silently vanishes into markup.
		expect(markdownText(payload)).toBeTypeOf('string');
	});

	it('still renders ordinary Markdown: bold, italic, lists, safe links, headings shifted down', () => {
		const html = renderMarkdown(
			'# Titel\n\n**vet** en _cursief_\n\n- een\n- twee\n\n[site](https://example.org) en mailto:info@example.org'
		);
		expect(html).toContain('<h3>Titel</h3>');
		expect(html).toContain('<strong>vet</strong>');
		expect(html).toContain('<em>cursief</em>');
		expect(html).toMatch(/<ul>\s*<li>een<\/li>\s*<li>twee<\/li>\s*<\/ul>/);
		expect(html).toContain('href="https://example.org"');
		expect(html).toContain('rel="noopener noreferrer nofollow"');
		expect(html).not.toMatch(/<h1|<h2/);
		// The parser the payload test relies on does see elements and decoded attributes.
		expect(elements(html)).toContainEqual({
			tag: 'a',
			attribs: { href: 'https://example.org', rel: 'noopener noreferrer nofollow' }
		});
		expect(scheme(' jav\tascript:x')).toBe('javascript');
	});

	it('shows raw HTML as text instead of dropping it', () => {
		expect(renderMarkdown('<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
		expect(markdownText('**Besluit:** <script>alert(1)</script>')).toBe(
			'Besluit: <script>alert(1)</script>'
		);
	});
});
