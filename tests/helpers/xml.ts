/**
 * A strict XML reader for tests: saxes rejects anything that is not well-formed (and, with
 * namespaces on, an undeclared prefix), and the result is a small tree to query.
 */
import { SaxesParser } from 'saxes';

export type XmlNode = {
	name: string;
	/** Namespace URI of the element. */
	uri: string;
	attributes: Record<string, string>;
	children: XmlNode[];
	text: string;
};

/** The document's root element; throws on any well-formedness error. */
export function parseXml(xml: string): XmlNode {
	const parser = new SaxesParser({ xmlns: true });
	const root: XmlNode = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
	const stack = [root];
	parser.on('error', (e) => {
		throw e;
	});
	parser.on('opentag', (tag) => {
		const node: XmlNode = {
			name: tag.local,
			uri: tag.uri,
			attributes: Object.fromEntries(
				Object.values(tag.attributes).map((a) => [
					a.prefix ? `${a.prefix}:${a.local}` : a.local,
					a.value
				])
			),
			children: [],
			text: ''
		};
		stack.at(-1)!.children.push(node);
		stack.push(node);
	});
	parser.on('text', (t) => (stack.at(-1)!.text += t));
	parser.on('closetag', () => void stack.pop());
	parser.write(xml).close();
	if (root.children.length !== 1) throw new Error('expected one root element');
	return root.children[0];
}

/** Child elements by local name. */
export const childrenOf = (node: XmlNode, name: string) =>
	node.children.filter((c) => c.name === name);

/** The text of the first child element with that name ('' if none). */
export const childText = (node: XmlNode, name: string) => childrenOf(node, name)[0]?.text ?? '';
