/**
 * Status computed, not typed: the rules that turn an action's dates, progress and milestones, a
 * measure's observations against its trajectory, and the children of an objective, theme or plan
 * into one status with a sentence that explains it. Pure functions of their inputs (today is an
 * argument); the plan services feed them and store nothing of their own. The sentences are the
 * `plans.explain.*` messages of the catalogue, in the locale asked for (Dutch by default).
 */
import { formatNumber, translate, type Locale } from '../../i18n';
import { periodLabel } from '../monitor/periods';

export const planStatuses = ['not_started', 'on_track', 'at_risk', 'off_track', 'done'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export type Computed = { status: PlanStatus; explanation: string; overridden?: boolean };

/** The tolerances of a plan (percentages and percentage points). */
export type Tolerances = {
	/** A measure is on track within this share of the baseline-to-target distance. */
	measureOnTrack: number;
	/** … at risk within this share; off track beyond it. */
	measureAtRisk: number;
	/** An action is at risk when its progress lags elapsed time by more than these points. */
	actionAtRisk: number;
	/** … off track beyond these points (or past due). */
	actionOffTrack: number;
};

export const defaultTolerances: Tolerances = {
	measureOnTrack: 5,
	measureAtRisk: 15,
	actionAtRisk: 15,
	actionOffTrack: 30
};

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

/** A user's manual status wins, recorded with its reason and shown as such. */
export type Override = { status: PlanStatus; reason: string } | null | undefined;

function overridden(override: Override, computed: Computed, locale: Locale): Computed {
	if (!override) return computed;
	return {
		status: override.status,
		explanation: translate(locale, 'plans.explain.override', {
			reason: override.reason,
			computed: translate(locale, `plans.status.${computed.status}`).toLowerCase()
		}),
		overridden: true
	};
}

// ---------------------------------------------------------------------------------------------
// Actions

export type ActionFacts = {
	startDate: string | null;
	dueDate: string | null;
	/** 0–100, from the latest update. */
	progress: number;
	/** Marked done (an update proposed it, or progress reached 100). */
	completed: boolean;
	milestones: { title: string; dueDate: string; doneOn: string | null }[];
	override?: Override;
};

const formatDay = (iso: string) => {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d}/${m}/${y}`;
};

/** An action's status from its dates, progress and milestones. */
export function actionStatus(
	a: ActionFacts,
	today: string,
	tol: Tolerances = defaultTolerances,
	locale: Locale = 'nl'
): Computed {
	return overridden(a.override, computeAction(a, today, tol, locale), locale);
}

function computeAction(a: ActionFacts, today: string, tol: Tolerances, locale: Locale): Computed {
	const now = dayNumber(today);
	// Whole percentages read the same in both locales: written as they are, since Intl number
	// formatting costs more than the rest of the rule on a dashboard of thousands of actions.
	const progress = String(a.progress);
	if (a.completed || a.progress >= 100) {
		return { status: 'done', explanation: translate(locale, 'plans.explain.action.done') };
	}
	if (a.startDate && dayNumber(a.startDate) > now && a.progress === 0) {
		return {
			status: 'not_started',
			explanation: translate(locale, 'plans.explain.action.startsOn', {
				date: formatDay(a.startDate)
			})
		};
	}
	if (a.dueDate && dayNumber(a.dueDate) < now) {
		return {
			status: 'off_track',
			explanation: translate(locale, 'plans.explain.action.pastDue', {
				date: formatDay(a.dueDate),
				progress
			})
		};
	}
	const late = a.milestones
		.filter((m) => !m.doneOn && dayNumber(m.dueDate) < now)
		.sort((x, y) => x.dueDate.localeCompare(y.dueDate));
	if (a.startDate && a.dueDate) {
		const span = dayNumber(a.dueDate) - dayNumber(a.startDate);
		const elapsed =
			span <= 0 ? 100 : Math.min(100, Math.max(0, ((now - dayNumber(a.startDate)) / span) * 100));
		const lag = Math.round(elapsed) - a.progress;
		const facts = { elapsed: String(Math.round(elapsed)), progress, lag: String(lag) };
		const behind = () => translate(locale, 'plans.explain.action.behind', facts);
		if (lag > tol.actionOffTrack) return { status: 'off_track', explanation: behind() };
		if (lag > tol.actionAtRisk) return { status: 'at_risk', explanation: behind() };
		if (late.length) return lateMilestone(late, locale);
		return {
			status: 'on_track',
			explanation: translate(
				locale,
				lag > 0 ? 'plans.explain.action.behindWithinMargin' : 'plans.explain.action.onTime',
				facts
			)
		};
	}
	if (late.length) return lateMilestone(late, locale);
	if (a.progress === 0) {
		return {
			status: 'not_started',
			explanation: translate(locale, 'plans.explain.action.noProgress')
		};
	}
	return {
		status: 'on_track',
		explanation: translate(locale, 'plans.explain.action.undated', { progress })
	};
}

function lateMilestone(late: ActionFacts['milestones'], locale: Locale): Computed {
	const first = late[0];
	const params = { count: late.length, title: first.title, date: formatDay(first.dueDate) };
	return {
		status: 'at_risk',
		explanation: translate(
			locale,
			late.length === 1
				? 'plans.explain.action.milestoneMissed'
				: 'plans.explain.action.milestonesMissed',
			params
		)
	};
}

// ---------------------------------------------------------------------------------------------
// Measures

export type MeasurePoint = { period: string; periodStart: string; value: number };

export type MeasureFacts = {
	unit: string;
	decimals: number;
	direction: 'higher_better' | 'lower_better';
	trajectory: 'linear' | 'stepped';
	baseline: MeasurePoint;
	target: MeasurePoint;
	/** Intermediate targets, between baseline and target. */
	milestones: MeasurePoint[];
	/** The latest observation at or after the baseline, if any. */
	latest: MeasurePoint | null;
	override?: Override;
};

/** The value the trajectory expects at `day` (a period start). */
export function expectedAt(m: MeasureFacts, day: string): number {
	const points = [m.baseline, ...m.milestones, m.target]
		.map((p) => ({ x: dayNumber(p.periodStart), y: p.value }))
		.sort((a, b) => a.x - b.x);
	const x = dayNumber(day);
	if (x <= points[0].x) return points[0].y;
	const last = points[points.length - 1];
	if (x >= last.x) return last.y;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1];
		const b = points[i];
		if (x <= b.x) {
			if (m.trajectory === 'stepped') return x === b.x ? b.y : a.y;
			return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
		}
	}
	return last.y;
}

/** A measure's status: its latest observation against the trajectory from baseline to target. */
export function measureStatus(
	m: MeasureFacts,
	locale: Locale = 'nl',
	tol: Tolerances = defaultTolerances
): Computed {
	return overridden(m.override, computeMeasure(m, locale, tol), locale);
}

function computeMeasure(m: MeasureFacts, locale: Locale, tol: Tolerances): Computed {
	const percent = m.unit.trim() === '%';
	// A difference of percentages is in percentage points.
	const points = translate(locale, 'plans.explain.measure.percentagePoints');
	const value = (v: number) =>
		`${formatNumber(v, locale, m.decimals)}${percent ? ' %' : m.unit ? ` ${m.unit}` : ''}`;
	const difference = (v: number) =>
		`${formatNumber(v, locale, m.decimals)}${percent ? ` ${points}` : m.unit ? ` ${m.unit}` : ''}`;
	const aim = { target: value(m.target.value), targetPeriod: periodLabel(m.target.period, locale) };
	const latest = m.latest;
	if (!latest || dayNumber(latest.periodStart) <= dayNumber(m.baseline.periodStart)) {
		return {
			status: 'not_started',
			explanation: translate(locale, 'plans.explain.measure.noObservation', {
				...aim,
				baseline: value(m.baseline.value),
				baselinePeriod: periodLabel(m.baseline.period, locale)
			})
		};
	}
	const sign = m.direction === 'higher_better' ? 1 : -1;
	const measured = {
		...aim,
		latest: value(latest.value),
		latestPeriod: periodLabel(latest.period, locale)
	};
	if ((latest.value - m.target.value) * sign >= 0) {
		return {
			status: 'done',
			explanation: translate(locale, 'plans.explain.measure.targetMet', measured)
		};
	}
	const expected = expectedAt(m, latest.periodStart);
	const gap = (latest.value - expected) * sign; // > 0: ahead of the trajectory
	// The distance the plan means to travel; a "hold the level" target uses the level itself.
	const distance = Math.abs(m.target.value - m.baseline.value) || Math.abs(m.target.value) || 1;
	const share = (-gap / distance) * 100;
	const diff = latest.value - expected; // as written: above or below the trajectory
	const explanation =
		Math.abs(diff) < 0.5 * 10 ** -m.decimals
			? translate(locale, 'plans.explain.measure.onTrajectory', measured)
			: translate(
					locale,
					diff > 0
						? 'plans.explain.measure.aboveTrajectory'
						: 'plans.explain.measure.belowTrajectory',
					{ ...measured, difference: difference(Math.abs(diff)) }
				);
	if (share <= tol.measureOnTrack) return { status: 'on_track', explanation };
	if (share <= tol.measureAtRisk) return { status: 'at_risk', explanation };
	return { status: 'off_track', explanation };
}

// ---------------------------------------------------------------------------------------------
// Roll-up

const score: Record<Exclude<PlanStatus, 'not_started'>, number> = {
	done: 1,
	on_track: 1,
	at_risk: 0.5,
	off_track: 0
};

/**
 * The status of an objective, theme or plan from its children (weighted). Children not started
 * and children with weight 0 do not count; with none left the parent has not started. All done:
 * done. Otherwise the weighted score: on track from 80 %, at risk from 50 %, off track below.
 */
export function rollUp(
	children: { status: PlanStatus; weight: number }[],
	override?: Override,
	locale: Locale = 'nl'
): Computed {
	return overridden(override, computeRollUp(children, locale), locale);
}

function computeRollUp(
	children: { status: PlanStatus; weight: number }[],
	locale: Locale
): Computed {
	const counted = children.filter((c) => c.weight > 0 && c.status !== 'not_started');
	if (!counted.length) {
		return {
			status: 'not_started',
			explanation: translate(
				locale,
				!children.length
					? 'plans.explain.rollUp.empty'
					: children.every((c) => c.weight <= 0)
						? 'plans.explain.rollUp.allWeightless'
						: 'plans.explain.rollUp.noneStarted'
			)
		};
	}
	const total = counted.reduce((s, c) => s + c.weight, 0);
	const withWeight = children.filter((c) => c.weight > 0);
	if (counted.length === withWeight.length && counted.every((c) => c.status === 'done')) {
		return {
			status: 'done',
			explanation: translate(locale, 'plans.explain.rollUp.allDone', { count: counted.length })
		};
	}
	const weighted =
		counted.reduce(
			(s, c) => s + c.weight * score[c.status as Exclude<PlanStatus, 'not_started'>],
			0
		) / total;
	const good = counted.filter((c) => c.status === 'on_track' || c.status === 'done').length;
	const pct = Math.round(weighted * 100);
	const explanation = translate(locale, 'plans.explain.rollUp.score', {
		good,
		count: counted.length,
		percent: pct
	});
	if (weighted >= 0.8) return { status: 'on_track', explanation };
	if (weighted >= 0.5) return { status: 'at_risk', explanation };
	return { status: 'off_track', explanation };
}
