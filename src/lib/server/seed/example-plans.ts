/**
 * An example plan for the embedded default, so the plan dashboards show every status on a fresh
 * start: "Voorbeeld: Actieplan Spitsregio Leuven 2025–2030" of the Taskforce Spitsregio Leuven,
 * with two themes written as the Taskforce writes them (Uitdaging algemeen / Doelstelling
 * algemeen / Uitdaging specifiek n / Doelstelling specifiek n), measures on the example
 * indicators of the monitor for the region Leuven, actions with lead and partner organisations,
 * example owners, milestones and a year of dated updates. Action dates are relative to the day of
 * seeding, so the computed statuses (not started, on track, at risk, off track, done, and one
 * manual override with its reason) hold when the example is loaded; measure statuses follow from
 * the example observations (2014–2025). Every row is flagged is_example and says "voorbeeld";
 * ids are deterministic, and seeding twice changes nothing. Load after the example meetings (the
 * Taskforce's example decision adopts the plan) and the example monitor (its indicators).
 */
import { eq } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { today } from '../clock';
import type { ServiceContext } from '../context';
import {
	decisionPlanLinks,
	decisions,
	people,
	planActionPartners,
	planItems,
	planMeasures,
	planMeasureTargets,
	planMilestones,
	plans,
	planUpdates,
	type PlanItemKind
} from '../db/schema';
import { parsePeriod } from '../monitor/periods';
import type { PlanStatus } from '../plans/status';
import { indicatorId } from './example-monitor';
import { seededId } from './ids';
import { bodyId, organisationId, regionId } from './seed.service';
import { HOST_ORGANISATION } from './structure-data';

export const EXAMPLE_PLAN_SLUG = 'voorbeeld-actieplan-spitsregio-leuven';
export const examplePlanId = seededId('plan', EXAMPLE_PLAN_SLUG);
export const examplePlanItemId = (externalId: string) =>
	seededId('plan-item', `${EXAMPLE_PLAN_SLUG}>${externalId}`);
export const examplePlanMeasureId = (externalId: string) =>
	seededId('plan-measure', `${EXAMPLE_PLAN_SLUG}>${externalId}`);
/** The Taskforce's example decision that adopts the plan (seeded with the example meetings). */
export const exampleAdoptingDecisionId = seededId(
	'decision',
	'taskforce-gehouden>knelpuntberoepen'
);

export const examplePeople = [
	{
		key: 'els',
		givenName: 'Els',
		familyName: 'Voorbeeldmans',
		email: 'els.voorbeeldmans@voorbeeld.test'
	},
	{
		key: 'koen',
		givenName: 'Koen',
		familyName: 'Voorbeeldt',
		email: 'koen.voorbeeldt@voorbeeld.test'
	},
	{
		key: 'sara',
		givenName: 'Sara',
		familyName: 'Proefmans',
		email: 'sara.proefmans@voorbeeld.test'
	}
] as const;
type PersonKey = (typeof examplePeople)[number]['key'];
export const examplePersonId = (key: PersonKey) => seededId('person', `voorbeeld-plan>${key}`);

type MeasureSeed = {
	externalId: string;
	indicator: string;
	baseline: [period: string, value: number];
	target: [period: string, value: number];
	intermediate?: [period: string, value: number][];
	direction: 'higher_better' | 'lower_better';
	trajectory?: 'linear' | 'stepped';
	/** The status the example observations give it (checked by the spec). */
	expected: PlanStatus;
	update?: string;
};

type ActionSeed = {
	externalId: string;
	title: string;
	description: string;
	lead: string;
	partners: string[];
	owner: PersonKey;
	/** Days from today. */
	start: number;
	due: number;
	progress: number;
	completedDaysAgo?: number;
	budget?: [planned: number, spent: number];
	priority?: boolean;
	milestones?: { title: string; due: number; done?: number }[];
	override?: { status: PlanStatus; reason: string };
	/** The status the rules give it today (checked by the spec). */
	expected: PlanStatus;
};

type ObjectiveSeed = {
	externalId: string;
	title: string;
	challenge: string;
	description?: string;
	priority?: boolean;
	measures?: MeasureSeed[];
	actions?: ActionSeed[];
	specific?: ObjectiveSeed[];
};

type ThemeSeed = {
	externalId: string;
	title: string;
	description: string;
	objective: ObjectiveSeed;
};

/** The example tree: two themes, each with a general objective and two specific ones. */
export const examplePlanThemes: ThemeSeed[] = [
	{
		externalId: 'T1',
		title: 'Duurzame economische ontwikkeling (voorbeeld)',
		description: 'Voorbeeldthema: een economie die groeit zonder de regio vast te rijden.',
		objective: {
			externalId: 'D1',
			title: 'Doelstelling algemeen: de Spitsregio blijft een spitsregio (voorbeeld)',
			challenge:
				'Uitdaging algemeen: de regio Leuven groeit, maar ruimte, mobiliteit en talent worden schaars. (Voorbeeld.)',
			priority: true,
			measures: [
				{
					externalId: 'M1',
					indicator: 'jobs',
					baseline: ['2025', 355_470],
					target: ['2030', 370_000],
					direction: 'higher_better',
					expected: 'not_started'
				}
			],
			specific: [
				{
					externalId: 'D1.1',
					title: 'Doelstelling specifiek 1: meer ondernemingen starten en groeien (voorbeeld)',
					challenge:
						'Uitdaging specifiek 1: het aantal oprichtingen groeit trager dan in Vlaanderen. (Voorbeeld.)',
					measures: [
						{
							externalId: 'M1.1',
							indicator: 'oprichtingen',
							baseline: ['2022', 6473],
							target: ['2030', 7500],
							direction: 'higher_better',
							expected: 'off_track',
							update: 'De oprichtingen stijgen, maar trager dan het traject voorziet. (Voorbeeld.)'
						}
					],
					actions: [
						{
							externalId: 'A1.1.1',
							title: 'Startersloket in elke gemeente (voorbeeld)',
							description: 'Eén loket per gemeente waar starters terechtkunnen. (Voorbeeld.)',
							lead: 'unizo',
							partners: ['voka', HOST_ORGANISATION],
							owner: 'els',
							start: -330,
							due: -30,
							progress: 100,
							completedDaysAgo: 45,
							budget: [40_000, 37_500],
							milestones: [
								{ title: 'Loketten aangeduid', due: -240, done: -250 },
								{ title: 'Opleiding loketmedewerkers', due: -120, done: -118 }
							],
							expected: 'done'
						},
						{
							externalId: 'A1.1.2',
							title: 'Groeitraject voor kmo’s (voorbeeld)',
							description: 'Begeleiding van twintig groeiende kmo’s per jaar. (Voorbeeld.)',
							lead: 'voka',
							partners: ['unizo'],
							owner: 'koen',
							start: -180,
							due: 180,
							progress: 50,
							budget: [120_000, 55_000],
							priority: true,
							milestones: [
								{ title: 'Eerste groep van tien kmo’s', due: -90, done: -95 },
								{ title: 'Tweede groep van tien kmo’s', due: 90 }
							],
							expected: 'on_track'
						}
					]
				},
				{
					externalId: 'D1.2',
					title: 'Doelstelling specifiek 2: bereikbare en zuinige bedrijventerreinen (voorbeeld)',
					challenge:
						'Uitdaging specifiek 2: bedrijventerreinen zijn slecht bereikbaar zonder auto en er is weinig ruimte. (Voorbeeld.)',
					measures: [
						{
							externalId: 'M1.2',
							indicator: 'jobratio',
							baseline: ['2022', 86.6],
							target: ['2028', 88],
							direction: 'higher_better',
							expected: 'done',
							update: 'De jobratio haalt de doelwaarde al. (Voorbeeld.)'
						}
					],
					actions: [
						{
							externalId: 'A1.2.1',
							title: 'Fietsroutes naar de bedrijventerreinen (voorbeeld)',
							description: 'Veilige fietsverbindingen naar vijf bedrijventerreinen. (Voorbeeld.)',
							lead: 'interleuven',
							partners: ['provincie-vlaams-brabant', 'gemeente-leuven'],
							owner: 'sara',
							start: -400,
							due: -20,
							progress: 70,
							budget: [250_000, 190_000],
							milestones: [
								{ title: 'Tracés vastgelegd', due: -300, done: -290 },
								{ title: 'Aanleg afgerond', due: -20 }
							],
							expected: 'off_track'
						},
						{
							externalId: 'A1.2.2',
							title: 'Inventaris van onderbenutte bedrijfspercelen (voorbeeld)',
							description: 'Een kaart van percelen die beter benut kunnen worden. (Voorbeeld.)',
							lead: 'interleuven',
							partners: [],
							owner: 'sara',
							start: 60,
							due: 400,
							progress: 0,
							budget: [30_000, 0],
							milestones: [{ title: 'Bevraging van de gemeenten', due: 150 }],
							expected: 'not_started'
						}
					]
				}
			]
		}
	},
	{
		externalId: 'T2',
		title: 'Werk en talent (voorbeeld)',
		description: 'Voorbeeldthema: iedereen aan het werk en de juiste mensen op de juiste plaats.',
		objective: {
			externalId: 'D2',
			title: 'Doelstelling algemeen: meer mensen aan het werk (voorbeeld)',
			challenge:
				'Uitdaging algemeen: veel vacatures raken niet ingevuld terwijl mensen aan de kant staan. (Voorbeeld.)',
			measures: [
				{
					externalId: 'M2',
					indicator: 'werkzaamheidsgraad_20_64',
					baseline: ['2022', 78.1],
					target: ['2030', 80],
					intermediate: [['2024', 78.9]],
					direction: 'higher_better',
					expected: 'on_track',
					update: 'De werkzaamheidsgraad ligt boven het traject. (Voorbeeld.)'
				}
			],
			specific: [
				{
					externalId: 'D2.1',
					title: 'Doelstelling specifiek 1: knelpuntberoepen sneller ingevuld (voorbeeld)',
					challenge:
						'Uitdaging specifiek 1: in zorg, techniek en bouw blijven vacatures maanden open. (Voorbeeld.)',
					priority: true,
					measures: [
						{
							externalId: 'M2.1',
							indicator: 'werkloosheidsgraad',
							baseline: ['2022', 2.6],
							target: ['2030', 1.2],
							direction: 'lower_better',
							expected: 'at_risk'
						}
					],
					actions: [
						{
							externalId: 'A2.1.1',
							title: 'Jobbeurs knelpuntberoepen (voorbeeld)',
							description:
								'Een jaarlijkse jobbeurs met de sectoren in knelpuntberoepen. (Voorbeeld.)',
							lead: 'vdab',
							partners: ['acv', 'abvv', 'aclvb', 'voka'],
							owner: 'koen',
							start: -365,
							due: 365,
							progress: 28,
							budget: [60_000, 20_000],
							milestones: [{ title: 'Eerste jobbeurs', due: -60, done: -58 }],
							expected: 'at_risk'
						},
						{
							externalId: 'A2.1.2',
							title: 'Opleidingen op de werkvloer in de zorg (voorbeeld)',
							description: 'Werkplekleren voor zij-instromers in de zorg. (Voorbeeld.)',
							lead: 'vdab',
							partners: [HOST_ORGANISATION],
							owner: 'els',
							start: -200,
							due: 530,
							progress: 27,
							budget: [90_000, 25_000],
							milestones: [
								{ title: 'Bevraging van de zorgvoorzieningen', due: -14 },
								{ title: 'Eerste opleidingsgroep', due: 120 }
							],
							override: {
								status: 'on_track',
								reason:
									'De bevraging is op vraag van de zorgvoorzieningen twee maanden verschoven; de planning blijft haalbaar. (Voorbeeld.)'
							},
							expected: 'on_track'
						}
					]
				},
				{
					externalId: 'D2.2',
					title: 'Doelstelling specifiek 2: levenslang leren in de kmo’s (voorbeeld)',
					challenge:
						'Uitdaging specifiek 2: werknemers van kleine ondernemingen volgen weinig opleiding. (Voorbeeld.)',
					actions: [
						{
							externalId: 'A2.2.1',
							title: 'Opleidingscheques bekendmaken bij kmo’s (voorbeeld)',
							description: 'Een campagne over opleidingscheques bij kmo’s. (Voorbeeld.)',
							lead: 'unizo',
							partners: ['vdab'],
							owner: 'sara',
							start: -200,
							due: 530,
							progress: 27,
							budget: [15_000, 4_000],
							milestones: [{ title: 'Campagne gelanceerd', due: -30 }],
							expected: 'at_risk'
						},
						{
							externalId: 'A2.2.2',
							title: 'Lerend netwerk van HR-verantwoordelijken (voorbeeld)',
							description:
								'Vier bijeenkomsten per jaar van HR-verantwoordelijken uit kmo’s. (Voorbeeld.)',
							lead: HOST_ORGANISATION,
							partners: ['voka', 'unizo'],
							owner: 'koen',
							start: -360,
							due: -60,
							progress: 100,
							completedDaysAgo: 70,
							budget: [10_000, 9_200],
							expected: 'done'
						}
					]
				}
			]
		}
	}
];

const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const periodStart = (period: string) => {
	const p = parsePeriod(period);
	if (!p) throw new Error(`bad example period ${period}`);
	return p.start;
};

type Item = typeof planItems.$inferInsert;

/** Load the example plan (once; if it exists nothing is touched). Returns rows inserted. */
export async function seedExamplePlans(ctx: ServiceContext, now = new Date()) {
	const day = today(now);
	const at = (days: number) => addDays(day, days);
	return mutate(ctx, async (tx) => {
		const inserted = {
			examplePeople: 0,
			examplePlans: 0,
			examplePlanItems: 0,
			examplePlanMeasures: 0,
			examplePlanUpdates: 0
		};
		const persons = await tx
			.insert(people)
			.values(
				examplePeople.map((p) => ({
					id: examplePersonId(p.key),
					givenName: p.givenName,
					familyName: p.familyName,
					email: p.email,
					isExample: true
				}))
			)
			.onConflictDoNothing()
			.returning({ id: people.id });
		inserted.examplePeople = persons.length;

		const [decision] = await tx
			.select({ id: decisions.id })
			.from(decisions)
			.where(eq(decisions.id, exampleAdoptingDecisionId));
		const [plan] = await tx
			.insert(plans)
			.values({
				id: examplePlanId,
				slug: EXAMPLE_PLAN_SLUG,
				bodyId: bodyId('taskforce-spitsregio-leuven'),
				regionId: regionId('leuven'),
				title: { nl: 'Voorbeeld: Actieplan Spitsregio Leuven 2025–2030' },
				vision:
					'**Voorbeeld.** Een gedeelde visie met gedragen, duidelijk opvolgbare en meetbare doelstellingen en acties: *Spitsregio Leuven moet spitsregio blijven!* Dit plan is voorbeeldinhoud; de cijfers komen uit de voorbeeldgegevens van de monitor.',
				periodStart: '2025-01-01',
				periodEnd: '2030-12-31',
				status: decision ? 'adopted' : 'running',
				adoptedByDecisionId: decision?.id ?? null,
				isPublic: true,
				reminders: 'quarterly',
				isExample: true
			})
			.onConflictDoNothing()
			.returning({ id: plans.id });
		if (!plan) {
			return {
				result: inserted,
				audit: {
					action: 'seed.example_plans',
					recordType: 'seed',
					recordId: 'plans',
					changes: { inserted: { after: inserted } }
				}
			};
		}
		inserted.examplePlans = 1;
		if (decision) {
			await tx.insert(decisionPlanLinks).values({
				id: seededId('decision-plan-link', `${EXAMPLE_PLAN_SLUG}>adopts`),
				decisionId: decision.id,
				planId: plan.id,
				effect: 'adopts'
			});
		}

		const items: Item[] = [];
		const partners: (typeof planActionPartners.$inferInsert)[] = [];
		const milestones: (typeof planMilestones.$inferInsert)[] = [];
		const measures: (typeof planMeasures.$inferInsert)[] = [];
		const targets: (typeof planMeasureTargets.$inferInsert)[] = [];
		const updates: (typeof planUpdates.$inferInsert)[] = [];

		const item = (
			kind: PlanItemKind,
			externalId: string,
			parent: string | null,
			position: number,
			rest: Partial<Item>
		) =>
			items.push({
				id: examplePlanItemId(externalId),
				planId: plan.id,
				parentId: parent ? examplePlanItemId(parent) : null,
				kind,
				externalId,
				position,
				isExample: true,
				title: '',
				...rest
			});

		const addMeasures = (objective: ObjectiveSeed) =>
			(objective.measures ?? []).forEach((m, position) => {
				const id = examplePlanMeasureId(m.externalId);
				measures.push({
					id,
					itemId: examplePlanItemId(objective.externalId),
					externalId: m.externalId,
					indicatorId: indicatorId(m.indicator),
					areaId: regionId('leuven'),
					baselineValue: m.baseline[1],
					baselinePeriod: m.baseline[0],
					baselinePeriodStart: periodStart(m.baseline[0]),
					targetValue: m.target[1],
					targetPeriod: m.target[0],
					targetPeriodStart: periodStart(m.target[0]),
					direction: m.direction,
					trajectory: m.trajectory ?? 'linear',
					position,
					isExample: true
				});
				for (const [period, value] of m.intermediate ?? [])
					targets.push({ measureId: id, period, periodStart: periodStart(period), value });
				if (m.update)
					updates.push({
						id: seededId('plan-update', `${EXAMPLE_PLAN_SLUG}>${m.externalId}>1`),
						measureId: id,
						reportedOn: at(-40),
						text: m.update,
						isExample: true
					});
			});

		const addActions = (objective: ObjectiveSeed) =>
			(objective.actions ?? []).forEach((a, position) => {
				item('action', a.externalId, objective.externalId, position, {
					title: a.title,
					description: a.description,
					isPriority: a.priority ?? false,
					leadOrganisationId: organisationId(a.lead),
					ownerPersonId: examplePersonId(a.owner),
					startDate: at(a.start),
					dueDate: at(a.due),
					budgetPlanned: a.budget?.[0] ?? null,
					budgetSpent: a.budget?.[1] ?? null,
					progress: a.progress,
					completedOn: a.completedDaysAgo ? at(-a.completedDaysAgo) : null,
					statusOverride: a.override?.status ?? null,
					overrideReason: a.override?.reason ?? null
				});
				const itemId = examplePlanItemId(a.externalId);
				for (const org of a.partners)
					partners.push({ itemId, organisationId: organisationId(org) });
				(a.milestones ?? []).forEach((m, i) =>
					milestones.push({
						id: seededId('plan-milestone', `${EXAMPLE_PLAN_SLUG}>${a.externalId}>${i}`),
						itemId,
						title: `${m.title} (voorbeeld)`,
						dueDate: at(m.due),
						doneOn: m.done === undefined ? null : at(m.done),
						position: i,
						isExample: true
					})
				);
				updates.push(...actionUpdates(a, itemId, at));
			});

		const addObjective = (o: ObjectiveSeed, parent: string, position: number) => {
			item('objective', o.externalId, parent, position, {
				title: o.title,
				challenge: o.challenge,
				description: o.description ?? '',
				isPriority: o.priority ?? false
			});
			addMeasures(o);
			addActions(o);
			(o.specific ?? []).forEach((s, i) => addObjective(s, o.externalId, i));
		};

		examplePlanThemes.forEach((t, i) => {
			item('theme', t.externalId, null, i, { title: t.title, description: t.description });
			addObjective(t.objective, t.externalId, 0);
		});

		// Parents come before their children in `items`.
		await tx.insert(planItems).values(items);
		if (partners.length) await tx.insert(planActionPartners).values(partners);
		if (milestones.length) await tx.insert(planMilestones).values(milestones);
		await tx.insert(planMeasures).values(measures);
		if (targets.length) await tx.insert(planMeasureTargets).values(targets);
		await tx.insert(planUpdates).values(updates);
		inserted.examplePlanItems = items.length;
		inserted.examplePlanMeasures = measures.length;
		inserted.examplePlanUpdates = updates.length;
		return {
			result: inserted,
			audit: {
				action: 'seed.example_plans',
				recordType: 'seed',
				recordId: 'plans',
				changes: { inserted: { after: inserted } }
			}
		};
	});
}

/**
 * About a year of updates of a started action: one every two months from its start (at most a
 * year back) until ten days ago, progress rising to the action's current progress.
 */
function actionUpdates(a: ActionSeed, itemId: string, at: (days: number) => string) {
	const out: (typeof planUpdates.$inferInsert)[] = [];
	if (a.start > -10) return out;
	const first = Math.max(a.start + 30, -365);
	const last = a.completedDaysAgo ? -a.completedDaysAgo : -10;
	const days: number[] = [];
	for (let d = first; d < last; d += 60) days.push(d);
	days.push(last);
	days.forEach((d, i) => {
		const progress = Math.round((a.progress * (i + 1)) / days.length);
		const final = i === days.length - 1;
		out.push({
			id: seededId('plan-update', `${EXAMPLE_PLAN_SLUG}>${a.externalId}>${i + 1}`),
			itemId,
			reportedOn: at(d),
			text: final
				? a.progress >= 100
					? 'De actie is afgerond. (Voorbeeld.)'
					: `Stand van zaken: ${progress} % gerealiseerd. (Voorbeeld.)`
				: `Tussentijdse stand: ${progress} % gerealiseerd. (Voorbeeld.)`,
			progress,
			statusProposal: final && a.progress >= 100 ? 'done' : null,
			isExample: true
		});
	});
	return out;
}
