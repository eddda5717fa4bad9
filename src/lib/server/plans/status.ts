/**
 * Status computed, not typed: the rules that turn an action's dates, progress and milestones, a
 * measure's observations against its trajectory, and the children of an objective, theme or plan
 * into one status with a sentence that explains it. Pure functions of their inputs (today is an
 * argument); the plan services feed them and store nothing of their own.
 */
import { formatNumber, type Locale } from '../../i18n';
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

function overridden(override: Override, computed: Computed): Computed {
	if (!override) return computed;
	return {
		status: override.status,
		explanation: `Handmatig vastgelegd: ${override.reason} (berekend: ${statusLabels[computed.status].toLowerCase()}).`,
		overridden: true
	};
}

export const statusLabels: Record<PlanStatus, string> = {
	not_started: 'Niet gestart',
	on_track: 'Op schema',
	at_risk: 'Risico',
	off_track: 'Achter op schema',
	done: 'Afgerond'
};

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
	tol: Tolerances = defaultTolerances
): Computed {
	return overridden(a.override, computeAction(a, today, tol));
}

function computeAction(a: ActionFacts, today: string, tol: Tolerances): Computed {
	const now = dayNumber(today);
	if (a.completed || a.progress >= 100) {
		return { status: 'done', explanation: 'De actie is afgerond.' };
	}
	if (a.startDate && dayNumber(a.startDate) > now && a.progress === 0) {
		return {
			status: 'not_started',
			explanation: `De actie start op ${formatDay(a.startDate)}.`
		};
	}
	if (a.dueDate && dayNumber(a.dueDate) < now) {
		return {
			status: 'off_track',
			explanation: `De einddatum ${formatDay(a.dueDate)} is voorbij en de actie staat op ${a.progress} %.`
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
		const base = `${Math.round(elapsed)} % van de tijd is verstreken, de actie staat op ${a.progress} %`;
		if (lag > tol.actionOffTrack) {
			return { status: 'off_track', explanation: `${base}: ${lag} punten achter.` };
		}
		if (lag > tol.actionAtRisk) {
			return { status: 'at_risk', explanation: `${base}: ${lag} punten achter.` };
		}
		if (late.length) return lateMilestone(late);
		return {
			status: 'on_track',
			explanation: lag > 0 ? `${base}: ${lag} punten achter, binnen de marge.` : `${base}.`
		};
	}
	if (late.length) return lateMilestone(late);
	if (a.progress === 0) {
		return { status: 'not_started', explanation: 'Er is nog geen voortgang gemeld.' };
	}
	return {
		status: 'on_track',
		explanation: `De actie staat op ${a.progress} % (zonder start- of einddatum).`
	};
}

function lateMilestone(late: ActionFacts['milestones']): Computed {
	const first = late[0];
	return {
		status: 'at_risk',
		explanation:
			late.length === 1
				? `Mijlpaal „${first.title}” (${formatDay(first.dueDate)}) is niet gehaald.`
				: `${late.length} mijlpalen zijn niet gehaald, de eerste „${first.title}” (${formatDay(first.dueDate)}).`
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
	return overridden(m.override, computeMeasure(m, locale, tol));
}

function computeMeasure(m: MeasureFacts, locale: Locale, tol: Tolerances): Computed {
	const percent = m.unit.trim() === '%';
	const value = (v: number) =>
		`${formatNumber(v, locale, m.decimals)}${percent ? ' %' : m.unit ? ` ${m.unit}` : ''}`;
	const difference = (v: number) =>
		`${formatNumber(v, locale, m.decimals)}${percent ? ' pt' : m.unit ? ` ${m.unit}` : ''}`;
	const aim = `doelwaarde ${value(m.target.value)} in ${periodLabel(m.target.period, locale)}`;
	const latest = m.latest;
	if (!latest || dayNumber(latest.periodStart) <= dayNumber(m.baseline.periodStart)) {
		return {
			status: 'not_started',
			explanation: `${capital(aim)}; nog geen meting na de nulmeting (${value(m.baseline.value)} in ${periodLabel(m.baseline.period, locale)}).`
		};
	}
	const sign = m.direction === 'higher_better' ? 1 : -1;
	const measured = `laatste meting ${value(latest.value)} (${periodLabel(latest.period, locale)})`;
	if ((latest.value - m.target.value) * sign >= 0) {
		return { status: 'done', explanation: `${capital(aim)}; ${measured}: doelwaarde bereikt.` };
	}
	const expected = expectedAt(m, latest.periodStart);
	const gap = (latest.value - expected) * sign; // > 0: ahead of the trajectory
	// The distance the plan means to travel; a "hold the level" target uses the level itself.
	const distance = Math.abs(m.target.value - m.baseline.value) || Math.abs(m.target.value) || 1;
	const share = (-gap / distance) * 100;
	const diff = latest.value - expected; // as written: above or below the trajectory
	const where =
		Math.abs(diff) < 0.5 * 10 ** -m.decimals
			? 'ligt op het traject'
			: `ligt ${difference(Math.abs(diff))} ${diff > 0 ? 'boven' : 'onder'} het traject`;
	const explanation = `${capital(aim)}; ${measured} ${where}.`;
	if (share <= tol.measureOnTrack) return { status: 'on_track', explanation };
	if (share <= tol.measureAtRisk) return { status: 'at_risk', explanation };
	return { status: 'off_track', explanation };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
	override?: Override
): Computed {
	return overridden(override, computeRollUp(children));
}

function computeRollUp(children: { status: PlanStatus; weight: number }[]): Computed {
	const counted = children.filter((c) => c.weight > 0 && c.status !== 'not_started');
	if (!counted.length) {
		return {
			status: 'not_started',
			explanation: !children.length
				? 'Er zijn nog geen onderdelen.'
				: children.every((c) => c.weight <= 0)
					? 'Geen enkel onderdeel telt mee (alle gewichten zijn 0).'
					: 'Geen van de meetellende onderdelen is al gestart.'
		};
	}
	const total = counted.reduce((s, c) => s + c.weight, 0);
	const withWeight = children.filter((c) => c.weight > 0);
	if (counted.length === withWeight.length && counted.every((c) => c.status === 'done')) {
		return { status: 'done', explanation: `Alle ${counted.length} onderdelen zijn afgerond.` };
	}
	const weighted =
		counted.reduce(
			(s, c) => s + c.weight * score[c.status as Exclude<PlanStatus, 'not_started'>],
			0
		) / total;
	const good = counted.filter((c) => c.status === 'on_track' || c.status === 'done').length;
	const pct = Math.round(weighted * 100);
	const explanation = `${good} van de ${counted.length} gestarte onderdelen op schema of afgerond (gewogen ${pct} %).`;
	if (weighted >= 0.8) return { status: 'on_track', explanation };
	if (weighted >= 0.5) return { status: 'at_risk', explanation };
	return { status: 'off_track', explanation };
}
