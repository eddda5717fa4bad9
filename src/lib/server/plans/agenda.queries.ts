/**
 * Plans on a meeting's agenda: the actions an agenda item lists for discussion, and the actions
 * a body's secretary can choose from (those of the body's plans that are not closed). Two
 * queries per agenda, whatever its length. Changing the list: plans.service.ts
 * setAgendaItemActions.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { agendaItemActions, agendaItems, planItems, plans } from '../db/schema';
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
