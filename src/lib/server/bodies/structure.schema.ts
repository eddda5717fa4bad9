import { z } from 'zod';
import { bodyKinds } from '../db/schema';
import { translatableSchema } from '../settings/settings.schema';
import { blankToUndefined, optionalUuid } from './memberships.schema';

const uuidList = (message: string) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(z.uuid(message))
	);
const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());

/** A body as staff create and edit it (strict: unknown fields are refused). */
export const bodyInput = z.strictObject({
	slug: z
		.string()
		.trim()
		.min(2, 'Een slug heeft minstens 2 tekens.')
		.max(100, 'Een slug heeft hoogstens 100 tekens.')
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en koppeltekens.')
		// /beheer/organen/nieuw is the form for a new body.
		.refine((s) => s !== 'nieuw', 'Deze slug is voorbehouden.'),
	kind: z.enum(bodyKinds, 'Kies een soort orgaan.'),
	name: translatableSchema,
	shortName: optionalText(40),
	purpose: translatableSchema.optional(),
	regionId: optionalUuid('Ongeldige regio.'),
	partOfId: optionalUuid('Ongeldig orgaan.'),
	reportsTo: uuidList('Ongeldig orgaan.').optional(),
	advises: uuidList('Ongeldig orgaan.').optional(),
	policyDomainIds: uuidList('Ongeldig beleidsdomein.').optional(),
	contact: z
		.strictObject({
			email: z.preprocess(blankToUndefined, z.email('Ongeldig e-mailadres.').optional()),
			phone: optionalText(40),
			address: optionalText(500),
			website: z.preprocess(
				blankToUndefined,
				z.url({ protocol: /^https?$/, error: 'Geef een volledig webadres (https://…).' }).optional()
			)
		})
		.optional(),
	quorum: z.preprocess(
		blankToUndefined,
		z.coerce
			.number('Geef een getal.')
			.int('Geef een geheel getal.')
			.min(1, 'Het quorum is minstens 1.')
			.max(1000, 'Het quorum is hoogstens 1000.')
			.optional()
	)
});
export type BodyInput = z.infer<typeof bodyInput>;

/** The body form's flat fields (nameNl, contactEmail, …) as the service input. */
export function bodyFromForm(values: Record<string, unknown>): unknown {
	const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
	const translatable = (nl: string, en: string) =>
		text(nl).trim() || text(en).trim()
			? { nl: text(nl), ...(text(en).trim() ? { en: text(en) } : {}) }
			: undefined;
	return {
		slug: values.slug,
		kind: values.kind,
		name: translatable('nameNl', 'nameEn') ?? { nl: '' },
		shortName: values.shortName,
		purpose: translatable('purposeNl', 'purposeEn'),
		regionId: values.regionId,
		partOfId: values.partOfId,
		reportsTo: values.reportsTo,
		advises: values.advises,
		policyDomainIds: values.policyDomainIds,
		contact: {
			email: values.contactEmail,
			phone: values.contactPhone,
			address: values.contactAddress,
			website: values.contactWebsite
		},
		quorum: values.quorum
	};
}

export const bodyWorkspaceQuery = z.strictObject({
	q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'Hoogstens 200 tekens.').optional()),
	regionId: optionalUuid('Ongeldige regio.'),
	archived: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()).default(false)
});
