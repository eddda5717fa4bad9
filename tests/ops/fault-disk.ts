/**
 * A full and then a read-only disk under DATA_DIR/files (a 1 MB tmpfs; the database is on
 * PostgreSQL, so only the file store is hit): a document upload through the real upload route
 * gets a clear message (503, not a 500), and leaves no files row, no document and no temp file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check, onCleanup } from './harness';
import { postMultipart, tmpFilesIn, type FaultContext } from './fault-support';

const MESSAGE = /opslag van het platform is vol of niet beschrijfbaar/;

function mount(...args: string[]) {
	const r = spawnSync('mount', args, { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`mount ${args.join(' ')}: ${r.stderr}`);
}

/** A PDF (recognised by its content) of about `bytes` bytes. */
function pdf(bytes: number): Blob {
	const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
	const tail = '\ntrailer << /Root 1 0 R >>\n%%EOF\n';
	return new Blob([head, 'x'.repeat(Math.max(0, bytes - head.length - tail.length)), tail], {
		type: 'application/pdf'
	});
}

export async function diskFull(ctx: FaultContext) {
	const { app, pg, db, scenario } = ctx;
	const psql = (sql: string) => pg.psql(sql, db);
	const meetingId = psql(
		`select m.id from meetings m join bodies b on b.id = m.body_id
		where b.slug = 'taskforce-spitsregio-leuven' order by m.starts_at limit 1`
	);
	check(meetingId, 'no meeting of the Taskforce in the scenario');
	const counts = () =>
		psql(`select (select count(*) from files) || '/' || (select count(*) from documents)`);
	const upload = (bytes: number, accept: string) => {
		const form = new FormData();
		form.set('title', `Fouttest ${bytes}`);
		form.set('file', pdf(bytes), 'fouttest.pdf');
		return postMultipart(app, `/beheer/vergaderingen/${meetingId}/documenten/opladen`, form, {
			accept,
			cookie: `sp_session=${scenario.admin.sessionToken}`
		}).catch((e: Error) => {
			throw new Error(
				`upload of ${bytes} bytes (${accept}): no answer (${e.message}): ${app.output().slice(-1500)}`
			);
		});
	};
	const filesDir = path.join(ctx.dataDir, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	mount('-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', filesDir);
	let mounted = true;
	const unmount = () => {
		if (mounted) spawnSync('umount', ['-l', filesDir]);
		mounted = false;
	};
	onCleanup(unmount);
	const before = counts();
	const notes: string[] = [];
	try {
		// Full: 2 MB into 1 MB.
		for (const accept of ['application/json', 'text/html']) {
			const r = await upload(2 * 1024 * 1024, accept);
			check(r.status === 503, `full disk (${accept}): ${r.status} ${r.text.slice(0, 300)}`);
			check(
				MESSAGE.test(r.text),
				`full disk (${accept}): no clear message: ${r.text.slice(0, 300)}`
			);
			if (accept === 'application/json') {
				check(JSON.parse(r.text).error?.code === 'unavailable', 'full disk: not the JSON error');
			}
			check(counts() === before, `full disk: rows written (${before} → ${counts()})`);
			check(tmpFilesIn(path.join(filesDir, '.tmp')).length === 0, 'full disk: a temp file stayed');
		}
		notes.push('full: 503 with the message, nothing written');
		// Read-only: a small file.
		mount('-o', 'remount,ro', filesDir);
		const r = await upload(20 * 1024, 'application/json');
		check(
			r.status === 503 && MESSAGE.test(r.text),
			`read-only disk: ${r.status} ${r.text.slice(0, 300)}`
		);
		check(counts() === before, `read-only disk: rows written (${before} → ${counts()})`);
		notes.push('read-only: 503 with the message, nothing written');
	} finally {
		unmount();
	}
	// The same upload works once the disk is back.
	const ok = await upload(20 * 1024, 'application/json');
	check(ok.status === 201, `upload after the disk is back: ${ok.status} ${ok.text.slice(0, 300)}`);
	return notes.join('; ');
}
