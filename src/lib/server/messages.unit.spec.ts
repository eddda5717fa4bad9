/**
 * Every Dutch sentence the server code may show a person has English (see messages.ts): the
 * TypeScript syntax tree of each file yields its string and template literals (see `messagesIn`).
 * One test per domain folder, so a domain can be checked alone:
 * `npx vitest run src/lib/server/messages.unit.spec.ts -t meetings`.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { translateMessage } from './messages';

const root = path.resolve('src/lib/server');

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
		const full = path.join(dir, f.name);
		if (f.isDirectory()) return sources(full);
		return /\.ts$/.test(f.name) && !/\.spec\.ts$|messages\.en\.ts$/.test(f.name) ? [full] : [];
	});
}

const logMethods = new Set(['info', 'warn', 'debug', 'trace', 'fatal', 'error']);
/**
 * Domains whose Dutch text is not a message for the person using the page: example data (seed),
 * open data (its column descriptions carry nl and en), and the official documents (agenda and
 * minutes PDFs, the generated cross-body report) that are records in the bodies' language, and
 * the operator's command-line tasks (operations: backup, restore, db:move, db:check), which speak
 * Dutch like every other npm command of the platform and never answer a web request.
 */
const notMessages = new Set(['seed', 'opendata', 'exports', 'reports', 'operations']);

/** Words that mark a text as Dutch (and are not English words). */
const dutchWord =
	/(?<!\p{L})(de|het|een|van|niet|dit|deze|die|dat|zijn|kan|kunt|wordt|worden|u|uw|geen|voor|met|naar|op|bij|te|er|hier|moet|mag|nog|wel|al|aan|als|om|ook|dan|maar|uit|wat|wie|waar|werd|hebt|heeft|ze|wij|ongeldige?|invoer|vul|kies|bestaat|gevonden)(?!\p{L})/iu;

/** Is `node` an argument of a log call (`log().info({…}, 'message')`): English for operators. */
function inLogCall(node: ts.Node): boolean {
	const call = node.parent;
	return (
		ts.isCallExpression(call) &&
		ts.isPropertyAccessExpression(call.expression) &&
		logMethods.has(call.expression.name.text) &&
		call.arguments.includes(node as ts.Expression)
	);
}

/** Is `node` the Dutch half of a `{ nl: '…', en: '…' }` pair. */
function inTranslatedPair(node: ts.Node): boolean {
	const prop = node.parent;
	if (!ts.isPropertyAssignment(prop) || prop.name.getText() !== 'nl') return false;
	return ts.isObjectLiteralExpression(prop.parent)
		? prop.parent.properties.some((p) => p.name?.getText() === 'en')
		: false;
}

/**
 * The Dutch sentences in `source` a person may read: every string or template literal of two or
 * more words starting with a capital with a Dutch word in it, except SQL, log messages, imports and `{ nl, en }` pairs.
 * A template's `${…}` parts are filled with 7.
 */
export function messagesIn(source: string): string[] {
	const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
	const out: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isTaggedTemplateExpression(node) || ts.isImportDeclaration(node)) return;
		let text: string | undefined;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
		else if (ts.isTemplateExpression(node))
			text = node.head.text + node.templateSpans.map((s) => '7' + s.literal.text).join('');
		if (text === undefined) return ts.forEachChild(node, visit);
		if (inLogCall(node) || inTranslatedPair(node)) return;
		const firstLetter = /\p{L}/u.exec(text)?.[0];
		if (!firstLetter || firstLetter === firstLetter.toLowerCase()) return;
		if (!/\p{L}{2,}[,:]?\s+\p{L}/u.test(text) || !dutchWord.test(text)) return;
		if (/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER)\b/.test(text)) return;
		out.push(text);
	};
	visit(file);
	return out;
}

const domains = fs
	.readdirSync(root, { withFileTypes: true })
	.filter((f) => f.isDirectory() && !notMessages.has(f.name))
	.map((f) => f.name);

describe('server messages have English', () => {
	it('finds messages in the ways services raise them', () => {
		const sample = [
			`throw new AppError('conflict', 'Dit orgaan bestaat al.');`,
			'throw notFound(`Vergadering ${id} niet gevonden.`);',
			`z.string().min(1, 'Vul een naam in.')`,
			`z.string().regex(/^[a-z]+$/, { message: 'Gebruik geen hoofdletters.' })`,
			`log().warn({ id }, 'Import failed halfway');`,
			"db.execute(sql`SELECT Name FROM x WHERE y = 'Een naam'`);",
			`const label = { nl: 'Twee woorden', en: 'Two words' };`,
			`const code = 'observations:write';`
		].join('\n');
		expect(messagesIn(sample)).toEqual([
			'Dit orgaan bestaat al.',
			'Vergadering 7 niet gevonden.',
			'Vul een naam in.',
			'Gebruik geen hoofdletters.'
		]);
	});

	it('translates a message with a placeholder', () => {
		expect(translateMessage('en', 'Controleer de ingevulde gegevens.')).toBe(
			'Please check the details you entered.'
		);
		expect(translateMessage('nl', 'Controleer de ingevulde gegevens.')).toBe(
			'Controleer de ingevulde gegevens.'
		);
		// A message inside a message: the inner one is translated too, an unknown part kept.
		expect(translateMessage('en', 'Nieuwkomer 3: Controleer de ingevulde gegevens.')).toMatch(
			/Please check the details you entered\.$/
		);
	});

	it.each(domains)('%s', (domain) => {
		const missing = sources(path.join(root, domain))
			.flatMap((file) => messagesIn(fs.readFileSync(file, 'utf8')))
			.filter((message) => translateMessage('en', message) === message);
		expect([...new Set(missing)]).toEqual([]);
	});
});
