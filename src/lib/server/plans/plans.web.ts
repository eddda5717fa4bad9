/**
 * The public face of plans: the list of published plans (/plannen) and one plan as a tree with
 * every status explained (/plannen/<slug>), formatted for the page; and the plan's download with
 * the columns of the import (exchange.ts).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { formatDate, formatNumber, localizeHref, translate, tr, type Locale } from '../../i18n';
import type { ServiceContext } from '../context';
import { contextOf, formAction, load } from '../http';
import { can } from '../policy';
import { renderMarkdown } from '../minutes/markdown';
import { periodLabel } from '../monitor/periods';
import { download } from '../files/serve';
import { translateMessage } from '../messages';
import { filePurposes, formatBytes, typeLabel } from '../files/purposes';
import { uploadForm } from '../files/upload';
import { ATTACHMENTS_FIELD, MAX_ATTACHMENTS } from './attachments';
import { exportPlan } from './exchange';
import { meetingsOfItem } from './meetings.queries';
import { canKeepPlan, mayStartPlans } from './plans.policy';
import { personIdsOf, postUpdate, updatesOf, waitingForUpdate } from './updates.service';
import { plansList, planTree, type MeasureNode, type TreeItem } from './plans.queries';
import type { PlanStatus } from './status';

export type StatusView = {
	status: PlanStatus;
	label: string;
	explanation: string;
	/** "handmatig vastgelegd" when a user set the status; undefined when it is computed. */
	manual: string | undefined;
};

export const statusView = (
	n: { status: PlanStatus; explanation: string; overridden: boolean },
	locale: Locale
): StatusView => ({
	status: n.status,
	label: translate(locale, `plans.status.${n.status}`),
	explanation: n.explanation,
	manual: n.overridden ? translate(locale, 'plans.manual') : undefined
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
		latestUpdate: {
			date: string;
			text: string;
			attachments: { fileId: string; title: string }[];
		} | null;
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
								text: item.latestUpdate.text,
								attachments: item.latestUpdate.attachments
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
		// Keepers get the owners' e-mail addresses: never in a shared cache.
		event.locals.principal.kind === 'anonymous' ? 'public, max-age=300' : 'private, no-store'
	);
}

// ---------------------------------------------------------------------------------------------
// The workspace: the plans, a plan's dashboard, an owner's actions, an action and its updates.

/** A plan that is not published: only for its keepers and the members of its body. */
export function mayRead(ctx: ServiceContext, plan: { isPublic: boolean; bodyId: string | null }) {
	return (
		plan.isPublic ||
		canKeepPlan(ctx.principal, plan) ||
		(plan.bodyId !== null && can(ctx.principal, 'body:read_closed', { bodyId: plan.bodyId }))
	);
}

async function readableTree(event: RequestEvent<{ slug: string }>) {
	const ctx = contextOf(event);
	const tree = await load(
		planTree(ctx.db, event.params.slug, { audience: 'members', locale: ctx.locale })
	);
	if (!mayRead(ctx, tree.plan))
		error(403, translateMessage(ctx.locale, 'U hebt geen toegang tot dit plan.'));
	return { ctx, tree };
}

/** GET /beheer/plannen[?orgaan=<slug>]: the plans the user may read (of one body), with status. */
export async function workspacePlansPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const list = (await plansList(ctx.db, { audience: 'members', locale: ctx.locale })).filter((p) =>
		mayRead(ctx, p.plan)
	);
	const body = event.url.searchParams.get('orgaan') ?? '';
	const bodies = new Map(
		list.filter((p) => p.plan.bodySlug).map((p) => [p.plan.bodySlug!, p.plan.bodyName!])
	);
	return {
		plans: list
			.filter((p) => !body || p.plan.bodySlug === body)
			.map((p) => ({
				slug: p.plan.slug,
				title: tr(p.plan.title, ctx.locale),
				owner: p.plan.bodyName ?? p.plan.regionName ?? '',
				planStatus: translate(ctx.locale, `plans.planStatus.${p.plan.status}`),
				isPublic: p.plan.isPublic,
				isExample: p.plan.isExample,
				status: statusView(p, ctx.locale),
				actionCounts: p.actionCounts
			})),
		bodies: [...bodies].map(([value, label]) => ({ value, label })),
		body,
		mayCreate: mayStartPlans(ctx.principal)
	};
}

/** The tree pruned to what `keep` selects, with the ancestors that lead to it. */
function pruned(items: TreeItem[], keep: (item: TreeItem) => boolean): TreeItem[] {
	return items.flatMap((item) => {
		if (keep(item)) return [item];
		const children = pruned(item.children, keep);
		return children.length ? [{ ...item, children }] : [];
	});
}

function actionsOf(items: TreeItem[]): TreeItem[] {
	return items.flatMap((i) => (i.kind === 'action' ? [i] : actionsOf(i.children)));
}

/**
 * GET /beheer/plannen/<slug>[?thema=<id>&eigenaar=<personId>]: the plan's dashboard, each action
 * linked to its page; or the dashboard of one theme, or of one owner's actions.
 */
export async function workspacePlanPage(event: RequestEvent<{ slug: string }>) {
	const { ctx, tree } = await readableTree(event);
	const p = tree.plan;
	const theme = event.url.searchParams.get('thema') ?? '';
	const owner = event.url.searchParams.get('eigenaar') ?? '';
	let themes = tree.themes;
	if (theme) themes = themes.filter((t) => t.id === theme);
	if (owner) themes = pruned(themes, (i) => i.action?.owner?.personId === owner);
	const all = actionsOf(tree.themes);
	const owners = new Map(
		all.flatMap((a) =>
			a.action?.owner ? [[a.action.owner.personId, a.action.owner.name ?? '']] : []
		)
	);
	const counts = Object.fromEntries(
		(['not_started', 'on_track', 'at_risk', 'off_track', 'done'] as const).map((s) => [
			s,
			actionsOf(themes).filter((a) => a.status === s).length
		])
	) as Record<PlanStatus, number>;
	return {
		plan: {
			slug: p.slug,
			title: tr(p.title, ctx.locale),
			owner: p.bodyName ?? p.regionName ?? '',
			period: `${formatDate(p.periodStart, ctx.locale)} – ${formatDate(p.periodEnd, ctx.locale)}`,
			planStatus: translate(ctx.locale, `plans.planStatus.${p.status}`),
			isPublic: p.isPublic,
			isExample: p.isExample
		},
		canEdit: canKeepPlan(ctx.principal, p),
		status: statusView(tree, ctx.locale),
		actionCounts: theme || owner ? counts : tree.actionCounts,
		filter: {
			theme,
			owner,
			themes: tree.themes.map((t) => ({ value: t.id, label: `${t.externalId} ${t.title}` })),
			owners: [...owners]
				.map(([value, label]) => ({ value, label }))
				.sort((a, b) => a.label.localeCompare(b.label, 'nl'))
		},
		themes: themes.map((t) => itemView(t, ctx.locale))
	};
}

/** GET /beheer/plannen/mijn-acties: what the signed-in owner still has to report on. */
export async function myActionsPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const mine = await personIdsOf(ctx);
	const due = (await Promise.all(mine.map((id) => waitingForUpdate(ctx.db, id)))).flat();
	return {
		actions: due.map((a) => ({
			path: a.path,
			title: a.title,
			externalId: a.externalId,
			planTitle: a.planTitle,
			due: a.dueDate ? formatDate(a.dueDate, ctx.locale) : null,
			progress: a.progress,
			lastReported: a.lastReportedOn
				? translate(ctx.locale, 'ws.plans.my.lastReported', {
						period: periodLabel(a.lastReportedOn, ctx.locale)
					})
				: translate(ctx.locale, 'ws.plans.my.noUpdate')
		})),
		hasPerson: mine.length > 0
	};
}

export function findItem(items: TreeItem[], id: string): TreeItem | undefined {
	for (const item of items) {
		if (item.id === id) return item;
		const found = findItem(item.children, id);
		if (found) return found;
	}
	return undefined;
}

/** GET /beheer/plannen/<slug>/acties/<id>: an action, its status, its updates, the update form. */
export async function actionPage(event: RequestEvent<{ slug: string; id: string }>) {
	const { ctx, tree } = await readableTree(event);
	const item = findItem(tree.themes, event.params.id);
	if (!item || item.kind !== 'action')
		error(404, translateMessage(ctx.locale, 'Actie niet gevonden.'));
	const mine = await personIdsOf(ctx);
	const owner = item.action?.owner?.personId ?? null;
	const [updates, touched] = await Promise.all([
		updatesOf(ctx.db, { itemId: item.id }),
		meetingsOfItem(ctx.db, item.id)
	]);
	return {
		plan: { slug: tree.plan.slug, title: tr(tree.plan.title, ctx.locale) },
		action: itemView(item, ctx.locale),
		owner: item.action?.owner?.name ?? null,
		canReport: (owner !== null && mine.includes(owner)) || canKeepPlan(ctx.principal, tree.plan),
		canEdit: canKeepPlan(ctx.principal, tree.plan),
		/** The decisions that created or changed the action, and the agendas that listed it. */
		touched: {
			decisions: touched.decisions.map((d) => ({
				id: d.id,
				meetingId: d.meetingId,
				label: `${d.reference} ${d.title}`,
				date: formatDate(d.startsAt, ctx.locale),
				effect: translate(
					ctx.locale,
					d.effect === 'creates'
						? 'ws.plans.action.effect.creates'
						: 'ws.plans.action.effect.changes'
				)
			})),
			agendaItems: touched.agendaItems.map((i) => ({
				id: i.agendaItemId,
				meetingId: i.meetingId,
				label: i.title,
				meeting: i.meetingTitle,
				date: formatDate(i.startsAt, ctx.locale)
			}))
		},
		updates: updates.map((u) => ({
			id: u.id,
			date: formatDate(u.reportedOn, ctx.locale),
			text: u.text,
			progress: u.progress,
			proposal: u.statusProposal ? translate(ctx.locale, `plans.status.${u.statusProposal}`) : null,
			author: u.authorName ?? null,
			attachments: u.attachments.map((a) => ({
				title: a.title,
				href: localizeHref(
					`/beheer/plannen/${tree.plan.slug}/acties/${item.id}/bijlagen/${a.fileId}`,
					ctx.locale
				),
				about: `${typeLabel(a.mimeType)}, ${formatBytes(a.size)}`
			}))
		})),
		attachmentLimits: {
			count: MAX_ATTACHMENTS,
			size: formatBytes(filePurposes.plan_update.maxBytes)
		},
		statuses: (['on_track', 'at_risk', 'off_track', 'done', 'not_started'] as const).map((s) => ({
			value: s,
			label: translate(ctx.locale, `plans.status.${s}`)
		}))
	};
}

/**
 * POST …/acties/<id> (multipart): the owner (or a keeper) reports progress, with up to five
 * attachments. The body is counted while it arrives (five files' worth at most); each file's type
 * and size are checked by the service.
 */
export async function postUpdateAction(event: RequestEvent<{ slug: string; id: string }>) {
	// Filled once the form is read, so a refusal shows the text again (files must be chosen again).
	const values: Record<string, unknown> = {};
	const result = await formAction(values, async () => {
		const form = await uploadForm(event.request, 'plan_update', ATTACHMENTS_FIELD, MAX_ATTACHMENTS);
		for (const key of ['text', 'progress', 'statusProposal', 'reportedOn']) {
			const v = form.get(key);
			if (typeof v === 'string') values[key] = v;
		}
		// An empty file input still sends one part, without a name or bytes.
		const chosen = form
			.getAll(ATTACHMENTS_FIELD)
			.filter((f): f is File => f instanceof File && !(f.name === '' && f.size === 0));
		return postUpdate(
			contextOf(event),
			{ itemId: event.params.id, ...values },
			chosen.map((file) => ({ name: file.name, data: file }))
		);
	});
	return 'id' in result
		? { done: translateMessage(event.locals.locale, 'Uw update is bewaard.') }
		: result;
}
