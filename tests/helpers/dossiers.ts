/**
 * Dossier helpers for service tests: a decision of a held meeting (to adopt a position), tiny
 * valid PDFs to upload, and "nothing changed" in one value: the dossier tables, files, audit rows
 * and the blobs on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import {
	auditEvents,
	decisions,
	dossierAddressees,
	dossierDecisions,
	dossierDocuments,
	dossierPlanItems,
	dossierReminders,
	dossiers,
	files,
	type DecisionStatus
} from '../../src/lib/server/db/schema';
import { filesDir } from '../../src/lib/server/files/storage';
import { rejection } from './errors';
import { buildMeeting } from './factories';

let n = 0;

/** A decision (adopted unless told) of a meeting of the body held `daysAgo` days ago. */
export async function buildHeldDecision(
	db: Db,
	bodyId: string,
	opts: { status?: DecisionStatus; daysAgo?: number } = {}
) {
	const i = ++n;
	const startsAt = new Date(Date.now() - (opts.daysAgo ?? 30) * 86_400_000);
	const { meeting } = await buildMeeting(db, {
		bodyId,
		status: 'held',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 7_200_000)
	});
	const [row] = await db
		.insert(decisions)
		.values({
			bodyId,
			meetingId: meeting.id,
			year: 2031,
			number: 500 + i,
			title: `Memorandum goedgekeurd ${i}`,
			text: 'Het memorandum wordt goedgekeurd.',
			status: opts.status ?? 'adopted',
			isExample: true
		})
		.returning();
	return row;
}

/** A tiny valid PDF; `n` makes its content (and hash) differ. */
export const pdf = (n: number) =>
	new TextEncoder().encode(
		`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% dossier ${n}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
	);

/** Blobs stored on disk (under DATA_DIR/files), and what is left in the upload temp folder. */
export function disk() {
	const root = filesDir();
	const tmp = path.join(root, '.tmp');
	const blobs = fs.existsSync(root)
		? fs
				.readdirSync(root, { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile() && !e.parentPath.startsWith(tmp)).length
		: 0;
	return { blobs, tmp: fs.existsSync(tmp) ? fs.readdirSync(tmp).length : 0 };
}

/** Row counts of the dossier tables, files and audit trail, and the files on disk. */
export async function dossierCounts(db: Db): Promise<Record<string, number>> {
	const tables = {
		dossiers,
		dossierAddressees,
		dossierDecisions,
		dossierDocuments,
		dossierPlanItems,
		dossierReminders,
		files,
		auditEvents
	};
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		out[name] = (await db.select({ n: count() }).from(table))[0].n;
	}
	return { ...out, ...disk() };
}

/**
 * Assert a refusal (invalid_input) with its message on the field — and as the summary unless
 * another is named — and that nothing was written.
 */
export async function refusedDossierInput(
	db: Db,
	call: () => Promise<unknown>,
	field: string,
	message: string,
	summary = message
) {
	const before = await dossierCounts(db);
	const e = await rejection(call());
	expect(e.code).toBe('invalid_input');
	expect(e.message).toBe(summary);
	expect(e.fields?.[field]).toEqual([message]);
	expect(await dossierCounts(db)).toEqual(before);
	return e;
}
