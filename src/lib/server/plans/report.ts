/**
 * The progress report ("voortgangsrapport") of a plan over a period: the plan's rolled-up status,
 * every theme → objective → action and measure with its computed status and the sentence that
 * explains it (a manual status says so, with its reason), the updates posted in the period, the
 * actions per status and the movements of the period (actions whose status or progress changed).
 * The statuses are those of today, as on the plan's pages; the movements compare the start and
 * the end of the period, replayed from the dated updates. Two queries more than nothing: the plan
 * tree (plans.queries.ts, a fixed number) and one for the updates up to the end of the period.
 * The PDF and XLSX renderings live in report.pdf.ts and report.xlsx.ts.
 */
import { and, asc, eq, isNotNull, lte, or, gte, sql } from 'drizzle-orm';
import { today as clockToday } from '../clock';
import type { DbOrTx } from '../db';
import { planItems, planMeasures, planUpdates, users } from '../db/schema';
import { tr, translate, type Locale } from '../../i18n';
import { planTree, type Audience, type MeasureNode, type TreeItem } from './plans.queries';
import { addDays, periodTitle, reportPeriod, type ReportPeriod } from './report.period';
import { actionStatus, planStatuses, type PlanStatus, type MeasurePoint } from './status';

export type { ReportPeriod };

/** A shape for every status that Helvetica (WinAnsi) can print: never colour alone. */
export const statusShapes: Record<PlanStatus, string> = {
	not_started: '°',
	on_track: '•',
	at_risk: '!',
	off_track: '×',
	done: '+'
};

export type ReportStatus = {
	status: PlanStatus;
	label: string;
	shape: string;
	explanation: string;
	/** "handmatig vastgelegd" (translated) when a user set the status. */
	manual: string | null;
	/** The reason given with a manual status. */
	reason: string | null;
};

export type ReportUpdate = {
	id: string;
	kind: 'action' | 'measure';
	/** The action's or measure's external id and title. */
	externalId: string;
	title: string;
	reportedOn: string;
	text: string;
	progress: number | null;
	statusProposal: ReportStatus | null;
	/** The author's name: only for audiences that may see owners. */
	author: string | null;
};

export type ReportMeasure = {
	id: string;
	externalId: string;
	/** The objective's external id. */
	objective: string;
	indicator: string;
	unit: string;
	decimals: number;
	area: string;
	baseline: MeasurePoint;
	latest: MeasurePoint | null;
	target: MeasurePoint;
	status: ReportStatus;
	updates: ReportUpdate[];
};

export type Movement = {
	before: { status: PlanStatus; label: string; progress: number };
	after: { status: PlanStatus; label: string; progress: number };
};

export type ReportAction = {
	id: string;
	externalId: string;
	/** External ids from the theme down to the action. */
	path: string[];
	title: string;
	status: ReportStatus;
	progress: number;
	startDate: string | null;
	dueDate: string | null;
	lead: string | null;
	/** The owner's name: only for audiences that may see owners. */
	owner: string | null;
	lastUpdate: { reportedOn: string; text: string } | null;
	updates: ReportUpdate[];
	/** Set when the status or the progress changed between the start and the end of the period. */
	movement: Movement | null;
};

export type ReportNode = {
	id: string;
	kind: 'theme' | 'objective';
	externalId: string;
	path: string[];
	title: string;
	challenge: string;
	status: ReportStatus;
	measures: ReportMeasure[];
	actions: ReportAction[];
	children: ReportNode[];
};

export type ProgressReport = {
	plan: {
		id: string;
		slug: string;
		bodyId: string | null;
		title: string;
		owner: string;
		periodStart: string;
		periodEnd: string;
		planStatus: string;
		isPublic: boolean;
		isExample: boolean;
	};
	period: ReportPeriod & { title: string };
	/** The day the report was made (the statuses are those of that day). */
	generatedOn: string;
	audience: Audience;
	locale: Locale;
	status: ReportStatus;
	counts: Record<PlanStatus, number>;
	themes: ReportNode[];
	/** Every action and measure in tree order, and the period's updates, oldest first. */
	actions: ReportAction[];
	measures: ReportMeasure[];
	updates: ReportUpdate[];
	movements: ReportAction[];
};

export type ReportOptions = {
	from?: string | null;
	to?: string | null;
	audience: Audience;
	locale?: Locale;
	/** For tests; defaults to today in Europe/Brussels. */
	today?: string;
};

/** The updates of a plan's actions up to `to`, and of its measures in the period: one query. */
function updatesUpTo(db: DbOrTx, planId: string, period: ReportPeriod) {
	return db
		.select({
			id: planUpdates.id,
			itemId: planUpdates.itemId,
			measureId: planUpdates.measureId,
			reportedOn: planUpdates.reportedOn,
			text: planUpdates.text,
			progress: planUpdates.progress,
			statusProposal: planUpdates.statusProposal,
			authorName: users.name
		})
		.from(planUpdates)
		.leftJoin(planMeasures, eq(planMeasures.id, planUpdates.measureId))
		.innerJoin(
			planItems,
			sql`${planItems.id} = coalesce(${planUpdates.itemId}, ${planMeasures.itemId})`
		)
		.leftJoin(users, eq(users.id, planUpdates.authorUserId))
		.where(
			and(
				eq(planItems.planId, planId),
				lte(planUpdates.reportedOn, period.to),
				or(isNotNull(planUpdates.itemId), gte(planUpdates.reportedOn, period.from))
			)
		)
		.orderBy(asc(planUpdates.reportedOn), asc(planUpdates.createdAt), asc(planUpdates.id));
}

type UpdateRow = Awaited<ReturnType<typeof updatesUpTo>>[number];

/**
 * An action's progress and completion on `day`, replayed from its updates as postUpdate applies
 * them (a report without a percentage keeps the progress; 100 % or "done" completes).
 */
function stateOn(history: UpdateRow[], day: string) {
	let progress = 0;
	let completed = false;
	for (const u of history) {
		if (u.reportedOn > day) break;
		progress = u.progress ?? progress;
		if (progress >= 100 || u.statusProposal === 'done') completed = true;
		else if (u.progress !== null) completed = false;
	}
	return { progress, completed };
}

/** The progress report of a plan (by slug or id). Bad periods are refused before any query. */
export async function progressReport(
	db: DbOrTx,
	planIdOrSlug: string,
	opts: ReportOptions
): Promise<ProgressReport> {
	const today = opts.today ?? clockToday();
	const locale = opts.locale ?? 'nl';
	const period = reportPeriod({ from: opts.from, to: opts.to }, today);
	const tree = await planTree(db, planIdOrSlug, { audience: opts.audience, today, locale });
	const rows = await updatesUpTo(db, tree.plan.id, period);
	const showNames = opts.audience === 'members';

	const status = (
		n: { status: PlanStatus; explanation: string; overridden: boolean },
		override: { reason: string } | null
	): ReportStatus => ({
		status: n.status,
		label: translate(locale, `plans.status.${n.status}`),
		shape: statusShapes[n.status],
		explanation: n.explanation,
		manual: n.overridden ? translate(locale, 'plans.manual') : null,
		reason: n.overridden ? (override?.reason ?? null) : null
	});
	const proposal = (s: PlanStatus | null) =>
		s ? status({ status: s, explanation: '', overridden: false }, null) : null;

	const subject = new Map<
		string,
		{ kind: 'action' | 'measure'; externalId: string; title: string }
	>();
	const walkSubjects = (items: TreeItem[]) => {
		for (const i of items) {
			if (i.kind === 'action')
				subject.set(i.id, { kind: 'action', externalId: i.externalId, title: i.title });
			for (const m of i.measures) {
				subject.set(m.id, { kind: 'measure', externalId: m.externalId, title: m.indicator.name });
			}
			walkSubjects(i.children);
		}
	};
	walkSubjects(tree.themes);

	const history = new Map<string, UpdateRow[]>();
	const inPeriod = new Map<string, ReportUpdate[]>();
	const updates: ReportUpdate[] = [];
	for (const r of rows) {
		const key = (r.itemId ?? r.measureId)!;
		if (r.itemId) {
			const list = history.get(key);
			if (list) list.push(r);
			else history.set(key, [r]);
		}
		const s = subject.get(key);
		if (r.reportedOn < period.from || !s) continue;
		const u: ReportUpdate = {
			id: r.id,
			kind: s.kind,
			externalId: s.externalId,
			title: s.title,
			reportedOn: r.reportedOn,
			text: r.text,
			progress: r.progress,
			statusProposal: proposal(r.statusProposal),
			author: showNames ? (r.authorName ?? null) : null
		};
		updates.push(u);
		const list = inPeriod.get(key);
		if (list) list.push(u);
		else inPeriod.set(key, [u]);
	}

	const tolerances = tree.plan.tolerances;
	const before = addDays(period.from, -1);
	const end = period.to < today ? period.to : today;
	/** The action's status and progress on `day`, from its dates, updates and milestones. */
	const asOf = (item: TreeItem, day: string) => {
		const a = item.action!;
		// Never reported on: no history, the action's own figures stand. Otherwise its progress is
		// what its updates had said by then.
		const state = item.latestUpdate
			? stateOn(history.get(item.id) ?? [], day)
			: { progress: a.progress, completed: a.completedOn !== null && a.completedOn <= day };
		const computed = actionStatus(
			{
				startDate: a.startDate,
				dueDate: a.dueDate,
				progress: state.progress,
				completed: state.completed,
				milestones: a.milestones.map((m) => ({
					...m,
					doneOn: m.doneOn && m.doneOn <= day ? m.doneOn : null
				})),
				override: item.override
			},
			day,
			tolerances,
			locale
		);
		return {
			status: computed.status,
			label: translate(locale, `plans.status.${computed.status}`),
			progress: state.progress
		};
	};

	const actions: ReportAction[] = [];
	const measures: ReportMeasure[] = [];
	const measure = (m: MeasureNode, objective: string): ReportMeasure => {
		const out: ReportMeasure = {
			id: m.id,
			externalId: m.externalId,
			objective,
			indicator: m.indicator.name,
			unit: m.indicator.unit,
			decimals: m.indicator.decimals,
			area: m.area.name,
			baseline: m.baseline,
			latest: m.latest,
			target: m.target,
			status: status(m, m.override),
			updates: inPeriod.get(m.id) ?? []
		};
		measures.push(out);
		return out;
	};
	const action = (i: TreeItem, path: string[]): ReportAction => {
		const a = i.action!;
		const start = asOf(i, before);
		const finish = asOf(i, end);
		const moved = start.status !== finish.status || start.progress !== finish.progress;
		const out: ReportAction = {
			id: i.id,
			externalId: i.externalId,
			path,
			title: i.title,
			status: status(i, i.override),
			progress: a.progress,
			startDate: a.startDate,
			dueDate: a.dueDate,
			lead: a.leadOrganisation?.name ?? null,
			owner: showNames ? (a.owner?.name ?? null) : null,
			lastUpdate: i.latestUpdate
				? { reportedOn: i.latestUpdate.reportedOn, text: i.latestUpdate.text }
				: null,
			updates: inPeriod.get(i.id) ?? [],
			movement: moved ? { before: start, after: finish } : null
		};
		actions.push(out);
		return out;
	};
	const node = (i: TreeItem, parents: string[]): ReportNode => {
		const path = [...parents, i.externalId];
		const out: ReportNode = {
			id: i.id,
			kind: i.kind === 'theme' ? 'theme' : 'objective',
			externalId: i.externalId,
			path,
			title: i.title,
			challenge: i.challenge,
			status: status(i, i.override),
			measures: i.measures.map((m) => measure(m, i.externalId)),
			actions: [],
			children: []
		};
		for (const child of i.children) {
			if (child.kind === 'action') out.actions.push(action(child, [...path, child.externalId]));
			else out.children.push(node(child, path));
		}
		return out;
	};
	const themes = tree.themes.map((t) => node(t, []));

	const p = tree.plan;
	return {
		plan: {
			id: p.id,
			slug: p.slug,
			bodyId: p.bodyId,
			title: tr(p.title, locale),
			owner: p.bodyName ?? p.regionName ?? '',
			periodStart: p.periodStart,
			periodEnd: p.periodEnd,
			planStatus: translate(locale, `plans.planStatus.${p.status}`),
			isPublic: p.isPublic,
			isExample: p.isExample
		},
		period: { ...period, title: periodTitle(period, locale) },
		generatedOn: today,
		audience: opts.audience,
		locale,
		status: status(tree, tree.override),
		counts: Object.fromEntries(planStatuses.map((s) => [s, tree.actionCounts[s]])) as Record<
			PlanStatus,
			number
		>,
		themes,
		actions,
		measures,
		updates,
		movements: actions.filter((a) => a.movement)
	};
}
