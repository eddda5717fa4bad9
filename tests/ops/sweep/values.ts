/**
 * fast-check arbitraries for the bad-input sweep: valid, boundary, over-long, wrong-typed and
 * hostile values, from a JSON schema (the OpenAPI description) or from an HTML input's attributes.
 */
import fc from 'fast-check';

/** Strings an attacker or a broken client sends. None contains what the stack-trace check looks for. */
export const hostileStrings = [
	"' OR '1'='1",
	"'; drop table users; --",
	'1; select pg_sleep(0)',
	'"><script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'%s%s%s%n%x',
	'{{7*7}}${7*7}<%= 7*7 %>',
	'\u0000',
	'a\u0000b',
	'\u202eevil\u202c',
	'\u200f\u05e9\u05dc\u05d5\u05dd',
	'👩‍👩‍👧‍👦🏳️‍🌈',
	'\ud800',
	'\ufeff',
	'../../../../etc/passwd',
	'..%2f..%2f',
	'%00',
	'%',
	'%%',
	'\\',
	'NaN',
	'Infinity',
	'-Infinity',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'1e309',
	'-1',
	'0',
	'-0',
	'99999999999999999999999999',
	'2147483648',
	'-9223372036854775809',
	'0x10',
	'1.5',
	'2024-02-30',
	'2024-13-01',
	'9999-12-31T23:59:59Z',
	'0000-00-00',
	'00000000-0000-0000-0000-000000000000',
	'00000000-0000-4000-8000-00000000000g',
	'  ',
	'\r\n\r\n',
	'a\r\nSet-Cookie: x=1',
	'<!--',
	']]>',
	'`'
];

const longString = fc.oneof(
	fc.constant('x'.repeat(10_001)),
	fc.constant('é'.repeat(10_001)),
	fc.constant('<b>'.repeat(5_000)),
	fc.nat({ max: 3 }).map((n) => 'ab'.repeat(5_001 + n * 20_000))
);

const weirdNumber = fc.oneof(
	fc.integer().map(String),
	fc.double().map(String),
	fc.constantFrom('NaN', '1e309', '-1', '99999999999999999999999', '-0', '0.0000001', '1,5')
);

/** Any string: printable, full Unicode, hostile or over-long. */
export const badString: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(...hostileStrings), weight: 4 },
	{ arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
	{ arbitrary: longString, weight: 1 },
	{ arbitrary: weirdNumber, weight: 2 }
);

/** A JSON value of the wrong shape: arrays where scalars are expected, objects, huge numbers… */
export const badJson: fc.Arbitrary<unknown> = fc.oneof(
	badString,
	fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
	fc.array(badString, { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 8 }), badString, { maxKeys: 3 }),
	fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } })
);

type JsonSchema = {
	type?: string | string[];
	format?: string;
	enum?: unknown[];
	const?: unknown;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	items?: JsonSchema;
	minItems?: number;
	maxItems?: number;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	allOf?: JsonSchema[];
	$ref?: string;
	default?: unknown;
};

/** A value the schema accepts (as far as a simple reading of it goes). */
function validValue(
	schema: JsonSchema,
	resolve: (s: JsonSchema) => JsonSchema,
	depth: number
): fc.Arbitrary<unknown> {
	const s = resolve(schema);
	if (s.const !== undefined) return fc.constant(s.const);
	if (s.enum) return fc.constantFrom(...s.enum);
	const variants = s.anyOf ?? s.oneOf;
	if (variants?.length) return fc.oneof(...variants.map((v) => validValue(v, resolve, depth + 1)));
	if (s.allOf?.length)
		return validValue(Object.assign({}, ...s.allOf.map(resolve)), resolve, depth + 1);
	const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
	switch (type) {
		case 'integer':
			return fc.integer({
				min: Math.max(s.minimum ?? -1e6, -(2 ** 31)),
				max: Math.min(s.maximum ?? 1e6, 2 ** 31 - 1)
			});
		case 'number':
			return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
		case 'boolean':
			return fc.boolean();
		case 'array':
			return depth > 3
				? fc.constant([])
				: fc.array(validValue(s.items ?? {}, resolve, depth + 1), {
						minLength: s.minItems ?? 0,
						maxLength: Math.min(s.maxItems ?? 4, 4)
					});
		case 'object': {
			if (depth > 3 || !s.properties) return fc.constant({});
			const required = new Set(s.required ?? []);
			const entries = Object.entries(s.properties).map(
				([k, v]) =>
					[
						k,
						required.has(k)
							? validValue(v, resolve, depth + 1)
							: fc.option(validValue(v, resolve, depth + 1), { nil: undefined })
					] as const
			);
			return fc
				.record(Object.fromEntries(entries))
				.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
		}
		default:
			return stringFor(s);
	}
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
	switch (s.format) {
		case 'uuid':
			return fc.uuid();
		case 'date':
			return fc
				.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
				.map((d) => d.toISOString().slice(0, 10));
		case 'date-time':
			return fc
				.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
				.map((d) => d.toISOString());
		case 'email':
			return fc.emailAddress();
		case 'uri':
			return fc.webUrl();
	}
	if (s.pattern) {
		try {
			return fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 200));
		} catch {
			/* a pattern JavaScript cannot read: fall through */
		}
	}
	return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60) });
}

/** Just outside what the schema accepts: one past a bound, the empty string, a wrong type. */
function boundaryValue(
	schema: JsonSchema,
	resolve: (s: JsonSchema) => JsonSchema
): fc.Arbitrary<unknown> {
	const s = resolve(schema);
	const out: unknown[] = ['', null];
	if (s.minimum !== undefined) out.push(s.minimum - 1, s.minimum);
	if (s.maximum !== undefined) out.push(s.maximum + 1, s.maximum);
	if (s.maxLength !== undefined) out.push('y'.repeat(s.maxLength + 1));
	if (s.minLength) out.push('y'.repeat(s.minLength - 1));
	if (s.maxItems !== undefined) out.push(Array.from({ length: s.maxItems + 1 }, () => 'z'));
	return fc.constantFrom(...out);
}

/** Valid, boundary or bad — weighted so that a good share gets past the first validation. */
export function valueFor(
	schema: JsonSchema,
	resolve: (s: JsonSchema) => JsonSchema
): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ arbitrary: validValue(schema, resolve, 0), weight: 4 },
		{ arbitrary: boundaryValue(schema, resolve), weight: 2 },
		{ arbitrary: badJson, weight: 3 }
	);
}

/** A value as it travels in a URL or a form field. */
export const asText = (v: unknown): string =>
	typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v));

export type { JsonSchema };
