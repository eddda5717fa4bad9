/**
 * The services' zod input schemas as JSON Schema, and which schema a form posts to.
 *
 * Every `*.schema.ts` module under `src/lib/server` is loaded and each exported zod object schema
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

/** The exported zod object schemas of every domain's `*.schema.ts`. */
export async function inputSchemas(): Promise<InputSchema[]> {
	const dir = path.join(root, 'src/lib/server');
	const files = (fs.readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.schema.ts'))
		.sort();
	const out: InputSchema[] = [];
	for (const file of files) {
		const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
		for (const [name, exported] of Object.entries(mod)) {
			// A schema made per locale (`contactSchema(locale)`): its Dutch one.
			const value =
				typeof exported === 'function' && /Schema$/.test(name) && exported.length === 1
					? (exported as (locale: string) => unknown)('nl')
					: exported;
			if (!(value instanceof z.ZodType)) continue;
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

/** The field name's schema property: `tolerances.onTrack` and `ids[]` belong to `tolerances`, `ids`. */
export const propertyOf = (field: string) => field.split(/[.[]/)[0];

/**
 * The schema a form posts to: the one sharing the most field names with it, provided the form has
 * every property the schema requires, and the shared names are at least half of the form's fields
 * and a third of the schema's properties (a form may carry an id or a confirmation the route reads
 * itself; a schema may have optional fields a form leaves out).
 */
export function schemaOf(fieldNames: string[], schemas: InputSchema[]): InputSchema | undefined {
	const fields = new Set(fieldNames.map(propertyOf));
	if (!fields.size) return undefined;
	let best: { schema: InputSchema; common: number; jaccard: number } | undefined;
	for (const schema of schemas) {
		const keys = Object.keys(schema.properties);
		const common = keys.filter((k) => fields.has(k)).length;
		if (schema.required.some((k) => !fields.has(k))) continue;
		if (common * 2 < fields.size || common * 3 < keys.length) continue;
		const jaccard = common / (fields.size + keys.length - common);
		if (!best || common > best.common || (common === best.common && jaccard > best.jaccard))
			best = { schema, common, jaccard };
	}
	return best?.schema;
}
