import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import { organisationKinds } from '../db/schema';
import { translatableSchema } from '../settings/settings.schema';

const slug = z
	.string()
	.trim()
	.min(2, 'Een slug heeft minstens 2 tekens.')
	.max(100, 'Een slug heeft hoogstens 100 tekens.')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en koppeltekens.');

/** Input to create an organisation (strict: unknown fields are refused). */
export const organisationInput = z.strictObject({
	slug,
	kind: z.enum(organisationKinds, 'Kies een soort organisatie.'),
	name: translatableSchema,
	shortName: z.string().trim().max(40).optional(),
	description: translatableSchema.optional(),
	areaId: z.uuid('Ongeldig gebied.').optional(),
	website: z
		.url({ protocol: /^https?$/, error: 'Geef een volledig webadres (https://…).' })
		.optional()
});
export type OrganisationInput = z.infer<typeof organisationInput>;
export const organisationPatch = organisationInput.partial();

/** An organisation as the API shows it. */
export const organisationOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		kind: z.enum(organisationKinds),
		name: translatableOut,
		shortName: z.string().nullable(),
		areaId: z.uuid().nullable(),
		website: z.string().nullable()
	})
	.meta({ id: 'Organisation' });
export type OrganisationOut = z.infer<typeof organisationOut>;

export const organisationListQuery = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	kind: z.enum(organisationKinds).optional()
});

export const organisationWorkspaceQuery = z.strictObject({
	q: z.string().trim().max(200, 'Hoogstens 200 tekens.').optional(),
	kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(organisationKinds).optional()),
	archived: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()).default(false),
	page: z.coerce.number().int().min(1).max(10_000).default(1),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

/** The organisation form's flat fields (nameNl, nameEn, …) as the service input. */
export function organisationFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const text = (key: string) =>
		typeof values[key] === 'string' ? (values[key] as string).trim() : '';
	const out: Record<string, unknown> = {
		slug: values.slug,
		kind: values.kind,
		name: { nl: text('nameNl'), ...(text('nameEn') ? { en: text('nameEn') } : {}) }
	};
	if (text('shortName')) out.shortName = text('shortName');
	if (text('descriptionNl')) out.description = { nl: text('descriptionNl') };
	if (text('areaId')) out.areaId = text('areaId');
	if (text('website')) out.website = text('website');
	return out;
}
