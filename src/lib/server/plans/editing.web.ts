/**
 * The workspace pages that keep a plan: a new plan (/beheer/plannen/nieuw), the plan itself
 * (…/<slug>/bewerken: its fields, adoption, status, amendments, override, themes and the file
 * import), an item (…/onderdelen/<id>: its fields, order, children, milestones, measures, the
 * decisions and meetings that touched it) and a measure (…/metingen/<id>).
 *
 * Loads read the tree (plans.queries.ts) and the form choices (editing.queries.ts); actions call
 * plans.service.ts, which authorises, validates and audits. A stale edit (PlanConflict) comes
 * back with the version now stored, so the writer can compare and save again deliberately.
 */
import { error, fail, isActionFailure, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDate, formatDateTime, localizeHref, translate, tr, type Locale } from '../../i18n';
import { today } from '../clock';
import { AppError, isAppError } from '../errors';
import { maxImportBytes } from '../exchange/parse';
import { limitedForm } from '../exchange/web';
import { ImportRefused } from '../exchange/exchange.service';
import { contextOf, formAction, formValues, load, type FormFailure } from '../http';
import { translateFields, translateMessage } from '../messages';
import { periodLabel } from '../monitor/periods';
import {
	decisionOptions,
	itemFormOptions,
	ownerOptions,
	ownerPeopleOptions,
	planVersionsOf
} from './editing.queries';
import { importPlan } from './exchange';
import { meetingsOfItem } from './meetings.queries';
import { canKeepPlan } from './plans.policy';
import { planTree, type TreeItem } from './plans.queries';
import { fromForm } from './plans.schema';
import {
	addItem,
	addMeasure,
	addMilestone,
	adoptPlan,
	amendPlan,
	createPlan,
	deleteItem,
	deleteMeasure,
	linkDecision,
	moveItem,
	PlanConflict,
	removeMilestone,
	setOverride,
	setPlanStatus,
	updateItem,
	updateMeasure,
	updateMilestone,
	updatePlan
} from './plans.service';
import { findItem, statusView } from './plans.web';
import { postUpdate, updatesOf } from './updates.service';
import { defaultTolerances, planStatuses } from './status';

type Event<P extends Record<string, string> = Record<string, string>> = RequestEvent<P>;

/** What a refused form gets back: which form, its messages, and what it needs to show them. */
type EditFailure = FormFailure & {
	form: string;
	/** A stale edit: what is stored now. */
	current?: Record<string, unknown>;
	/** A refused file: every bad row. */
	errors?: { line: number; message: string }[];
};
const refused = (status: number, data: EditFailure) => fail(status, data);

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** Deleting needs the form's own confirmation field: a bare post never deletes anything. */
function confirmed(values: Record<string, unknown>) {
	if (values.confirm !== 'ja')
		throw new AppError('invalid_input', 'Bevestig het verwijderen met de knop op de pagina.');
}

/** The tree of a plan the user keeps (403 otherwise). */
async function keptTree(event: Event<{ slug: string }>) {
	const ctx = contextOf(event);
	const tree = await load(
		planTree(ctx.db, event.params.slug, { audience: 'members', locale: ctx.locale })
	);
	if (!canKeepPlan(ctx.principal, tree.plan))
		error(403, translateMessage(ctx.locale, 'U beheert dit plan niet.'));
	return { ctx, tree };
}

/**
 * Run a form's command: a failure says which form it came from (`form`), so the page shows the
 * messages beside that form; a stale edit also returns what is stored now.
 */
async function run<T>(
	event: Event,
	form: string,
	fn: (values: Record<string, unknown>) => Promise<T>
) {
	const values = await formValues(event.request);
	let conflict: PlanConflict<unknown> | undefined;
	const result = await formAction(values, () =>
		fn(values).catch((e: unknown) => {
			if (e instanceof PlanConflict) conflict = e;
			throw e;
		})
	);
	if (isActionFailure(result)) {
		const current = conflict
			? (JSON.parse(JSON.stringify(conflict.current)) as Record<string, unknown>)
			: undefined;
		return refused(result.status, { ...(result.data as unknown as FormFailure), form, current });
	}
	return { result: result as T };
}

const statusOptions = (locale: 'nl' | 'en') =>
	planStatuses.map((s) => ({
		value: s,
		label: statusView({ status: s, explanation: '', overridden: false }, locale).label
	}));

// ---------------------------------------------------------------------------------------------
// A new plan

/** The bodies (and regions) the user may start a plan for; 403 when there are none. */
async function startableOwners(event: Event) {
	const ctx = contextOf(event);
	const owners = await ownerOptions(ctx.db, ctx.principal, ctx.locale);
	if (!owners.bodies.length && !owners.regions.length)
		error(
			403,
			translateMessage(ctx.locale, 'U beheert geen orgaan waarvoor u een plan kunt opstellen.')
		);
	return owners;
}

/** GET /beheer/plannen/nieuw */
export async function newPlanPage(event: Event) {
	return { owners: await startableOwners(event) };
}

/** POST ?/create: a new draft plan (owned by the chosen body or region); then its own page. */
export async function createPlanAction(event: Event) {
	const ctx = contextOf(event);
	const owners = await startableOwners(event);
	const out = await run(event, 'create', ({ owner, ...values }) => {
		const isRegion = owners.regions.some((r) => r.value === owner);
		return createPlan(ctx, {
			...fromForm(values).input,
			[isRegion ? 'regionId' : 'bodyId']: owner
		});
	});
	if ('result' in out)
		redirect(303, localizeHref(`/beheer/plannen/${out.result.slug}/bewerken`, ctx.locale));
	return out;
}

/** POST ?/import (new plan) or ?/importFile (existing plan): a whole plan from XLSX or CSV. */
async function importAction(event: Event, planSlug?: string) {
	const data = await limitedForm(event.request, maxImportBytes * 2);
	const form = planSlug ? 'import' : 'importNew';
	const locale = event.locals.locale;
	const say = (message: string) => translateMessage(locale, message);
	if (!data)
		return refused(413, {
			form,
			message: say('Het bestand is te groot: hoogstens 5 MB.'),
			fields: {},
			values: {}
		});
	const file = data.get('file');
	const text = (k: string) => String(data.get(k) ?? '').trim();
	if (!(file instanceof File) || file.size === 0)
		return refused(400, {
			form,
			message: say('Kies een bestand (Excel of CSV).'),
			fields: { file: [say('Kies een bestand (Excel of CSV).')] },
			values: {}
		});
	try {
		const result = await importPlan(contextOf(event), {
			planSlug,
			plan: planSlug
				? undefined
				: {
						slug: text('slug'),
						title: text('title'),
						bodySlug: text('bodySlug') || undefined,
						periodStart: text('periodStart'),
						periodEnd: text('periodEnd')
					},
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!planSlug) redirect(303, localizeHref(`/beheer/plannen/${result.slug}/bewerken`, locale));
		return { imported: result };
	} catch (e) {
		if (e instanceof ImportRefused)
			return refused(400, {
				form,
				message: say(e.message),
				fields: {},
				values: {},
				errors: e.errors.map((r) => ({ line: r.line, message: say(r.message) }))
			});
		if (isAppError(e) && e.code === 'invalid_input')
			return refused(400, {
				form,
				message: say(e.message),
				fields: translateFields(locale, e.fields ?? {}),
				values: {}
			});
		throw e;
	}
}

export async function importNewPlanAction(event: Event) {
	await startableOwners(event);
	return importAction(event);
}

// ---------------------------------------------------------------------------------------------
// A plan

type Outline = {
	id: string;
	kind: TreeItem['kind'];
	externalId: string;
	title: string;
	depth: number;
	isPriority: boolean;
	status: ReturnType<typeof statusView>;
};

function outline(items: TreeItem[], locale: 'nl' | 'en', depth = 0, out: Outline[] = []) {
	for (const item of items) {
		out.push({
			id: item.id,
			kind: item.kind,
			externalId: item.externalId,
			title: item.title,
			depth,
			isPriority: item.isPriority,
			status: statusView(item, locale)
		});
		outline(item.children, locale, depth + 1, out);
	}
	return out;
}

/** GET /beheer/plannen/<slug>/bewerken */
export async function planEditPage(event: Event<{ slug: string }>) {
	const { ctx, tree } = await keptTree(event);
	const p = tree.plan;
	const [decisions, versions] = await Promise.all([
		decisionOptions(ctx.db, p),
		planVersionsOf(ctx.db, p.id)
	]);
	const tolerances = p.tolerances ?? defaultTolerances;
	return {
		plan: {
			id: p.id,
			slug: p.slug,
			title: tr(p.title, ctx.locale),
			owner: p.bodyName ?? p.regionName ?? '',
			status: p.status,
			version: p.version,
			isExample: p.isExample,
			adoptedByDecisionId: p.adoptedByDecisionId
		},
		/** The values of the plan form, as the form posts them. */
		values: {
			title: p.title.nl,
			vision: p.vision,
			periodStart: p.periodStart,
			periodEnd: p.periodEnd,
			isPublic: p.isPublic ? 'on' : '',
			reminders: p.reminders,
			measureOnTrack: String(tolerances.measureOnTrack),
			measureAtRisk: String(tolerances.measureAtRisk),
			actionAtRisk: String(tolerances.actionAtRisk),
			actionOffTrack: String(tolerances.actionOffTrack),
			revision: String(p.revision)
		},
		status: statusView(tree, ctx.locale),
		override: tree.override,
		statusOptions: statusOptions(ctx.locale),
		decisions,
		adoptedBy: decisions.find((d) => d.value === p.adoptedByDecisionId)?.label ?? null,
		versions: versions.map((v) => ({
			version: v.version,
			reason: v.reason ?? '',
			date: formatDateTime(v.createdAt, ctx.locale),
			decision:
				v.decisionYear !== null
					? `${v.decisionYear}/${String(v.decisionNumber).padStart(3, '0')} ${v.decisionTitle}`
					: null
		})),
		outline: outline(tree.themes, ctx.locale)
	};
}

const planIdOf = async (event: Event<{ slug: string }>) => (await keptTree(event)).tree.plan.id;

export const planEditActions = {
	plan: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'plan', (values) => {
			const { input, revision } = fromForm(values);
			return updatePlan(contextOf(event), id, input, revision);
		});
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'Het plan is bewaard.'), form: 'plan' }
			: out;
	},
	adopt: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'adopt', (values) =>
			adoptPlan(contextOf(event), id, String(values.decisionId ?? ''))
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'Het plan is vastgesteld.'), form: 'adopt' }
			: out;
	},
	status: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'status', (values) =>
			setPlanStatus(contextOf(event), id, values.status)
		);
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'De status van het plan is gewijzigd.'),
					form: 'status'
				}
			: out;
	},
	amend: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'amend', (values) =>
			amendPlan(contextOf(event), id, {
				decisionId: values.decisionId,
				reason: values.reason
			})
		);
		return 'result' in out
			? {
					saved: translateMessage(
						event.locals.locale,
						`Versie ${out.result.version - 1} is bewaard; u werkt nu aan versie ${out.result.version}.`
					),
					form: 'amend'
				}
			: out;
	},
	override: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'override', (values) =>
			setOverride(contextOf(event), { planId: id }, values.status, values.reason)
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'De status is bewaard.'), form: 'override' }
			: out;
	},
	addTheme: async (event: Event<{ slug: string }>) => {
		const id = await planIdOf(event);
		const out = await run(event, 'addTheme', (values) =>
			addItem(contextOf(event), id, { ...values, kind: 'theme' })
		);
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'Het thema is toegevoegd.'),
					form: 'addTheme'
				}
			: out;
	},
	import: async (event: Event<{ slug: string }>) => {
		await planIdOf(event);
		return importAction(event, event.params.slug);
	}
};

// ---------------------------------------------------------------------------------------------
// An item

async function keptItem(event: Event<{ slug: string; id: string }>) {
	const { ctx, tree } = await keptTree(event);
	const item = findItem(tree.themes, event.params.id);
	if (!item) error(404, translateMessage(ctx.locale, 'Onderdeel van het plan niet gevonden.'));
	return { ctx, tree, item };
}

const kindLabels = { theme: 'Thema', objective: 'Doelstelling', action: 'Actie' } as const;
const kindLabel = (kind: TreeItem['kind'], locale: Locale) =>
	translate(locale, `ws.plans.kind.${kind}`);
const kindLower = (kind: TreeItem['kind'], locale: Locale) =>
	translate(locale, `ws.plans.kindLower.${kind}`);
const numberText = (n: number | null | undefined) =>
	n === null || n === undefined ? '' : String(n).replace('.', ',');

/** GET /beheer/plannen/<slug>/onderdelen/<id> */
export async function itemEditPage(event: Event<{ slug: string; id: string }>) {
	const { ctx, tree, item } = await keptItem(event);
	const a = item.action;
	const [options, people, decisions, touched] = await Promise.all([
		itemFormOptions(ctx.db, ctx.locale),
		item.kind === 'action'
			? ownerPeopleOptions(ctx.db, tree.plan, a?.owner ? [a.owner.personId] : [], today())
			: Promise.resolve([]),
		decisionOptions(ctx.db, tree.plan),
		meetingsOfItem(ctx.db, item.id)
	]);
	return {
		plan: { slug: tree.plan.slug, title: tr(tree.plan.title, ctx.locale) },
		item: {
			id: item.id,
			kind: item.kind,
			kindLabel: kindLabel(item.kind, ctx.locale),
			kindLower: kindLower(item.kind, ctx.locale),
			externalId: item.externalId,
			title: item.title,
			status: statusView(item, ctx.locale),
			override: item.override
		},
		values: {
			externalId: item.externalId,
			title: item.title,
			description: item.description,
			challenge: item.challenge,
			isPriority: item.isPriority ? 'on' : '',
			weight: numberText(item.weight),
			leadOrganisationId: a?.leadOrganisation?.id ?? '',
			partnerOrganisationIds: a?.partners.map((p) => p.id) ?? [],
			ownerPersonId: a?.owner?.personId ?? '',
			startDate: a?.startDate ?? '',
			dueDate: a?.dueDate ?? '',
			budgetPlanned: numberText(a?.budgetPlanned),
			budgetSpent: numberText(a?.budgetSpent),
			progress: a ? String(a.progress) : '',
			revision: String(item.revision)
		},
		children: item.children.map((c) => ({
			id: c.id,
			kind: c.kind,
			externalId: c.externalId,
			title: c.title,
			status: statusView(c, ctx.locale)
		})),
		childKind: item.kind === 'theme' ? 'objective' : item.kind === 'objective' ? 'action' : null,
		milestones: (a?.milestones ?? []).map((m) => ({
			...m,
			dueLabel: formatDate(m.dueDate, ctx.locale),
			doneLabel: m.doneOn ? formatDate(m.doneOn, ctx.locale) : null
		})),
		measures: item.measures.map((m) => ({
			id: m.id,
			externalId: m.externalId,
			label: `${m.indicator.name} — ${m.area.name}`,
			baseline: `${numberText(m.baseline.value)} (${periodLabel(m.baseline.period, ctx.locale)})`,
			target: `${numberText(m.target.value)} (${periodLabel(m.target.period, ctx.locale)})`,
			status: statusView(m, ctx.locale)
		})),
		options: { ...options, people, decisions, statuses: statusOptions(ctx.locale) },
		touched: {
			decisions: touched.decisions.map((d) => ({
				...d,
				date: formatDate(d.startsAt, ctx.locale),
				effect: translate(
					ctx.locale,
					d.effect === 'creates' ? 'ws.plans.item.effect.creates' : 'ws.plans.item.effect.changes',
					{ kindLower: kindLower(item.kind, ctx.locale) }
				)
			})),
			agendaItems: touched.agendaItems.map((i) => ({
				...i,
				date: formatDate(i.startsAt, ctx.locale)
			}))
		}
	};
}

type ItemEvent = Event<{ slug: string; id: string }>;
const itemIdOf = async (event: ItemEvent) => (await keptItem(event)).item;

export const itemEditActions = {
	item: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'item', (values) => {
			const { input, revision } = fromForm(values);
			return updateItem(contextOf(event), item.id, input, revision);
		});
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'Het onderdeel is bewaard.'), form: 'item' }
			: out;
	},
	move: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'move', (values) =>
			moveItem(contextOf(event), item.id, values.direction)
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'De volgorde is gewijzigd.'), form: 'move' }
			: out;
	},
	delete: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'delete', async (values) => {
			confirmed(values);
			return deleteItem(contextOf(event), item.id);
		});
		if ('result' in out)
			redirect(
				303,
				localizeHref(`/beheer/plannen/${event.params.slug}/bewerken`, event.locals.locale)
			);
		return out;
	},
	addChild: async (event: ItemEvent) => {
		const { tree, item } = await keptItem(event);
		const kind = item.kind === 'theme' ? 'objective' : 'action';
		const out = await run(event, 'addChild', (values) =>
			addItem(contextOf(event), tree.plan.id, { ...values, kind, parentId: item.id })
		);
		return 'result' in out
			? {
					saved: translateMessage(
						event.locals.locale,
						`${kindLabels[kind]} ${out.result.externalId} is toegevoegd.`
					),
					form: 'addChild'
				}
			: out;
	},
	override: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'override', (values) =>
			setOverride(contextOf(event), { itemId: item.id }, values.status, values.reason)
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'De status is bewaard.'), form: 'override' }
			: out;
	},
	addMilestone: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'addMilestone', (values) =>
			addMilestone(contextOf(event), item.id, values)
		);
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'De mijlpaal is toegevoegd.'),
					form: 'addMilestone'
				}
			: out;
	},
	milestone: async (event: ItemEvent) => {
		await itemIdOf(event);
		const out = await run(event, 'milestone', (values) => {
			const { id, ...input } = values;
			return updateMilestone(contextOf(event), String(id ?? ''), input);
		});
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'De mijlpaal is bewaard.'),
					form: 'milestone'
				}
			: out;
	},
	removeMilestone: async (event: ItemEvent) => {
		await itemIdOf(event);
		const out = await run(event, 'milestone', async (values) => {
			confirmed(values);
			return removeMilestone(contextOf(event), String(values.id ?? ''));
		});
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'De mijlpaal is verwijderd.'),
					form: 'milestone'
				}
			: out;
	},
	addMeasure: async (event: ItemEvent) => {
		const item = await itemIdOf(event);
		const out = await run(event, 'addMeasure', (values) =>
			addMeasure(contextOf(event), item.id, values)
		);
		return 'result' in out
			? {
					saved: translateMessage(event.locals.locale, 'De meting is toegevoegd.'),
					form: 'addMeasure'
				}
			: out;
	},
	link: async (event: ItemEvent) => {
		const { tree, item } = await keptItem(event);
		const out = await run(event, 'link', (values) =>
			linkDecision(contextOf(event), String(values.decisionId ?? ''), {
				planId: tree.plan.id,
				itemId: item.id,
				effect: values.effect
			})
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'Het besluit is gekoppeld.'), form: 'link' }
			: out;
	}
};

// ---------------------------------------------------------------------------------------------
// A measure

async function keptMeasure(event: Event<{ slug: string; id: string }>) {
	const { ctx, tree } = await keptTree(event);
	const find = (
		items: TreeItem[]
	): { item: TreeItem; measure: TreeItem['measures'][number] } | undefined => {
		for (const item of items) {
			const measure = item.measures.find((m) => m.id === event.params.id);
			if (measure) return { item, measure };
			const found = find(item.children);
			if (found) return found;
		}
		return undefined;
	};
	const found = find(tree.themes);
	if (!found) error(404, translateMessage(ctx.locale, 'Meting niet gevonden.'));
	return { ctx, tree, ...found };
}

/** GET /beheer/plannen/<slug>/metingen/<id> */
export async function measureEditPage(event: Event<{ slug: string; id: string }>) {
	const { ctx, tree, item, measure: m } = await keptMeasure(event);
	const [options, updates] = await Promise.all([
		itemFormOptions(ctx.db, ctx.locale),
		updatesOf(ctx.db, { measureId: m.id })
	]);
	return {
		plan: { slug: tree.plan.slug, title: tr(tree.plan.title, ctx.locale) },
		item: { id: item.id, externalId: item.externalId, title: item.title },
		measure: {
			id: m.id,
			externalId: m.externalId,
			label: `${m.indicator.name} — ${m.area.name}`,
			status: statusView(m, ctx.locale),
			override: m.override
		},
		values: {
			externalId: m.externalId,
			indicatorId: m.indicator.id,
			areaId: m.area.id,
			baselineValue: numberText(m.baseline.value),
			baselinePeriod: m.baseline.period,
			targetValue: numberText(m.target.value),
			targetPeriod: m.target.period,
			intermediateTargets: m.milestones
				.map((t) => `${t.period}: ${numberText(t.value)}`)
				.join('\n'),
			direction: m.direction,
			trajectory: m.trajectory,
			weight: numberText(m.weight),
			revision: String(m.revision)
		},
		options: {
			indicators: options.indicators,
			areas: options.areas,
			statuses: statusOptions(ctx.locale)
		},
		updates: updates.map((u) => ({
			id: u.id,
			date: formatDate(u.reportedOn, ctx.locale),
			text: u.text,
			author: u.authorName ?? null
		}))
	};
}

type MeasureEvent = Event<{ slug: string; id: string }>;

export const measureEditActions = {
	measure: async (event: MeasureEvent) => {
		const { measure } = await keptMeasure(event);
		const out = await run(event, 'measure', (values) => {
			const { input, revision } = fromForm(values);
			return updateMeasure(contextOf(event), measure.id, input, revision);
		});
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'De meting is bewaard.'), form: 'measure' }
			: out;
	},
	/** A progress update of the measure, with a measured value that goes to the monitor. */
	update: async (event: MeasureEvent) => {
		const { measure } = await keptMeasure(event);
		const out = await run(event, 'update', (values) =>
			postUpdate(contextOf(event), {
				measureId: measure.id,
				text: values.text,
				reportedOn: values.reportedOn,
				statusProposal: values.statusProposal,
				observation:
					blank(values.period) && blank(values.value)
						? undefined
						: { period: values.period ?? '', value: values.value ?? '' }
			})
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'Uw update is bewaard.'), form: 'update' }
			: out;
	},
	override: async (event: MeasureEvent) => {
		const { measure } = await keptMeasure(event);
		const out = await run(event, 'override', (values) =>
			setOverride(contextOf(event), { measureId: measure.id }, values.status, values.reason)
		);
		return 'result' in out
			? { saved: translateMessage(event.locals.locale, 'De status is bewaard.'), form: 'override' }
			: out;
	},
	delete: async (event: MeasureEvent) => {
		const { measure, item } = await keptMeasure(event);
		const out = await run(event, 'delete', async (values) => {
			confirmed(values);
			return deleteMeasure(contextOf(event), measure.id);
		});
		if ('result' in out)
			redirect(
				303,
				localizeHref(
					`/beheer/plannen/${event.params.slug}/onderdelen/${item.id}`,
					event.locals.locale
				)
			);
		return out;
	}
};
