/**
 * The public face of plans: the list of published plans (/plannen) and one plan as a tree with
 * every status explained (/plannen/<slug>), formatted for the page; and the plan's download with
 * the columns of the import (exchange.ts).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { formatDate, formatNumber, translate, tr, type Locale } from '../../i18n';
import { contextOf, load } from '../http';
import { renderMarkdown } from '../minutes/markdown';
import { periodLabel } from '../monitor/periods';
import { download } from '../files/serve';
import { exportPlan } from './exchange';
import { plansList, planTree, type MeasureNode, type TreeItem } from './plans.queries';
import type { PlanStatus } from './status';

export type StatusView = {
	status: PlanStatus;
	label: string;
	explanation: string;
	overridden: boolean;
};

const statusView = (
	n: { status: PlanStatus; explanation: string; overridden: boolean },
	locale: Locale
): StatusView => ({
	status: n.status,
	label: translate(locale, `plans.status.${n.status}`),
	explanation: n.explanation,
	overridden: n.overridden
});

const value = (v: number, m: MeasureNode, locale: Locale) =>
	`${formatNumber(v, locale, m.indicator.decimals)}${m.indicator.unit === '%' ? ' %' : ` ${m.indicator.unit}`}`;

function measureView(m: MeasureNode, locale: Locale) {
	return {
		id: m.id,
		indicator: m.indicator.name,
		indicatorCode: m.indicator.code,
		area: m.area.name,
		baseline: `${value(m.baseline.value, m, locale)} (${periodLabel(m.baseline.period, locale)})`,
		latest: m.latest
			? `${value(m.latest.value, m, locale)} (${periodLabel(m.latest.period, locale)})`
			: '–',
		target: `${value(m.target.value, m, locale)} (${periodLabel(m.target.period, locale)})`,
		status: statusView(m, locale)
	};
}

export type ItemView = {
	id: string;
	kind: TreeItem['kind'];
	externalId: string;
	title: string;
	description: string;
	challenge: string;
	isPriority: boolean;
	status: StatusView;
	measures: ReturnType<typeof measureView>[];
	action: {
		lead: string | null;
		partners: string[];
		period: string | null;
		progress: number;
		latestUpdate: { date: string; text: string } | null;
	} | null;
	children: ItemView[];
};

function itemView(item: TreeItem, locale: Locale): ItemView {
	const a = item.action;
	const dates =
		a && (a.startDate || a.dueDate)
			? [a.startDate, a.dueDate].map((d) => (d ? formatDate(d, locale) : '…')).join(' – ')
			: null;
	return {
		id: item.id,
		kind: item.kind,
		externalId: item.externalId,
		title: item.title,
		description: item.description,
		challenge: item.challenge,
		isPriority: item.isPriority,
		status: statusView(item, locale),
		measures: item.measures.map((m) => measureView(m, locale)),
		action: a
			? {
					lead: a.leadOrganisation?.name ?? null,
					partners: a.partners.map((p) => p.name),
					period: dates,
					progress: a.progress,
					latestUpdate: item.latestUpdate
						? {
								date: formatDate(item.latestUpdate.reportedOn, locale),
								text: item.latestUpdate.text
							}
						: null
				}
			: null,
		children: item.children.map((c) => itemView(c, locale))
	};
}

/** GET /plannen: the published plans with their status. */
export async function publicPlansPage(event: RequestEvent) {
	const locale = event.locals.locale;
	const list = await plansList(event.locals.db, { audience: 'public', locale });
	return {
		plans: list.map((p) => ({
			slug: p.plan.slug,
			title: tr(p.plan.title, locale),
			owner: p.plan.bodyName ?? p.plan.regionName ?? '',
			period: `${formatDate(p.plan.periodStart, locale)} – ${formatDate(p.plan.periodEnd, locale)}`,
			isExample: p.plan.isExample,
			status: statusView(p, locale),
			actionCounts: p.actionCounts
		}))
	};
}

/** GET /plannen/<slug>: one published plan as a tree. */
export async function publicPlanPage(event: RequestEvent<{ slug: string }>) {
	const locale = event.locals.locale;
	const tree = await load(
		planTree(event.locals.db, event.params.slug, { audience: 'public', locale })
	);
	const p = tree.plan;
	return {
		plan: {
			slug: p.slug,
			title: tr(p.title, locale),
			visionHtml: renderMarkdown(p.vision),
			owner: p.bodyName ?? p.regionName ?? '',
			bodySlug: p.bodySlug,
			period: `${formatDate(p.periodStart, locale)} – ${formatDate(p.periodEnd, locale)}`,
			planStatus: translate(locale, `plans.planStatus.${p.status}`),
			isExample: p.isExample
		},
		status: statusView(tree, locale),
		actionCounts: tree.actionCounts,
		themes: tree.themes.map((t) => itemView(t, locale))
	};
}

/** GET /plannen/<slug>/plan.csv and plan.xlsx: the plan with the columns of the import. */
export async function publicPlanDownload(
	event: RequestEvent<{ slug: string }>,
	format: 'csv' | 'xlsx'
) {
	const file = await load(exportPlan(contextOf(event), { planSlug: event.params.slug, format }));
	return download(
		new Uint8Array(file.body),
		file.contentType,
		file.filename,
		'public, max-age=300'
	);
}
