import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import { aggregationRules, indicatorDirections } from '../db/schema';
import { translatableSchema } from '../settings/settings.schema';

export const CODE_MESSAGE =
	'De code bestaat uit kleine letters, cijfers, _ . of -, zonder spaties.';

const indicatorCode = z
	.string(CODE_MESSAGE)
	.trim()
	.min(1, 'Vul een code in.')
	.max(100, 'Een code heeft hoogstens 100 tekens.')
	.regex(/^[a-z0-9][a-z0-9_.-]*$/, CODE_MESSAGE);

const text = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional();

const number = (message: string) => z.number(message).finite(message);

/** The domains the example data and the Streekfoto use; others are allowed. */
export const knownDomains: Record<string, string> = {
	demografie: 'Demografie',
	arbeidsmarkt: 'Arbeidsmarkt',
	arbeidsaanbod: 'Arbeidsaanbod',
	ondernemerschap: 'Ondernemerschap',
	werkgelegenheid: 'Werkgelegenheid',
	jobs: 'Jobs',
	pendel: 'Pendel'
};

export const domainLabel = (domain: string) =>
	knownDomains[domain] ?? domain.charAt(0).toUpperCase() + domain.slice(1).replace(/[_-]/g, ' ');

export const directionLabels: Record<(typeof indicatorDirections)[number], string> = {
	higher_better: 'Hoger is beter',
	lower_better: 'Lager is beter',
	neutral: 'Neutraal'
};

export const aggregationLabels: Record<(typeof aggregationRules)[number], string> = {
	sum: 'Som van de gemeenten',
	weighted_mean: 'Gewogen gemiddelde',
	ratio: 'Verhouding van twee sommen',
	none: 'Niet optelbaar'
};

const fields = {
	name: translatableSchema,
	definition: translatableSchema.optional(),
	unit: z
		.string('Vul een eenheid in.')
		.trim()
		.min(1, 'Vul een eenheid in (bijvoorbeeld %, aantal, EUR).')
		.max(40, 'Hoogstens 40 tekens.'),
	decimals: z
		.number('Het aantal decimalen is een geheel getal van 0 tot 6.')
		.int('Het aantal decimalen is een geheel getal van 0 tot 6.')
		.min(0, 'Het aantal decimalen is een geheel getal van 0 tot 6.')
		.max(6, 'Het aantal decimalen is een geheel getal van 0 tot 6.')
		.default(0),
	minValue: number('De minimumwaarde is een getal.').optional(),
	maxValue: number('De maximumwaarde is een getal.').optional(),
	sourceOrganisation: text(200),
	sourceDataset: text(200),
	sourceUrl: z
		.url({ protocol: /^https?$/, error: 'Vul een volledig webadres in (https://…).' })
		.optional(),
	licence: text(200),
	direction: z.enum(indicatorDirections, 'Kies wat beter is.').default('neutral'),
	domain: z
		.string('Vul een domein in.')
		.trim()
		.min(1, 'Vul een domein in.')
		.max(60, 'Hoogstens 60 tekens.')
		.regex(/^[a-z0-9][a-z0-9_-]*$/, 'Het domein bestaat uit kleine letters, cijfers, _ of -.'),
	aggregation: z.enum(aggregationRules, 'Kies hoe de indicator optelt.').default('none'),
	/** Codes of the indicators the rule uses. */
	weight: indicatorCode.optional(),
	numerator: indicatorCode.optional(),
	denominator: indicatorCode.optional(),
	multiplier: number('De vermenigvuldiger is een getal.')
		.positive('De vermenigvuldiger is groter dan 0.')
		.default(1),
	position: z.number().int().min(0).max(100_000).default(0)
};

type Rule = {
	code?: string;
	aggregation: string;
	weight?: string;
	numerator?: string;
	denominator?: string;
	minValue?: number;
	maxValue?: number;
};

/** The checks across fields; `selfCode` is the indicator's own code (for edits). */
export function checkRule(value: Rule, ctx: z.RefinementCtx, selfCode = value.code) {
	if (
		value.minValue !== undefined &&
		value.maxValue !== undefined &&
		value.minValue > value.maxValue
	)
		ctx.addIssue({
			code: 'custom',
			path: ['maxValue'],
			message: 'De maximumwaarde mag niet kleiner zijn dan de minimumwaarde.'
		});
	if (value.aggregation === 'ratio') {
		if (!value.numerator)
			ctx.addIssue({
				code: 'custom',
				path: ['numerator'],
				message:
					'Een verhouding heeft een teller nodig: kies de indicator die boven de deelstreep staat.'
			});
		if (!value.denominator)
			ctx.addIssue({
				code: 'custom',
				path: ['denominator'],
				message:
					'Een verhouding heeft een noemer nodig: kies de indicator die onder de deelstreep staat.'
			});
	}
	if (value.aggregation === 'weighted_mean' && !value.weight)
		ctx.addIssue({
			code: 'custom',
			path: ['weight'],
			message: 'Een gewogen gemiddelde heeft een gewicht nodig (bijvoorbeeld de bevolking).'
		});
	for (const key of ['weight', 'numerator', 'denominator'] as const) {
		if (selfCode && value[key] === selfCode)
			ctx.addIssue({
				code: 'custom',
				path: [key],
				message: 'Een indicator kan niet naar zichzelf verwijzen.'
			});
	}
}

/** Input to create an indicator (strict: unknown fields are refused). */
export const indicatorInput = z
	.strictObject({ code: indicatorCode, ...fields })
	.superRefine((v, ctx) => checkRule(v, ctx));
export type IndicatorInput = z.infer<typeof indicatorInput>;

/** Input to change an indicator: everything but its code (the code is its address). */
export const indicatorUpdate = z.strictObject(fields);
export type IndicatorUpdate = z.infer<typeof indicatorUpdate>;

/** The indicator form's flat fields (nameNl, definitionNl, decimals as text, …) as input. */
export function indicatorFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const str = (key: string) =>
		typeof values[key] === 'string' ? (values[key] as string).trim() : '';
	const num = (key: string) => {
		const s = str(key).replace(/\s/g, '').replace(',', '.');
		if (s === '') return undefined;
		const n = Number(s);
		return Number.isFinite(n) ? n : s;
	};
	const out: Record<string, unknown> = {
		name: { nl: str('nameNl'), ...(str('nameEn') ? { en: str('nameEn') } : {}) },
		unit: str('unit'),
		domain: str('domain'),
		direction: str('direction') || undefined,
		aggregation: str('aggregation') || undefined
	};
	if ('code' in values) out.code = str('code');
	if (str('definitionNl'))
		out.definition = {
			nl: str('definitionNl'),
			...(str('definitionEn') ? { en: str('definitionEn') } : {})
		};
	for (const key of ['decimals', 'minValue', 'maxValue', 'multiplier', 'position'])
		if (num(key) !== undefined) out[key] = num(key);
	for (const key of [
		'sourceOrganisation',
		'sourceDataset',
		'sourceUrl',
		'licence',
		'weight',
		'numerator',
		'denominator'
	])
		if (str(key)) out[key] = str(key);
	return out;
}

/** An indicator as the API shows it. */
export const indicatorOut = z
	.object({
		code: z.string(),
		name: translatableOut,
		definition: translatableOut.nullable(),
		unit: z.string(),
		decimals: z.number().int(),
		minValue: z.number().nullable(),
		maxValue: z.number().nullable(),
		source: z.object({
			organisation: z.string().nullable(),
			dataset: z.string().nullable(),
			url: z.string().nullable()
		}),
		licence: z.string().nullable(),
		direction: z.enum(indicatorDirections),
		domain: z.string(),
		aggregation: z.object({
			rule: z.enum(aggregationRules),
			weight: z.string().nullable(),
			numerator: z.string().nullable(),
			denominator: z.string().nullable(),
			multiplier: z.number()
		}),
		isExample: z.boolean().meta({ description: 'Example data, not real figures.' })
	})
	.meta({ id: 'Indicator' });
export type IndicatorOut = z.infer<typeof indicatorOut>;
