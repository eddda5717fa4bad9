/**
 * Example generated reports: the Burgemeestersoverleg Oost-Brabant's standing item "Terugkoppeling
 * Taskforce Spitsregio Leuven" bound to the Taskforce, and the example BGO meetings' copies of it
 * carrying the Taskforce's report — frozen for the published and held meetings, live for the
 * draft. The held example meeting's report covers the period up to its start, so it lists the
 * example Taskforce meeting a week earlier. Idempotent: bindings and snapshots already there (or
 * edited) are left alone.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { agendaItems, meetings, standingItems } from '../db/schema';
import { generateReport, reportPeriod } from '../reports/report.service';
import { seededId } from './ids';
import { bodyId } from './seed.service';

const MAYORS = 'burgemeestersoverleg-oost-brabant';
const TASKFORCE = 'taskforce-spitsregio-leuven';
const MEETINGS = ['bgo-gehouden', 'bgo-gepland', 'bgo-ontwerp'];

export async function seedExampleReports(ctx: ServiceContext, now = new Date()) {
	const taskforce = bodyId(TASKFORCE);
	return mutate(ctx, async (tx) => {
		const inserted = { reportBindings: 0, reportSnapshots: 0 };
		const templates = await tx
			.update(standingItems)
			.set({ reportBodyId: taskforce })
			.where(
				and(
					eq(standingItems.id, seededId('standing-item', `${MAYORS}>terugkoppeling`)),
					isNull(standingItems.reportBodyId)
				)
			)
			.returning({ id: standingItems.id });
		inserted.reportBindings += templates.length;
		const items = await tx
			.update(agendaItems)
			.set({ reportBodyId: taskforce })
			.where(
				and(
					inArray(
						agendaItems.id,
						MEETINGS.map((m) => seededId('agenda-item', `${m}>terugkoppeling`))
					),
					isNull(agendaItems.reportBodyId),
					eq(agendaItems.isExample, true)
				)
			)
			.returning({ id: agendaItems.id });
		inserted.reportBindings += items.length;
		for (const key of MEETINGS) {
			const [meeting] = await tx
				.select()
				.from(meetings)
				.where(eq(meetings.id, seededId('meeting', key)));
			if (!meeting || meeting.status === 'draft' || meeting.status === 'cancelled') continue;
			const itemId = seededId('agenda-item', `${key}>terugkoppeling`);
			const [item] = await tx
				.select({ reportBodyId: agendaItems.reportBodyId, snapshot: agendaItems.reportSnapshot })
				.from(agendaItems)
				.where(eq(agendaItems.id, itemId));
			if (!item || item.reportBodyId !== taskforce || item.snapshot) continue;
			// A held meeting reports up to its start; a published one up to now.
			const until = meeting.startsAt < now ? meeting.startsAt : now;
			const snapshot = await generateReport(
				tx,
				meeting.bodyId,
				taskforce,
				await reportPeriod(tx, meeting, until)
			);
			await tx
				.update(agendaItems)
				.set({ reportSnapshot: snapshot })
				.where(eq(agendaItems.id, itemId));
			inserted.reportSnapshots++;
		}
		return {
			result: inserted,
			audit: {
				action: 'seed.example_reports',
				recordType: 'seed',
				recordId: 'examples',
				changes: { inserted: { after: inserted } }
			}
		};
	});
}
