/**
 * Writing an import's rows into `monitor_import_rows`, as fast as each driver allows:
 *
 * - PostgreSQL: one `COPY … FROM STDIN` stream (CSV) for the whole file, fed as the file is read
 *   (the stream's back-pressure keeps memory flat and the event loop free);
 * - PGlite: one `COPY … FROM '/dev/blob'` per chunk of CHUNK_ROWS rows, yielding between chunks;
 * - any other handle (an open transaction): one `json_to_recordset` statement per chunk.
 *
 * The staging table is UNLOGGED and only this import's rows are written, so a failed COPY leaves
 * nothing behind (a COPY is one statement) and an aborted one is cancelled with CopyFail.
 */
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import type { ObservationOrigin, ObservationStatus } from '../../db/schema';

/** Rows per staging statement on PGlite and in a transaction. */
export const CHUNK_ROWS = 5000;

/** One staged row: a valid observation, or a line's error. */
export type Staged = {
	seq: number;
	line: number;
	/** Indicator code of the row's indicator column (null: the file has none). */
	ic: string | null;
	/** Indicator id when resolved while reading. */
	ii: string | null;
	nis: string | null;
	aid: string | null;
	p: string | null;
	ps: string | null;
	v: number | null;
	st: ObservationStatus | null;
	o: ObservationOrigin | null;
	/** Error while reading (NIS code, period, value…). */
	e: string | null;
	/** Error of the checks that depend on the indicator or the whole file. */
	ce: string | null;
};

export type StagingWriter = {
	push(row: Staged): Promise<void>;
	/** Flush and wait until every row is stored. */
	end(): Promise<void>;
	/** Cancel what is not stored yet (the import's rows are then deleted with it). */
	abort(error: unknown): Promise<void>;
};

const COLUMNS =
	'import_id, seq, line, indicator_code, indicator_id, nis_code, area_id, period, period_start, value, status, origin, error, check_error';

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A CSV field as COPY reads it: unquoted empty is NULL, quoted empty is ''. */
const field = (s: string | null) =>
	s === null ? '' : s === '' || /[",\r\n\\]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;

const csvLine = (importId: string, r: Staged) =>
	`${importId},${r.seq},${r.line},${field(r.ic)},${r.ii ?? ''},${field(r.nis)},${r.aid ?? ''},${field(r.p)},${r.ps ?? ''},${r.v === null ? '' : String(r.v)},${r.st ?? ''},${r.o ?? ''},${field(r.e)},${field(r.ce)}\n`;

type PgliteClient = {
	query: (q: string, params: unknown[], options: { blob: Blob }) => Promise<unknown>;
	waitReady: Promise<void>;
};
type CopySql = { unsafe: (q: string) => { writable: () => Promise<Writable> } };
type PostgresClient = ((...args: never[]) => unknown) &
	CopySql & { reserve: () => Promise<CopySql & { release: () => void }> };

function clientOf(db: DbOrTx): { pglite?: PgliteClient; postgres?: PostgresClient } {
	const client = (db as { $client?: unknown }).$client;
	if (!client) return {};
	if (typeof client === 'function' && typeof (client as PostgresClient).unsafe === 'function')
		return { postgres: client as PostgresClient };
	if (typeof client === 'object' && 'waitReady' in client && 'query' in client)
		return { pglite: client as PgliteClient };
	return {};
}

/** The fastest writer the database handle allows. */
export function stagingWriter(db: DbOrTx, importId: string): StagingWriter {
	const { pglite, postgres } = clientOf(db);
	if (postgres) return copyStreamWriter(postgres, importId);
	if (pglite) return chunkWriter(async (chunk) => copyBlob(pglite, importId, chunk));
	return chunkWriter(async (chunk) => insertJson(db, importId, chunk));
}

function chunkWriter(flush: (chunk: Staged[]) => Promise<void>): StagingWriter {
	let chunk: Staged[] = [];
	return {
		async push(row) {
			chunk.push(row);
			if (chunk.length >= CHUNK_ROWS) {
				const full = chunk;
				chunk = [];
				await flush(full);
				await yieldToOthers();
			}
		},
		async end() {
			if (chunk.length) await flush(chunk);
			chunk = [];
		},
		async abort() {
			chunk = [];
		}
	};
}

async function copyBlob(pglite: PgliteClient, importId: string, chunk: Staged[]) {
	let text = '';
	for (const r of chunk) text += csvLine(importId, r);
	await pglite.query(
		`copy monitor_import_rows (${COLUMNS}) from '/dev/blob' with (format csv)`,
		[],
		{
			blob: new Blob([text])
		}
	);
}

async function insertJson(db: DbOrTx, importId: string, chunk: Staged[]) {
	await db.execute(sql`
		insert into monitor_import_rows (${sql.raw(COLUMNS)})
		select ${importId}::uuid, x.seq, x.line, x.ic, x.ii, x.nis, x.aid, x.p, x.ps, x.v,
			x.st::observation_status, x.o::observation_origin, x.e, x.ce
		from json_to_recordset(${JSON.stringify(chunk)}::json) as x(
			seq int, line int, ic text, ii uuid, nis text, aid uuid, p text, ps date, v double precision,
			st text, o text, e text, ce text)`);
}

/** Until the stream takes more (or is closed by an error). */
const drained = (s: Writable) =>
	new Promise<void>((resolve) => {
		const done = () => {
			s.off('drain', done);
			s.off('close', done);
			resolve();
		};
		s.on('drain', done);
		s.on('close', done);
	});

/** Bytes handed to the COPY stream at once. */
const COPY_BUFFER = 256 * 1024;

function copyStreamWriter(client: PostgresClient, importId: string): StagingWriter {
	let stream: Writable | undefined;
	let failed: unknown;
	let buffer = '';
	let rowsSinceYield = 0;
	// The COPY gets a connection of its own: the pool sends other queries down busy connections
	// (pipelining), and one sent behind a COPY broke it and left that connection in COPY mode,
	// failing every later query on it (seen when PostgreSQL restarted under load).
	let reserved: (CopySql & { release: () => void }) | undefined;
	const release = () => {
		reserved?.release();
		reserved = undefined;
	};
	const open = async () => {
		if (stream) return stream;
		reserved = await client.reserve();
		try {
			stream = await reserved
				.unsafe(`copy monitor_import_rows (${COLUMNS}) from stdin with (format csv)`)
				.writable();
		} catch (e) {
			release();
			throw e;
		}
		stream.on('error', (e) => (failed ??= e));
		return stream;
	};
	const flush = async () => {
		if (!buffer) return;
		const s = await open();
		const text = buffer;
		buffer = '';
		if (failed) throw failed;
		if (!s.write(text)) await drained(s);
		if (failed) throw failed;
	};
	return {
		async push(row) {
			buffer += csvLine(importId, row);
			if (buffer.length >= COPY_BUFFER) await flush();
			if (++rowsSinceYield >= CHUNK_ROWS) {
				rowsSinceYield = 0;
				await yieldToOthers();
			}
		},
		async end() {
			await flush();
			if (!stream) return;
			const s = stream;
			// A stream the connection already destroyed (PostgreSQL went away) never finishes.
			if (failed) throw failed;
			if (s.destroyed)
				throw Object.assign(new Error('COPY stream closed before its end'), {
					code: 'CONNECTION_CLOSED'
				});
			const done = new Promise<void>((resolve, reject) => {
				s.once('error', reject);
				s.once('finish', () => resolve());
			});
			s.end();
			try {
				await done;
			} finally {
				release();
			}
			if (failed) throw failed;
		},
		async abort(error) {
			buffer = '';
			if (stream && !stream.destroyed) {
				const s = stream;
				const closed = once(s, 'close').catch(() => {});
				s.destroy(error instanceof Error ? error : new Error(String(error)));
				await closed;
			}
			release();
		}
	};
}
