/**
 * The few XML helpers the feeds and the sitemap need. Text from the database can hold anything,
 * so characters XML 1.0 forbids are dropped (a stray control character would make the whole
 * document unreadable for a feed reader) and the five special characters are escaped.
 */

// Everything outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/F).
const invalid = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Text or an attribute value, safe inside an XML element or a double-quoted attribute. */
export function xmlText(value: string): string {
	return value.replace(invalid, '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** `<name a="1">text</name>`; attributes with an undefined value are left out. */
export function element(
	name: string,
	attributes: Record<string, string | undefined> = {},
	content?: string
): string {
	const attrs = Object.entries(attributes)
		.filter((e): e is [string, string] => e[1] !== undefined)
		.map(([k, v]) => ` ${k}="${xmlText(v)}"`)
		.join('');
	return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element whose content is text (escaped here). */
export const textElement = (
	name: string,
	text: string,
	attributes: Record<string, string | undefined> = {}
) => element(name, attributes, xmlText(text));
