import { z } from 'zod';
import { contrastWithWhite, formatRatio, HEX_COLOUR, MIN_CONTRAST } from '../../colour';

const colour = z.string().regex(HEX_COLOUR, 'Gebruik een kleurcode als #1f4e79.');

const primaryColour = colour.superRefine((value, ctx) => {
	const ratio = contrastWithWhite(value);
	if (ratio < MIN_CONTRAST) {
		const shown = formatRatio(ratio);
		ctx.addIssue({
			code: 'custom',
			message: `Witte tekst op deze hoofdkleur heeft te weinig contrast (${shown}:1, minstens 4,5:1 nodig). Kies een donkerdere kleur.`
		});
	}
});
export const translatableSchema = z.strictObject({
	nl: z.string().trim().min(1, 'Vul de Nederlandse tekst in.').max(5000),
	en: z.string().trim().max(5000).optional()
});

/** Site settings as data: another partnership runs the platform by changing only these. */
export const siteSettingsSchema = z.strictObject({
	name: z.string().trim().min(1, 'Vul de naam in.').max(120, 'Hoogstens 120 tekens.'),
	tagline: translatableSchema.optional(),
	legalName: z.string().trim().max(200, 'Hoogstens 200 tekens.').optional(),
	address: z.string().trim().max(500, 'Hoogstens 500 tekens.').optional(),
	email: z.email('Vul een geldig e-mailadres in, zoals info@voorbeeld.be.').optional(),
	phone: z.string().trim().max(40, 'Hoogstens 40 tekens.').optional(),
	website: z
		.url({
			protocol: /^https?$/,
			error: 'Vul een volledig webadres in, zoals https://voorbeeld.be.'
		})
		.optional(),
	/** Slug of the organisation that hosts the platform. */
	hostOrganisation: z.string().max(100).optional(),
	colours: z.strictObject({ primary: primaryColour, accent: colour }),
	documentHeader: z.string().trim().max(200, 'Hoogstens 200 tekens.').optional(),
	/** The logo in the public header: a `files` row of purpose 'logo'. */
	logoFileId: z.uuid().optional(),
	/** The licence of the open data (opendata/licence.ts); CC BY 4.0 when unset. */
	openDataLicence: z
		.enum(['cc-by-4.0', 'modellicentie-gratis-hergebruik'], 'Kies een licentie uit de lijst.')
		.optional()
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/**
 * What the settings screen edits. Everything else (the host organisation, the logo, settings
 * other screens own) is kept as stored when it saves.
 */
export const editableSettingsSchema = siteSettingsSchema.pick({
	name: true,
	tagline: true,
	legalName: true,
	address: true,
	email: true,
	phone: true,
	website: true,
	colours: true,
	documentHeader: true,
	openDataLicence: true
});
export const editableSettingsKeys = Object.keys(editableSettingsSchema.shape) as Array<
	keyof typeof editableSettingsSchema.shape
>;

/** The form's field names (dotted paths, so zod's error paths name the field). */
export const settingsFormFields = [
	'name',
	'tagline.nl',
	'tagline.en',
	'legalName',
	'address',
	'email',
	'phone',
	'website',
	'colours.primary',
	'colours.accent',
	'documentHeader',
	'openDataLicence'
] as const;

/**
 * Each colour has a colour picker (`<name>Picker`) and a text field (`<name>`); with JavaScript
 * they stay in step. Without it, the text field wins when it was changed from the value the form
 * showed (`<name>Shown`), otherwise the picker does.
 */
function colourOf(values: Record<string, unknown>, name: string): string {
	const text = String(values[name] ?? '').trim();
	const picker = String(values[`${name}Picker`] ?? '').trim();
	const shown = String(values[`${name}Shown`] ?? '').trim();
	if (!HEX_COLOUR.test(shown) || text.toLowerCase() !== shown.toLowerCase() || !picker) return text;
	return picker;
}

/** Posted form values → the input of editSiteSettings (empty optional fields left out). */
export function settingsFormInput(values: Record<string, unknown>): Record<string, unknown> {
	const text = (name: string) => {
		const v = typeof values[name] === 'string' ? (values[name] as string).trim() : '';
		return v === '' ? undefined : v;
	};
	const taglineNl = text('tagline.nl');
	const taglineEn = text('tagline.en');
	return {
		name: text('name') ?? '',
		tagline: taglineNl || taglineEn ? { nl: taglineNl ?? '', en: taglineEn } : undefined,
		legalName: text('legalName'),
		address: text('address'),
		email: text('email'),
		phone: text('phone'),
		website: text('website'),
		colours: {
			primary: colourOf(values, 'colours.primary'),
			accent: colourOf(values, 'colours.accent')
		},
		documentHeader: text('documentHeader'),
		openDataLicence: text('openDataLicence')
	};
}

/** The same shape for the form and its preview: strings for every field. */
export type SettingsFormValues = Record<(typeof settingsFormFields)[number], string>;

export function formValuesOf(settings: SiteSettings): SettingsFormValues {
	return {
		name: settings.name,
		'tagline.nl': settings.tagline?.nl ?? '',
		'tagline.en': settings.tagline?.en ?? '',
		legalName: settings.legalName ?? '',
		address: settings.address ?? '',
		email: settings.email ?? '',
		phone: settings.phone ?? '',
		website: settings.website ?? '',
		'colours.primary': settings.colours.primary,
		'colours.accent': settings.colours.accent,
		documentHeader: settings.documentHeader ?? '',
		openDataLicence: settings.openDataLicence ?? 'cc-by-4.0'
	};
}

/** Posted values as form strings (for showing them again after a preview or a refusal). */
export function postedFormValues(values: Record<string, unknown>): SettingsFormValues {
	const input = settingsFormInput(values) as {
		colours: { primary: string; accent: string };
	};
	const out = {} as SettingsFormValues;
	for (const f of settingsFormFields) out[f] = typeof values[f] === 'string' ? values[f] : '';
	out['colours.primary'] = input.colours.primary;
	out['colours.accent'] = input.colours.accent;
	return out;
}

/** Field messages for a form input (empty when valid): the preview shows them without saving. */
export function settingsFormProblems(input: unknown): Record<string, string[]> {
	const parsed = editableSettingsSchema.safeParse(input);
	const fields: Record<string, string[]> = {};
	for (const issue of parsed.error?.issues ?? []) {
		(fields[issue.path.join('.') || '_'] ??= []).push(issue.message);
	}
	return fields;
}
