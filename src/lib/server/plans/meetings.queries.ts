/**
 * Plans and meetings, both ways: the actions an agenda item lists for discussion and the actions a
 * body's secretary can choose from (those of the body's plans that are not closed); the decisions
 * and agendas that touched an item; what a decision did to plans. A fixed number of queries each.
 * Changing the links: plans.service.ts (setAgendaItemActions, linkDecision, adoptPlan, amendPlan).
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	agendaItemActions,
	agendaItems,
	decisionPlanLinks,
	decisions,
	meetings,
	planItems,
	plans
} from '../db/schema';
import { decisionReference } from '../meetings/decisions.service';
import { tr, type Locale } from '../../i18n';
import { actionPath } from './updates.service';

/** Per agenda item of the meeting: the actions it lists, with the path to each. */
export async function agendaActions(db: DbOrTx, meetingId: string, locale: Locale) {
	const rows = await db
		.select({
			agendaItemId: agendaItemActions.agendaItemId,
			id: planItems.id,
			externalId: planItems.externalId,
			title: planItems.title,
			planSlug: plans.slug,
			planTitle: plans.title
		})
		.from(agendaItemActions)
		.innerJoin(agendaItems, eq(agendaItems.id, agendaItemActions.agendaItemId))
		.innerJoin(planItems, eq(planItems.id, agendaItemActions.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(plans.slug), asc(planItems.externalId));
	const byItem: Record<string, { id: string; label: string; path: string }[]> = {};
	for (const r of rows)
		(byItem[r.agendaItemId] ??= []).push({
			id: r.id,
			label: `${r.externalId} ${r.title} (${tr(r.planTitle, locale)})`,
			path: actionPath(r.planSlug, r.id)
		});
	return byItem;
}

/** The actions of the body's plans that are not closed, as choices. */
export async function bodyActionOptions(db: DbOrTx, bodyId: string, locale: Locale) {
	const rows = await db
		.select({
			id: planItems.id,
			externalId: planItems.externalId,
			title: planItems.title,
			planTitle: plans.title
		})
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(and(eq(plans.bodyId, bodyId), ne(plans.status, 'closed'), eq(planItems.kind, 'action')))
		.orderBy(asc(plans.slug), asc(planItems.externalId));
	return rows.map((r) => ({
		value: r.id,
		label: `${tr(r.planTitle, locale)} — ${r.externalId} ${r.title}`
	}));
}

/**
 * The decisions and agenda items that touched a plan item (an action shows them): decisions
 * that created or changed it, and the meetings whose agenda listed it. Two queries.
 */
export async function meetingsOfItem(db: DbOrTx, itemId: string) {
	const [decided, discussed] = await Promise.all([
		db
			.select({
				id: decisions.id,
				effect: decisionPlanLinks.effect,
				year: decisions.year,
				number: decisions.number,
				title: decisions.title,
				meetingId: meetings.id,
				startsAt: meetings.startsAt
			})
			.from(decisionPlanLinks)
			.innerJoin(decisions, eq(decisions.id, decisionPlanLinks.decisionId))
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.where(eq(decisionPlanLinks.itemId, itemId))
			.orderBy(desc(meetings.startsAt)),
		db
			.select({
				agendaItemId: agendaItems.id,
				title: agendaItems.title,
				meetingId: meetings.id,
				meetingTitle: meetings.title,
				startsAt: meetings.startsAt
			})
			.from(agendaItemActions)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemActions.agendaItemId))
			.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
			.where(eq(agendaItemActions.itemId, itemId))
			.orderBy(desc(meetings.startsAt))
	]);
	return {
		decisions: decided.map((d) => ({ ...d, reference: decisionReference(d) })),
		agendaItems: discussed
	};
}

/**
 * What a decision did to plans (adopted or amended a plan, created or changed an item): for the
 * decision's page. The public sees only published plans.
 */
export async function plansOfDecision(
	db: DbOrTx,
	decisionId: string,
	opts: { publicOnly: boolean; locale: Locale }
) {
	const rows = await db
		.select({
			effect: decisionPlanLinks.effect,
			planSlug: plans.slug,
			planTitle: plans.title,
			isPublic: plans.isPublic,
			itemId: planItems.id,
			itemKind: planItems.kind,
			externalId: planItems.externalId,
			itemTitle: planItems.title
		})
		.from(decisionPlanLinks)
		.innerJoin(plans, eq(plans.id, decisionPlanLinks.planId))
		.leftJoin(planItems, eq(planItems.id, decisionPlanLinks.itemId))
		.where(eq(decisionPlanLinks.decisionId, decisionId))
		.orderBy(asc(plans.slug), asc(planItems.externalId));
	return rows
		.filter((r) => !opts.publicOnly || r.isPublic)
		.map((r) => ({
			effect: r.effect,
			planSlug: r.planSlug,
			planTitle: tr(r.planTitle, opts.locale),
			item: r.itemId
				? { id: r.itemId, kind: r.itemKind!, label: `${r.externalId} ${r.itemTitle}` }
				: null
		}));
}
