import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Gebruik een kleurcode als #1f4e79.');
export const translatableSchema = z.strictObject({
	nl: z.string().trim().min(1, 'Vul de Nederlandse tekst in.').max(5000),
	en: z.string().trim().max(5000).optional()
});

/** Site settings as data: another partnership runs the platform by changing only these. */
export const siteSettingsSchema = z.strictObject({
	name: z.string().trim().min(1).max(120),
	tagline: translatableSchema.optional(),
	legalName: z.string().trim().max(200).optional(),
	address: z.string().trim().max(500).optional(),
	email: z.email().optional(),
	phone: z.string().trim().max(40).optional(),
	website: z.url().optional(),
	/** Slug of the organisation that hosts the platform. */
	hostOrganisation: z.string().max(100).optional(),
	colours: z.strictObject({ primary: colour, accent: colour }),
	documentHeader: z.string().trim().max(200).optional()
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
