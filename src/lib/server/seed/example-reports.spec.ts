import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { agendaItems, standingItems } from '../db/schema';
import { publicMeetingDocument } from '../exports/meeting-document';
import { letterHead, renderMeetingPdf } from '../exports/pdf';
import { getPublicMeeting } from '../meetings/queries';
import { meetingReportEntries, reportFor } from '../reports/report.service';
import { seedExampleReports } from './example-reports';
import { exampleMeetingId, seedExampleMeetings } from './examples';
import { seededId } from './ids';
import { bodyId } from './seed.service';

const t = useTestDatabase();

describe('example reports', () => {
	it("bind the mayors' Taskforce item and carry the Taskforce's report, once", async () => {
		await seedExampleMeetings(t.ctx());
		expect(await seedExampleReports(t.ctx())).toEqual({ reportBindings: 4, reportSnapshots: 2 });
		expect(await seedExampleReports(t.ctx())).toEqual({ reportBindings: 0, reportSnapshots: 0 });

		const [template] = await t.db
			.select()
			.from(standingItems)
			.where(
				eq(
					standingItems.id,
					seededId('standing-item', 'burgemeestersoverleg-oost-brabant>terugkoppeling')
				)
			);
		expect(template.reportBodyId).toBe(bodyId('taskforce-spitsregio-leuven'));

		// The held BGO meeting's frozen report lists the example Taskforce meeting and its public
		// decision, not the closed item or its decision.
		const held = await getPublicMeeting(t.db, exampleMeetingId('bgo-gehouden'));
		const entries = await meetingReportEntries(t.db, held.meeting);
		const itemId = seededId('agenda-item', 'bgo-gehouden>terugkoppeling');
		const entry = entries.get(itemId)!;
		expect(entry.frozen).toBe(true);
		expect(entry.report.previousMeeting).toBeNull();
		expect(entry.report.meetings.map((m) => m.id)).toEqual([
			exampleMeetingId('taskforce-gehouden')
		]);
		const publicReport = reportFor(entry.report, 'public');
		expect(publicReport.meetings[0].items.map((i) => i.title)).not.toContain(
			'Personeel van het secretariaat'
		);
		expect(publicReport.decisions.map((d) => d.title)).toEqual([
			'Actieplan knelpuntberoepen goedgekeurd'
		]);

		// The draft's report is live; the published one is frozen.
		const draft = await t.db
			.select({ snapshot: agendaItems.reportSnapshot, reportBodyId: agendaItems.reportBodyId })
			.from(agendaItems)
			.where(eq(agendaItems.id, seededId('agenda-item', 'bgo-ontwerp>terugkoppeling')));
		expect(draft).toEqual([
			{ snapshot: null, reportBodyId: bodyId('taskforce-spitsregio-leuven') }
		]);
		const planned = await meetingReportEntries(
			t.db,
			(await getPublicMeeting(t.db, exampleMeetingId('bgo-gepland'))).meeting
		);
		expect(planned.get(seededId('agenda-item', 'bgo-gepland>terugkoppeling'))?.frozen).toBe(true);
	});

	it('print the public report in the public agenda PDF', async () => {
		const doc = await publicMeetingDocument(t.db, exampleMeetingId('bgo-gehouden'), 'agenda');
		const item = doc.items.find((i) => i.title === 'Terugkoppeling Taskforce Spitsregio Leuven')!;
		expect(item.report?.[0]).toMatch(
			/^Verslag van Taskforce Spitsregio Leuven: dit is de eerste vergadering/
		);
		const text = item.report!.join('\n');
		expect(text).toContain('Taskforce Spitsregio Leuven — werkvergadering (voorbeeld)');
		expect(text).toContain('Actieplan knelpuntberoepen goedgekeurd');
		expect(text).not.toContain('Personeel van het secretariaat');
		expect(doc.items.filter((i) => i.report)).toHaveLength(1);
		// Printed: the PDF's text runs carry the report's lines (hex strings, windows-1252).
		const pdf = await renderMeetingPdf(doc, await letterHead(t.db), { compress: false });
		const runs = [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
			.map((m) =>
				[...m[1].matchAll(/<([0-9a-fA-F]*)>/g)]
					.map((h) => Buffer.from(h[1], 'hex').toString('latin1'))
					.join('')
			)
			.join('\n');
		expect(runs).toContain('Verslag van Taskforce Spitsregio Leuven');
		expect(runs).toContain('Actieplan knelpuntberoepen goedgekeurd');
	});
});
