/**
 * Requests from the OpenAPI description: for every operation, path and query parameters and
 * bodies generated from its declared schemas (valid, boundary, hostile, wrong-typed, repeated),
 * with no token, a wrong one, the read token or the observations token.
 */
import fc from 'fast-check';
import { urlOf } from '../../e2e/support/routes';
import { asText, badString, valueFor, type JsonSchema } from './values';
import type { SweepRequest } from './request';

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };
type Operation = {
	parameters?: Parameter[];
	requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
	security?: unknown[];
};
export type OpenApi = {
	servers?: { url: string }[];
	paths: Record<string, Record<string, Operation>>;
	components?: { schemas?: Record<string, JsonSchema> };
};

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** A real value for each path parameter, from the route samples (known records), if there is one. */
function sampleParams(apiPath: string): Record<string, string> {
	const routeId = apiPath.replace(/\{(\w+)\}/g, '[$1]');
	let sample: string;
	try {
		sample = urlOf(routeId);
	} catch {
		return {};
	}
	const names = apiPath.split('/');
	const values = sample.split('/');
	const out: Record<string, string> = {};
	names.forEach((segment, i) => {
		const m = /^\{(\w+)\}$/.exec(segment);
		if (m && values[i]) out[m[1]] = decodeURIComponent(values[i]);
	});
	return out;
}

export type Tokens = { apiToken: string; observationsToken: string };

export function apiTargets(doc: OpenApi, tokens: Tokens) {
	const resolve = (s: JsonSchema): JsonSchema => {
		let current = s;
		for (let i = 0; current?.$ref && i < 10; i++) {
			const name = current.$ref.split('/').pop()!;
			current = doc.components?.schemas?.[name] ?? {};
		}
		return current ?? {};
	};
	const auth = fc.constantFrom<[string, string | null]>(
		['geen token', null],
		['leestoken', `Bearer ${tokens.apiToken}`],
		['observatietoken', `Bearer ${tokens.observationsToken}`],
		['fout token', 'Bearer sp_onzin0000000000000000'],
		['kapotte header', 'Basic ::::']
	);
	const prefix = doc.servers?.[0]?.url ?? '';
	const targets: { name: string; arbitrary: fc.Arbitrary<SweepRequest> }[] = [];
	for (const [apiPath, item] of Object.entries(doc.paths)) {
		for (const method of methods) {
			const op = item[method];
			if (!op) continue;
			const params = [
				...((item as { parameters?: Parameter[] }).parameters ?? []),
				...(op.parameters ?? [])
			];
			const samples = sampleParams(prefix + apiPath);
			const pathParams = params.filter((p) => p.in === 'path');
			const queryParams = params.filter((p) => p.in === 'query');
			const pathArb = fc.record(
				Object.fromEntries(
					pathParams.map((p) => [
						p.name,
						fc.oneof(
							{ arbitrary: fc.constant(samples[p.name] ?? 'bestaat-niet'), weight: 3 },
							{ arbitrary: valueFor(p.schema ?? {}, resolve).map(asText), weight: 2 },
							{ arbitrary: badString, weight: 2 }
						)
					])
				)
			);
			const queryArb = fc.array(
				fc.oneof(
					...(queryParams.length
						? [
								fc
									.constantFrom(...queryParams)
									.chain((p) =>
										valueFor(p.schema ?? {}, resolve).map((v) =>
											Array.isArray(v)
												? v.map((x) => [p.name, asText(x)] as [string, string])
												: [[p.name, asText(v)] as [string, string]]
										)
									)
							]
						: []),
					badString.map((v) => [['onbekend', v] as [string, string]])
				),
				{ maxLength: 5 }
			);
			const schema = op.requestBody?.content?.['application/json']?.schema;
			const bodyArb: fc.Arbitrary<{ type: string; text: string } | undefined> =
				method === 'get'
					? fc.constant(undefined)
					: fc.oneof(
							{
								arbitrary: (schema ? valueFor(schema, resolve) : badStringJson()).map((v) => ({
									type: 'application/json',
									text: JSON.stringify(v) ?? 'null'
								})),
								weight: 6
							},
							{
								arbitrary: badString.map((text) => ({ type: 'application/json', text })),
								weight: 2
							},
							{ arbitrary: badString.map((text) => ({ type: 'text/plain', text })), weight: 1 },
							{
								arbitrary: fc.constant({
									type: 'application/json',
									text: `[${'1,'.repeat(200_000)}1]`
								}),
								weight: 1
							},
							{ arbitrary: fc.constant(undefined), weight: 1 }
						);
			targets.push({
				name: `${method.toUpperCase()} ${apiPath}`,
				arbitrary: fc
					.record({ path: pathArb, query: queryArb, body: bodyArb, auth })
					.map(({ path, query, body, auth: [authName, header] }) => {
						const url =
							prefix +
							apiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
								// A lone surrogate cannot be percent-encoded: as UTF-8 it becomes U+FFFD.
								encodeURIComponent(Buffer.from(path[name] ?? '', 'utf8').toString('utf8'))
							);
						const headers: Record<string, string> = { accept: 'application/json' };
						if (header) headers.authorization = header;
						if (body) headers['content-type'] = body.type;
						return {
							persona: 'anonymous',
							method: method.toUpperCase(),
							url: url + (query.length ? `?${new URLSearchParams(query.flat()).toString()}` : ''),
							headers,
							body: body?.text,
							summary: `${authName}${body ? `, body ${body.text.length} tekens: ${body.text.slice(0, 120)}` : ''}`
						} satisfies SweepRequest;
					})
			});
		}
	}
	return targets;
}

const badStringJson = () => fc.dictionary(fc.string({ maxLength: 8 }), badString, { maxKeys: 4 });
