import { openApiDocument } from '$lib/server/api/openapi';
import { translate } from '$lib/i18n';
import type { PageServerLoad } from './$types';

type Param = {
	name: string;
	in: string;
	required?: boolean;
	description?: string;
	schema?: { type?: unknown; enum?: unknown[] };
};

/** A readable reference of the API, derived from the OpenAPI document itself. */
export const load: PageServerLoad = ({ locals }) => {
	const doc = openApiDocument();
	const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
		(['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
			const op = item?.[method];
			if (!op) return [];
			return [
				{
					id: op.operationId ?? `${method} ${path}`,
					method: method.toUpperCase(),
					path: `/api/v1${path}`,
					summary: op.summary ?? '',
					parameters: ((op.parameters ?? []) as Param[]).map((p) => ({
						name: p.name,
						in: p.in,
						required: p.required ?? false,
						type: p.schema?.enum ? p.schema.enum.join(' | ') : String(p.schema?.type ?? ''),
						description: p.description ?? ''
					})),
					responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
						status,
						description: (r as { description?: string }).description ?? ''
					}))
				}
			];
		})
	);
	return {
		operations,
		crumbs: [{ label: translate(locals.locale, 'openData.title') }, { label: 'API' }]
	};
};
