/**
 * What the content schema refuses in Markdown before it is stored: images without alternative text,
 * images from elsewhere than an uploaded file or an https address, and links whose scheme can run
 * code (`javascript:`, `vbscript:`, `data:`), also when disguised with entities, tabs or case.
 * The Markdown is parsed with a parser that accepts every link, so nothing hides from the check
 * that the renderer itself would drop silently.
 */
import MarkdownIt from 'markdown-it';
import { allowedImageSrc } from './render';

const parser = new MarkdownIt({ html: false, linkify: true });
parser.validateLink = () => true;

export const markdownMessages = {
	imageAlt: 'Elke afbeelding heeft een alternatieve tekst nodig: schrijf ![beschrijving](adres).',
	imageSrc: 'Een afbeelding moet een opgeladen bestand (/bestanden/…) of een https-adres zijn.',
	unsafeLink:
		'Links met javascript:, vbscript: of data: zijn niet toegestaan: gebruik een https-adres.'
} as const;

/** The scheme of a link as a browser would read it (entities decoded, blanks and controls gone). */
export function linkScheme(href: string): string {
	let s = href;
	for (let i = 0; i < 3; i++) {
		try {
			s = decodeURIComponent(s);
		} catch {
			break;
		}
	}
	s = s
		.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&(colon|tab|newline);/gi, (_, n: string) => (n.toLowerCase() === 'colon' ? ':' : ''))
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '')
		.toLowerCase();
	const m = /^([a-z][a-z0-9+.-]*):/.exec(s);
	return m ? m[1] : '';
}

const unsafeSchemes = new Set(['javascript', 'vbscript', 'data', 'file']);

type Token = ReturnType<typeof parser.parse>[number];

function* walk(tokens: Token[]): Generator<Token> {
	for (const t of tokens) {
		yield t;
		if (t.children) yield* walk(t.children);
	}
}

/** The problems of one Markdown text, as Dutch messages (none: fine). */
export function markdownProblems(source: string): string[] {
	const problems = new Set<string>();
	for (const t of walk(parser.parse(source, {}))) {
		if (t.type === 'image') {
			const src = String(t.attrGet('src') ?? '');
			if (!t.content.trim()) problems.add(markdownMessages.imageAlt);
			if (unsafeSchemes.has(linkScheme(src))) problems.add(markdownMessages.unsafeLink);
			else if (!allowedImageSrc(src)) problems.add(markdownMessages.imageSrc);
		}
		if (t.type === 'link_open' && unsafeSchemes.has(linkScheme(String(t.attrGet('href') ?? '')))) {
			problems.add(markdownMessages.unsafeLink);
		}
	}
	// A link definition or raw text the parser did not turn into a link still says what it means.
	if (/\]\s*\(\s*<?\s*(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(source)) {
		problems.add(markdownMessages.unsafeLink);
	}
	return [...problems];
}
