/**
 * Inputs of the plan write side (plans.service.ts), as forms and the services receive them:
 * strings from forms are coerced (numbers with a decimal comma, checkboxes, blank = absent).
 * Strict objects; every message in Dutch.
 */
import { z } from 'zod';
import {
	blankToUndefined,
	checkbox,
	dateString,
	optionalDate,
	optionalUuid
} from '../bodies/memberships.schema';
import { planItemKinds, reminderSchedules, trackStatusValues, trajectories } from '../db/schema';
import { parsePeriod } from '../monitor/periods';

export const messages = {
	owner: 'Kies het orgaan of de regio die het plan draagt.',
	periodEnd: 'Het einde van de planperiode kan niet vóór het begin liggen.',
	weight: 'Het gewicht kan niet negatief zijn.',
	progress: 'De voortgang is een geheel getal van 0 tot 100 %.',
	dueDate: 'De einddatum kan niet vóór de startdatum liggen.',
	budget: 'Een budget kan niet negatief zijn.',
	targetPeriod: 'De doelperiode moet na de basisperiode beginnen.',
	period: 'Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.',
	intermediate: 'Een tussendoel ligt tussen de basisperiode en de doelperiode.',
	overrideReason: 'Geef de reden waarom u de status met de hand vastlegt.',
	tolerance: 'Een tolerantie is een getal van 0 tot 100.',
	externalId: 'Een id bestaat uit letters, cijfers, punten, _ of - (bijvoorbeeld D1.2).'
} as const;

const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());
const requiredText = (max: number, message: string) =>
	z.string(message).trim().min(1, message).max(max, `Hoogstens ${max} tekens.`);

/** A number as a form writes it ("1 234,5"); blank is absent. */
const toNumber = (v: unknown) => {
	if (typeof v !== 'string') return v;
	const s = v.trim().replace(/[\s\u00a0]/g, '');
	if (s === '') return undefined;
	const n = Number(s.replace(',', '.'));
	return Number.isNaN(n) ? v : n;
};
const decimal = (message: string) => z.number(message).finite(message);
const numberField = (message: string) => z.preprocess(toNumber, decimal(message));
const optionalNumber = <T extends z.ZodType>(schema: T) =>
	z.preprocess(toNumber, schema.optional());

const weight = z.preprocess(
	toNumber,
	decimal('Het gewicht is een getal.')
		.min(0, messages.weight)
		.max(1000, 'Hoogstens 1000.')
		.default(1)
);
const externalId = z.preprocess(
	blankToUndefined,
	z
		.string(messages.externalId)
		.trim()
		.max(40, 'Een id heeft hoogstens 40 tekens.')
		.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, messages.externalId)
		.optional()
);
const uuidList = (message: string) =>
	z.preprocess(
		(v) =>
			v === undefined || v === null || v === ''
				? []
				: Array.isArray(v)
					? v.filter((x) => x !== '')
					: [v],
		z.array(z.uuid(message)).max(100, 'Hoogstens 100.')
	);

// ---------------------------------------------------------------------------------------------
// Plans

const planFields = {
	title: requiredText(300, 'Geef het plan een titel.'),
	vision: optionalText(50_000),
	periodStart: dateString,
	periodEnd: dateString,
	isPublic: checkbox.optional(),
	reminders: z.preprocess(
		blankToUndefined,
		z.enum(reminderSchedules, 'Kies hoe vaak eigenaars herinnerd worden.').optional()
	)
};
const tolerance = z.preprocess(
	toNumber,
	decimal(messages.tolerance).min(0, messages.tolerance).max(100, messages.tolerance)
);
/** The plan's tolerances (status.ts Tolerances); null returns to the defaults. */
const tolerances = z
	.strictObject({
		measureOnTrack: tolerance,
		measureAtRisk: tolerance,
		actionAtRisk: tolerance,
		actionOffTrack: tolerance
	})
	.refine((t) => t.measureAtRisk >= t.measureOnTrack, {
		path: ['measureAtRisk'],
		message: 'De grens voor „risico” ligt niet onder die voor „op schema”.'
	})
	.refine((t) => t.actionOffTrack >= t.actionAtRisk, {
		path: ['actionOffTrack'],
		message: 'De grens voor „achter op schema” ligt niet onder die voor „risico”.'
	});

const periodInOrder = (p: { periodStart: string; periodEnd: string }) =>
	p.periodEnd >= p.periodStart;

/** A new plan: owned by a body or by a region (an area of level "regio"), not both. */
export const planInput = z
	.strictObject({
		bodyId: optionalUuid(messages.owner),
		regionId: optionalUuid(messages.owner),
		...planFields
	})
	.refine((p) => !!p.bodyId !== !!p.regionId, { path: ['bodyId'], message: messages.owner })
	.refine(periodInOrder, { path: ['periodEnd'], message: messages.periodEnd });
export type PlanInput = z.infer<typeof planInput>;

/** A plan's own fields (its owner does not change). */
export const planUpdate = z
	.strictObject({ ...planFields, tolerances: tolerances.nullable().optional() })
	.refine(periodInOrder, { path: ['periodEnd'], message: messages.periodEnd });
export type PlanUpdate = z.infer<typeof planUpdate>;

export const revisionInput = z.coerce
	.number('Ongeldige versie.')
	.int('Ongeldige versie.')
	.min(1, 'Ongeldige versie.');

export const planStatusInput = z.enum(['running', 'closed'], 'Kies lopend of afgesloten.');

export const amendInput = z.strictObject({
	decisionId: optionalUuid('Kies een besluit.'),
	reason: requiredText(2000, 'Geef de reden van de wijziging van het plan.')
});

// ---------------------------------------------------------------------------------------------
// Items: themes, objectives, actions

const itemFields = {
	externalId,
	title: requiredText(500, 'Geef een titel.'),
	description: optionalText(20_000),
	/** Objectives only. */
	challenge: optionalText(20_000),
	isPriority: checkbox.optional(),
	weight,
	// Actions only
	leadOrganisationId: optionalUuid('Kies een trekkende organisatie.'),
	partnerOrganisationIds: uuidList('Kies partnerorganisaties uit de lijst.').optional(),
	ownerPersonId: optionalUuid('Kies een eigenaar.'),
	startDate: optionalDate,
	dueDate: optionalDate,
	budgetPlanned: optionalNumber(
		decimal('Het budget is een bedrag in euro.').min(0, messages.budget)
	),
	budgetSpent: optionalNumber(decimal('Het budget is een bedrag in euro.').min(0, messages.budget)),
	progress: optionalNumber(
		z
			.number(messages.progress)
			.int(messages.progress)
			.min(0, messages.progress)
			.max(100, messages.progress)
	)
};
const datesInOrder = (i: { startDate?: string; dueDate?: string }) =>
	!i.startDate || !i.dueDate || i.dueDate >= i.startDate;

export const itemInput = z
	.strictObject({
		kind: z.enum(planItemKinds, 'Kies thema, doelstelling of actie.'),
		parentId: optionalUuid('Kies waaronder dit onderdeel hoort.'),
		...itemFields
	})
	.refine(datesInOrder, { path: ['dueDate'], message: messages.dueDate });
export type ItemInput = z.infer<typeof itemInput>;

/** An item's fields (its kind and place in the tree do not change; order with moveItem). */
export const itemUpdate = z
	.strictObject(itemFields)
	.refine(datesInOrder, { path: ['dueDate'], message: messages.dueDate });
export type ItemUpdate = z.infer<typeof itemUpdate>;

export const milestoneInput = z.strictObject({
	title: requiredText(300, 'Geef de mijlpaal een titel.'),
	dueDate: dateString,
	doneOn: optionalDate
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const moveInput = z.enum(['up', 'down'], 'Kies omhoog of omlaag.');

// ---------------------------------------------------------------------------------------------
// Measures

const period = z
	.string(messages.period)
	.trim()
	.refine((s) => parsePeriod(s) !== null, messages.period);

/** Intermediate targets as a list, or as text lines "2026: 70" / "2026 = 70,5" (forms). */
const targetsList = z.preprocess(
	(v) => {
		if (v === undefined || v === null) return [];
		if (typeof v !== 'string') return v;
		return v
			.split(/[\n;]+/)
			.map((line) => line.trim())
			.filter(Boolean)
			.map((line) => {
				const m = /^(\S+)\s*[:=]\s*(.+)$/.exec(line);
				return m ? { period: m[1], value: m[2] } : { period: line, value: '' };
			});
	},
	z
		.array(
			z.strictObject({
				period,
				value: numberField('Een tussendoel heeft een waarde (een getal).')
			}),
			'Geef tussendoelen als „periode: waarde”, één per regel.'
		)
		.max(100, 'Hoogstens 100 tussendoelen.')
);

export const measureInput = z
	.strictObject({
		externalId,
		/** The indicator by id or by its catalogue code. */
		indicatorId: optionalUuid('Kies een indicator.'),
		indicatorCode: optionalText(100),
		areaId: z.uuid('Kies het gebied waarop gemeten wordt.'),
		baselineValue: numberField('De basiswaarde is een getal.'),
		baselinePeriod: period,
		targetValue: numberField('De doelwaarde is een getal.'),
		targetPeriod: period,
		intermediateTargets: targetsList.optional(),
		direction: z.preprocess(
			blankToUndefined,
			z.enum(['higher_better', 'lower_better'], 'Kies of hoger of lager beter is.').optional()
		),
		trajectory: z.preprocess(
			blankToUndefined,
			z.enum(trajectories, 'Kies een lineair of getrapt traject.').default('linear')
		),
		weight
	})
	.superRefine((m, ctx) => {
		if (!m.indicatorId && !m.indicatorCode)
			ctx.addIssue({ code: 'custom', path: ['indicatorId'], message: 'Kies een indicator.' });
		const base = parsePeriod(m.baselinePeriod);
		const target = parsePeriod(m.targetPeriod);
		if (!base || !target) return;
		if (target.start <= base.start)
			ctx.addIssue({ code: 'custom', path: ['targetPeriod'], message: messages.targetPeriod });
		const seen = new Set<string>();
		(m.intermediateTargets ?? []).forEach((t, i) => {
			const p = parsePeriod(t.period);
			if (!p) return;
			if (p.start <= base.start || p.start >= target.start)
				ctx.addIssue({
					code: 'custom',
					path: ['intermediateTargets', i, 'period'],
					message: messages.intermediate
				});
			if (seen.has(p.period))
				ctx.addIssue({
					code: 'custom',
					path: ['intermediateTargets', i, 'period'],
					message: `Het tussendoel voor ${p.period} staat er twee keer.`
				});
			seen.add(p.period);
		});
	});
export type MeasureInput = z.infer<typeof measureInput>;

// ---------------------------------------------------------------------------------------------
// Overrides and links

export const overrideInput = z.strictObject({
	/** A status, or blank/null to clear the override. */
	status: z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		z.enum(trackStatusValues, 'Kies een status.').nullable()
	),
	reason: z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z
			.string(messages.overrideReason)
			.trim()
			.min(1, messages.overrideReason)
			.max(2000, 'Hoogstens 2000 tekens.')
	)
});

export const linkInput = z.strictObject({
	planId: z.uuid('Kies een plan.'),
	itemId: optionalUuid('Kies een onderdeel van het plan.'),
	effect: z.enum(['creates', 'changes'], 'Kies wat het besluit doet: aanmaken of wijzigen.')
});

export const actionIdsInput = uuidList('Kies acties uit de lijst.');

// ---------------------------------------------------------------------------------------------
// Forms

const toleranceKeys = ['measureOnTrack', 'measureAtRisk', 'actionAtRisk', 'actionOffTrack'];

/**
 * A posted edit form as the service's arguments: the hidden `revision` apart from the fields.
 * Plan forms post the tolerances flat (measureOnTrack, …): they become `tolerances` — all blank
 * means "back to the defaults" (null); not posted means "keep".
 */
export function fromForm(values: Record<string, unknown>): {
	input: Record<string, unknown>;
	revision: unknown;
} {
	const input: Record<string, unknown> = {};
	const tolerances: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === 'revision') continue;
		if (toleranceKeys.includes(key)) tolerances[key] = value;
		else input[key] = value;
	}
	if (Object.keys(tolerances).length)
		input.tolerances = Object.values(tolerances).every((v) => blankToUndefined(v) === undefined)
			? null
			: tolerances;
	return { input, revision: values.revision };
}
