/**
 * Requests from the forms: every `<form method="post">` on the pages a persona reaches, with
 * generated submissions. Field values come from the service's zod schema the form posts to
 * (schemas.ts: valid, one past a bound, wrong-typed) and from the input's own attributes (type,
 * required, min/max, minlength/maxlength, pattern, the options of a select, a hidden field's
 * value), plus hostile variants, missing, repeated and extra fields (among them the schema's
 * fields the form does not show), and junk files.
 */
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { asText, badString, hostileStrings, valueFor } from './values';
import { fieldSchema, propertyIn, type InputSchema } from './schemas';
import type { Persona, SweepRequest } from './request';

export type Field = {
	name: string;
	tag: string;
	type: string;
	value: string;
	required: boolean;
	min?: string;
	max?: string;
	minlength?: number;
	maxlength?: number;
	pattern?: string;
	options: string[];
};
export type Form = {
	persona: Persona;
	page: string;
	action: string;
	multipart: boolean;
	fields: Field[];
	/** The service's input schema the form posts to, when one matches (schemas.ts). */
	schema?: InputSchema;
};

/**
 * Actions the sweep leaves alone, so that it keeps its sessions, tokens and personas (and does
 * not throw away the records it is posting to): signing out, ending sessions or memberships,
 * revoking tokens, erasing or anonymising people, changing roles, deleting, archiving, cancelling,
 * running the scheduled jobs by hand.
 */
export const skipped =
	/\/uitloggen|[?&/](?:revoke|requestErasure|endSession|endOtherSessions|disableTwoFactor|anonymise|role|delete\w*|remove\w*|end[A-Z]\w*|archive\w*|cancel|deleteDraft|unlink|close|run|locale)(?:$|[&/])/;

export function parseForms(html: string, page: string, persona: Persona): Form[] {
	const doc = parseDocument(html);
	const forms = DomUtils.findAll(
		(e) => e.name === 'form' && (e.attribs.method ?? 'get').toLowerCase() === 'post',
		doc.children
	);
	return forms.map((form) => {
		const fields = DomUtils.findAll(
			(e) => ['input', 'select', 'textarea', 'button'].includes(e.name) && !!e.attribs.name,
			form.children
		)
			.filter((e) => e.name !== 'button' || e.attribs.type !== 'button')
			.map((e) => fieldOf(e));
		const action = new URL(form.attribs.action ?? '', `http://x${page}`);
		return {
			persona,
			page,
			action: action.pathname + action.search,
			multipart:
				(form.attribs.enctype ?? '').includes('multipart') || fields.some((f) => f.type === 'file'),
			fields
		};
	});
}

function fieldOf(e: Element): Field {
	const a = e.attribs;
	const num = (v?: string) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
	return {
		name: a.name,
		tag: e.name,
		type: e.name === 'input' ? (a.type ?? 'text').toLowerCase() : e.name,
		value: e.name === 'textarea' ? DomUtils.textContent(e) : (a.value ?? ''),
		required: 'required' in a,
		min: a.min,
		max: a.max,
		minlength: num(a.minlength),
		maxlength: num(a.maxlength),
		pattern: a.pattern,
		options:
			e.name === 'select'
				? DomUtils.findAll((o) => o.name === 'option', e.children).map(
						(o) => o.attribs.value ?? DomUtils.textContent(o)
					)
				: []
	};
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateArb = fc.date({
	min: new Date('1990-01-01'),
	max: new Date('2060-01-01'),
	noInvalidDate: true
});

/** A value the input itself would accept. */
function validValue(f: Field): fc.Arbitrary<string> {
	if (f.options.length) return fc.constantFrom(...f.options);
	switch (f.type) {
		case 'hidden':
		case 'submit':
		case 'button':
		case 'radio':
			return fc.constant(f.value);
		case 'checkbox':
			return fc.constant(f.value || 'on');
		case 'email':
			return fc.emailAddress();
		case 'url':
			return fc.webUrl();
		case 'number':
		case 'range': {
			const min = Number(f.min ?? -1000);
			const max = Number(f.max ?? 100000);
			return fc
				.integer({
					min: Number.isFinite(min) ? min : -1000,
					max: Number.isFinite(max) ? max : 100000
				})
				.map(String);
		}
		case 'date':
			return dateArb.map(isoDate);
		case 'datetime-local':
			return dateArb.map((d) => d.toISOString().slice(0, 16));
		case 'time':
			return fc
				.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
				.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
		case 'month':
			return dateArb.map((d) => d.toISOString().slice(0, 7));
		case 'password':
			return fc.string({ minLength: f.minlength ?? 12, maxLength: 40 });
	}
	if (f.pattern) {
		try {
			return fc.stringMatching(new RegExp(`^(?:${f.pattern})$`));
		} catch {
			/* not a JavaScript pattern */
		}
	}
	return fc.string({
		minLength: f.minlength ?? (f.required ? 1 : 0),
		maxLength: Math.min(f.maxlength ?? 40, 200)
	});
}

/** One past the input's bounds. */
function boundaryValue(f: Field): fc.Arbitrary<string> {
	const out = [''];
	if (f.min !== undefined)
		out.push(/^-?\d+$/.test(f.min) ? String(Number(f.min) - 1) : '1899-12-31');
	if (f.max !== undefined)
		out.push(/^-?\d+$/.test(f.max) ? String(Number(f.max) + 1) : '9999-12-31');
	if (f.maxlength !== undefined) out.push('m'.repeat(f.maxlength + 1));
	if (f.minlength) out.push('m'.repeat(f.minlength - 1));
	return fc.constantFrom(...out);
}

type Entry = [string, string | Blob];

const junkFile = fc.oneof(
	fc.uint8Array({ maxLength: 2048 }).map((b) => new Blob([b]) as Blob),
	fc.constant(
		new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])])
	),
	fc.constant(new Blob(['%PDF-1.4\n%%EOF'])),
	fc.constant(new Blob(['PK\u0003\u0004 not a zip'])),
	fc.constant(
		new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'])
	),
	fc.constant(new Blob(['nis;jaar;waarde\n"24062;2024;\u0000\n'])),
	fc.constant(new Blob([]))
);
const fileName = fc.constantFrom(
	'a.png',
	'../../etc/passwd',
	'x'.repeat(300) + '.pdf',
	'file\u0000.csv',
	'rapport.xlsx',
	''
);

/** A value from the zod schema's field, as text in a form field. */
function schemaValue(schema: InputSchema, field: string): fc.Arbitrary<string> {
	return valueFor(fieldSchema(schema, field)!, schema.resolve).map(asText);
}

function fieldEntries(f: Field, schema?: InputSchema): fc.Arbitrary<Entry[]> {
	if (f.type === 'file')
		return fc.oneof(
			fc
				.tuple(junkFile, fileName)
				.map(([blob, name]) => [[f.name, new File([blob], name)]] as Entry[]),
			fc.constant([] as Entry[]),
			badString.map((v) => [[f.name, v]] as Entry[])
		);
	const fromSchema = schema && fieldSchema(schema, f.name) ? [schemaValue(schema, f.name)] : [];
	const one = fc.oneof(
		{ arbitrary: validValue(f), weight: fromSchema.length ? 3 : 6 },
		...fromSchema.map((arbitrary) => ({ arbitrary, weight: 4 })),
		{ arbitrary: boundaryValue(f), weight: 1 },
		{ arbitrary: badString, weight: 3 }
	);
	return fc.oneof(
		{ arbitrary: one.map((v) => [[f.name, v]] as Entry[]), weight: 10 },
		{ arbitrary: fc.constant([] as Entry[]), weight: 1 },
		{
			arbitrary: fc.tuple(one, one).map(
				([a, b]) =>
					[
						[f.name, a],
						[f.name, b]
					] as Entry[]
			),
			weight: 1
		}
	);
}

export function formTarget(
	form: Form,
	origin: string
): { name: string; arbitrary: fc.Arbitrary<SweepRequest> } {
	// Radio groups and submit buttons with one name: one entry each, chosen among their values.
	const byName = new Map<string, Field[]>();
	for (const f of form.fields) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
	const groups = [...byName.values()].map((fields) =>
		fields.length > 1 &&
		fields.every((f) => ['radio', 'submit', 'checkbox', 'hidden'].includes(f.type))
			? fc.constantFrom(...fields).chain((f) => fieldEntries(f, form.schema))
			: fc.tuple(...fields.map((f) => fieldEntries(f, form.schema))).map((e) => e.flat())
	);
	// The schema's fields the form does not show (a hand-made request may send them).
	const shown = new Set(
		form.schema ? [...byName.keys()].map((f) => propertyIn(form.schema!, f)) : []
	);
	const unseen = Object.keys(form.schema?.properties ?? {}).filter((k) => !shown.has(k));
	const extra = fc.array(
		fc.oneof(
			fc.tuple(
				fc.constantFrom('extra', '__proto__', 'id', 'revision', 'role', 'isAdmin', '', 'a[]'),
				badString
			),
			...(unseen.length
				? [
						fc
							.constantFrom(...unseen)
							.chain((k) => fc.tuple(fc.constant(k), schemaValue(form.schema!, k)))
					]
				: [])
		),
		{ maxLength: 2 }
	);
	return {
		name: `POST ${form.action} (${form.persona})`,
		arbitrary: fc
			.record({
				entries: groups.length ? fc.tuple(...groups) : fc.constant([] as Entry[][]),
				extra,
				encoding: fc.constantFrom('native', 'native', 'native', 'other', 'json'),
				enhanced: fc.boolean(),
				origin: fc.constantFrom(
					origin,
					origin,
					origin,
					origin,
					origin,
					origin,
					origin,
					'http://evil.example',
					''
				)
			})
			.map(({ entries, extra, encoding, enhanced, origin: o }) => {
				const all = [...entries.flat(), ...(extra as Entry[])];
				const multipart =
					encoding === 'native' ? form.multipart : encoding === 'other' ? !form.multipart : false;
				const headers: Record<string, string> = {
					accept: enhanced ? 'application/json' : 'text/html'
				};
				if (enhanced) headers['x-sveltekit-action'] = 'true';
				if (o) headers.origin = o;
				let body: SweepRequest['body'];
				if (encoding === 'json') {
					headers['content-type'] = 'application/json';
					body = JSON.stringify(
						Object.fromEntries(all.map(([k, v]) => [k, typeof v === 'string' ? v : 'file']))
					);
				} else if (multipart) {
					const fd = new FormData();
					for (const [k, v] of all) fd.append(k, v);
					body = fd;
				} else {
					headers['content-type'] = 'application/x-www-form-urlencoded';
					body = new URLSearchParams(
						all.map(([k, v]) => [k, typeof v === 'string' ? v : hostileStrings[0]])
					).toString();
				}
				return {
					persona: form.persona,
					method: 'POST',
					url: form.action,
					headers,
					body,
					summary: `formulier op ${form.page}, ${encoding}${enhanced ? ', enhanced' : ''}${o === origin ? '' : `, origin ${o || 'geen'}`}`
				};
			})
	};
}
