/**
 * The services' zod input schemas as JSON Schema, and which schema a form posts to.
 *
 * Every module under `src/lib/server` that exports a zod schema (the domains' `*.schema.ts`, and
 * services that keep their input schema beside them) is loaded and each exported zod object schema
 * is turned into JSON Schema (`z.toJSONSchema`, input side). A form found on a page is matched to
 * the schema whose properties best cover its field names, so the sweep sends the values that
 * schema accepts, one past its bounds, and of the wrong type — beside the values derived from the
 * form's own HTML attributes (forms.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { root } from '../harness';
import type { JsonSchema } from './values';

export type InputSchema = {
	/** `domain/file.schema.ts#export`, for the report. */
	name: string;
	properties: Record<string, JsonSchema>;
	required: string[];
	resolve: (s: JsonSchema) => JsonSchema;
};

/** Modules that export a zod schema (or a function making one per locale). */
const EXPORTS_SCHEMA = /^export (const \w+ = z\b|function \w+Schema\()/m;

/**
 * The exported zod object schemas of the server's modules. A module that cannot load outside
 * SvelteKit (it imports `$app/…`) is left out and named in `skipped`.
 */
export async function inputSchemas(skipped: string[] = []): Promise<InputSchema[]> {
	const dir = path.join(root, 'src/lib/server');
	const files = (fs.readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
		.filter((f) => EXPORTS_SCHEMA.test(fs.readFileSync(path.join(dir, f), 'utf8')))
		.sort();
	const out: InputSchema[] = [];
	for (const file of files) {
		let mod: Record<string, unknown>;
		try {
			mod = (await import(path.join(dir, file))) as Record<string, unknown>;
		} catch {
			skipped.push(file);
			continue;
		}
		for (const [name, exported] of Object.entries(mod)) {
			// A schema made per locale (`contactSchema(locale)`): its Dutch one.
			const value =
				typeof exported === 'function' && /Schema$/.test(name) && exported.length === 1
					? (exported as (locale: string) => unknown)('nl')
					: exported;
			// Answers (`…Out`) and GET parameters (`…Query`, `…Param`) are not what a form posts.
			if (!(value instanceof z.ZodType) || /(Out|Query|Param)$/.test(name)) continue;
			const json = z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' }) as JsonSchema & {
				$defs?: Record<string, JsonSchema>;
			};
			const resolve = (s: JsonSchema): JsonSchema =>
				s.$ref?.startsWith('#/$defs/') ? resolve(json.$defs?.[s.$ref.slice(8)] ?? {}) : s;
			const top = resolve(json);
			if (top.type !== 'object' || !top.properties || !Object.keys(top.properties).length) continue;
			out.push({
				name: `${file}#${name}`,
				properties: top.properties,
				required: top.required ?? [],
				resolve
			});
		}
	}
	return out;
}

const baseOf = (field: string) => field.split(/[.[]/)[0];
const LANGUAGE = /(?<=[a-z])(Nl|En)$/;

/**
 * The schema property a form field belongs to: its own name (`tolerances.onTrack` and `ids[]`
 * belong to `tolerances` and `ids`), else the translatable it is one language of (`nameNl` and
 * `nameEn` → `name`).
 */
export function propertyIn(schema: InputSchema, field: string): string | undefined {
	const base = baseOf(field);
	if (schema.properties[base]) return base;
	const translatable = base.replace(LANGUAGE, '');
	return translatable !== base && schema.properties[translatable] ? translatable : undefined;
}

/** The JSON Schema of a form field: its property, or the language of a translatable. */
export function fieldSchema(schema: InputSchema, field: string): JsonSchema | undefined {
	const property = propertyIn(schema, field);
	if (!property) return undefined;
	if (property === baseOf(field)) return schema.properties[property];
	const language = LANGUAGE.exec(baseOf(field))![1].toLowerCase();
	return (
		schema.resolve(schema.properties[property]).properties?.[language] ??
		schema.properties[property]
	);
}

/**
 * The schema a form posts to: the one whose properties the form's fields cover most, provided the
 * form has every property the schema requires, at least half of the form's fields belong to it
 * and they cover at least a third of its properties (a form may carry an id or a confirmation the
 * route reads itself; a schema may have optional fields a form leaves out).
 */
export function schemaOf(fieldNames: string[], schemas: InputSchema[]): InputSchema | undefined {
	const fields = [...new Set(fieldNames.map(baseOf))];
	if (!fields.length) return undefined;
	let best: { schema: InputSchema; covered: number; jaccard: number } | undefined;
	for (const schema of schemas) {
		const mapped = fields.map((f) => propertyIn(schema, f)).filter((p) => p !== undefined);
		const covered = new Set(mapped).size;
		const keys = Object.keys(schema.properties).length;
		if (schema.required.some((k) => !mapped.includes(k))) continue;
		if (mapped.length * 2 < fields.length || covered * 3 < keys) continue;
		const jaccard = covered / (fields.length + keys - covered);
		if (!best || covered > best.covered || (covered === best.covered && jaccard > best.jaccard))
			best = { schema, covered, jaccard };
	}
	return best?.schema;
}
