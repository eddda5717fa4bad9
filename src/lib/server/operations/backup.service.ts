/**
 * Backups, restores and the move from the embedded database to PostgreSQL, in the app's own
 * logical format (format.ts). A backup reads every table and the uploaded files from one
 * consistent snapshot (a repeatable-read, read-only transaction), so the app may keep running
 * on PostgreSQL. A restore writes everything in one transaction into a migrated database at the
 * same schema version and compares every table's row count and checksum with the backup before
 * it commits: it is complete or absent.
 */
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../db';
import { rows } from '../db';
import { AppError } from '../errors';
import { blobPath, filesDir } from '../files/storage';
import { appliedMigrations, describeTables, ident, type TableInfo } from './catalog';
import {
	control,
	FORMAT,
	TableDigest,
	VERSION,
	type Control,
	type Header,
	type TableSummary
} from './format';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Bytes of a file per base64 line (a multiple of 3, so lines concatenate cleanly). */
const FILE_CHUNK = 48 * 1024;

export type Checksums = Record<string, TableSummary>;

/** Session settings under which every PostgreSQL version writes a row's JSON the same way. */
async function canonicalSession(tx: Tx) {
	await tx.execute(sql`set local timezone to 'UTC'`);
	await tx.execute(sql`set local intervalstyle to 'postgres'`);
	await tx.execute(sql`set local extra_float_digits to 1`);
}

/** Every row of a table as its jsonb text, through a cursor (memory stays flat). */
async function eachRow(tx: Tx, table: TableInfo, onRow: (row: string) => Promise<void> | void) {
	const cursor = `sp_rows_${randomUUID().replaceAll('-', '')}`;
	// jsonb_build_object takes at most 100 arguments: wide rows are built in parts.
	const args = table.columns.flatMap((c) => [`'${c.replaceAll("'", "''")}'`, `t.${ident(c)}`]);
	const parts: string[] = [];
	for (let i = 0; i < args.length; i += 100)
		parts.push(`jsonb_build_object(${args.slice(i, i + 100).join(', ')})`);
	await tx.execute(
		sql.raw(
			`declare ${cursor} no scroll cursor for select (${parts.join(' || ')})::text as r from ${ident(table.name)} t`
		)
	);
	for (;;) {
		const batch = await rows<{ r: string }>(
			tx,
			sql.raw(`fetch forward ${BATCH_ROWS} from ${cursor}`)
		);
		for (const { r } of batch) await onRow(r);
		if (batch.length < BATCH_ROWS) break;
	}
	await tx.execute(sql.raw(`close ${cursor}`));
}

/** Row counts and checksums of every table, read inside the given transaction. */
async function checksumsIn(tx: Tx, tables: TableInfo[]): Promise<Checksums> {
	const out: Checksums = {};
	for (const table of tables) {
		const digest = new TableDigest();
		await eachRow(tx, table, (row) => digest.add(row));
		out[table.name] = digest.summary();
	}
	return out;
}

/** Row counts and checksums of every table of a database, from one snapshot. */
export async function tableChecksums(db: Db): Promise<Checksums> {
	return db.transaction(
		async (tx) => {
			await canonicalSession(tx);
			return checksumsIn(tx, await describeTables(tx));
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

export type BackupResult = {
	file: string;
	bytes: number;
	tables: Checksums;
	files: number;
	/** Files with a row but no bytes on disk (already missing before the backup). */
	missingFiles: string[];
};

/**
 * Write a backup of the whole database (and, with `files`, the uploaded files it refers to) to
 * `file`. It is written beside it under a temporary name and renamed once complete, readable by
 * the owner only (it holds password hashes and personal data).
 */
export async function writeBackup(
	database: Pick<Database, 'db' | 'driver'>,
	file: string,
	options: { files?: boolean } = {}
): Promise<BackupResult> {
	const withFiles = options.files ?? true;
	const target = path.resolve(file);
	await fs.mkdir(path.dirname(target), { recursive: true });
	const partial = `${target}.${process.pid}.partial`;
	const gzip = createGzip();
	const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
	// A failed write (disk full) ends the pipeline: stop waiting for 'drain' then.
	let failed: unknown;
	written.catch((e) => (failed = e));
	const write = async (line: string) => {
		if (failed) throw failed;
		if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), written]);
	};
	try {
		const result = await database.db.transaction(
			async (tx) => {
				await canonicalSession(tx);
				const tables = await describeTables(tx);
				const header: Header = {
					format: FORMAT,
					version: VERSION,
					createdAt: new Date().toISOString(),
					migrations: await appliedMigrations(tx),
					driver: database.driver,
					files: withFiles
				};
				await write(control(header));
				const summaries: Checksums = {};
				for (const table of tables) {
					await write(control({ table: table.name, columns: table.columns }));
					const digest = new TableDigest();
					await eachRow(tx, table, async (row) => {
						digest.add(row);
						await write(row);
					});
					summaries[table.name] = digest.summary();
					await write(control({ tableEnd: table.name, ...summaries[table.name] }));
				}
				const missingFiles: string[] = [];
				let fileCount = 0;
				if (withFiles) {
					const blobs = await rows<{ sha256: string }>(
						tx,
						sql`select distinct sha256 from files order by sha256`
					);
					for (const { sha256 } of blobs) {
						if (await writeFile(sha256, write)) fileCount++;
						else missingFiles.push(sha256);
					}
				}
				await write(control({ end: true, tables: summaries, files: fileCount }));
				return { tables: summaries, files: fileCount, missingFiles };
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		gzip.end();
		await written;
		await fs.rename(partial, target);
		return { file: target, bytes: (await fs.stat(target)).size, ...result };
	} catch (e) {
		gzip.destroy();
		await written.catch(() => {});
		await fs.rm(partial, { force: true });
		throw failed && !isAppErrorLike(e) ? diskError(failed, target) : e;
	}
}

const isAppErrorLike = (e: unknown) => e instanceof AppError;

function diskError(e: unknown, file: string) {
	const code = (e as NodeJS.ErrnoException).code ?? 'fout';
	return new AppError(
		'unavailable',
		`Kan de back-up niet schrijven naar ${file} (${code}): controleer de vrije ruimte en de rechten van de map.`
	);
}

/** One uploaded file as base64 lines; false when its bytes are missing on disk. */
async function writeFile(sha256: string, write: (line: string) => Promise<void>): Promise<boolean> {
	let size: number;
	try {
		size = (await fs.stat(blobPath(sha256))).size;
	} catch {
		return false;
	}
	await write(control({ file: sha256, size }));
	for await (const chunk of createReadStream(blobPath(sha256), { highWaterMark: FILE_CHUNK })) {
		await write(`>${(chunk as Buffer).toString('base64')}`);
	}
	return true;
}

export type RestoreResult = { tables: Checksums; files: number };

/**
 * Load a backup into `database`, which is migrated to the backup's schema version. Refuses a
 * database that holds any row unless `replace` (then everything in it is replaced). One
 * transaction: on any problem (a damaged or truncated file, a checksum that differs) nothing is
 * written.
 */
export async function restoreBackup(
	database: Pick<Database, 'db'>,
	file: string,
	options: { replace?: boolean; files?: boolean } = {}
): Promise<RestoreResult> {
	try {
		await fs.access(file);
	} catch {
		throw new AppError('not_found', `Het back-upbestand ${file} bestaat niet of is niet leesbaar.`);
	}
	const source = createReadStream(file);
	const input = source.pipe(createGunzip());
	source.once('error', (e) => input.destroy(e));
	// Errors reach the reader through the iteration; this keeps a late one from going unhandled.
	input.on('error', () => {});
	try {
		return await database.db.transaction(async (tx) => {
			await canonicalSession(tx);
			return await load(tx, linesOf(input), options);
		});
	} catch (e) {
		if (/^Z_/.test((e as NodeJS.ErrnoException).code ?? ''))
			throw damaged('het bestand is geen gzip of is afgebroken');
		throw e;
	} finally {
		input.destroy();
	}
}

/** The lines of a text stream (a read error ends the iteration with that error). */
async function* linesOf(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
	const decoder = new StringDecoder('utf8');
	let rest = '';
	for await (const chunk of stream) {
		const parts = (rest + decoder.write(chunk)).split('\n');
		rest = parts.pop()!;
		yield* parts;
	}
	rest += decoder.end();
	if (rest) yield rest;
}

const damaged = (why: string) =>
	new AppError(
		'invalid_input',
		`Dit is geen volledige Streekplatform-back-up: ${why}. Er is niets hersteld.`
	);

async function load(
	tx: Tx,
	lines: AsyncIterator<string>,
	options: { replace?: boolean; files?: boolean }
): Promise<RestoreResult> {
	const next = async () => {
		const { value, done } = await lines.next();
		return done ? undefined : value;
	};
	const first = await next();
	const header = first?.startsWith('#') ? (parseControl(first) as Header) : undefined;
	if (!header || header.format !== FORMAT)
		throw damaged('de eerste regel is geen kop van een back-up');
	if (header.version !== VERSION)
		throw damaged(
			`formaatversie ${header.version} wordt niet ondersteund (deze versie leest ${VERSION})`
		);
	await checkSchemaVersion(tx, header.migrations);

	const tables = await describeTables(tx);
	const byName = new Map(tables.map((t) => [t.name, t]));
	await ensureEmpty(tx, tables, options.replace ?? false);

	const seen = new Map<string, TableSummary>();
	const deferredRows = new Map<string, Record<string, unknown>[]>();
	let files = 0;
	let end: Extract<Control, { end: true }> | undefined;
	let line = await next();
	while (line !== undefined && !end) {
		const record = line.startsWith('#') ? parseControl(line) : undefined;
		if (record && 'table' in record) {
			const table = byName.get(record.table);
			if (!table) throw damaged(`onbekende tabel ${record.table}`);
			if ([...record.columns].sort().join() !== [...table.columns].sort().join())
				throw damaged(`de kolommen van ${record.table} passen niet bij deze versie`);
			const result = await loadTable(tx, table, next);
			seen.set(table.name, result.summary);
			if (result.deferred.length) deferredRows.set(table.name, result.deferred);
			line = await next();
		} else if (record && 'file' in record) {
			line = await loadFile(record.file, record.size, next, options.files ?? true);
			if (options.files ?? true) files++;
		} else if (record && 'end' in record) {
			end = record;
		} else {
			throw damaged('onverwachte regel');
		}
	}
	if (!end) throw damaged('het einde ontbreekt (afgebroken bestand)');

	for (const [name, summary] of Object.entries(end.tables)) {
		const got = seen.get(name);
		if (!got || got.rows !== summary.rows || got.checksum !== summary.checksum)
			throw damaged(`tabel ${name} is onvolledig of beschadigd`);
	}
	for (const [name, deferred] of deferredRows) await setDeferred(tx, byName.get(name)!, deferred);
	await resetSequences(tx);

	// What the database now holds, read back, must be what the backup says.
	const stored = await checksumsIn(tx, tables);
	for (const table of tables) {
		const expected = end.tables[table.name] ?? new TableDigest().summary();
		const got = stored[table.name];
		if (got.rows !== expected.rows || got.checksum !== expected.checksum)
			throw new AppError(
				'internal',
				`Controle na het herstellen mislukt voor tabel ${table.name} (${got.rows} rijen, verwacht ${expected.rows}). Er is niets hersteld.`
			);
	}
	return { tables: stored, files };
}

function parseControl(line: string): Control {
	try {
		return JSON.parse(line.slice(1)) as Control;
	} catch {
		throw damaged('een regel is geen geldige JSON');
	}
}

async function checkSchemaVersion(tx: Tx, migrations: string[]) {
	const here = await appliedMigrations(tx);
	if (here.length === migrations.length && here.every((h, i) => h === migrations[i])) return;
	const older = migrations.length < here.length && migrations.every((h, i) => h === here[i]);
	throw new AppError(
		'invalid_input',
		older
			? `Deze back-up komt van een oudere versie van Streekplatform (${migrations.length} migraties, deze versie heeft er ${here.length}). Herstel ze met die versie en werk daarna bij (npm run db:migrate).`
			: `Deze back-up komt van een andere of nieuwere versie van Streekplatform (${migrations.length} migraties, deze versie heeft er ${here.length}). Herstel ze met de versie die ze maakte.`
	);
}

async function ensureEmpty(tx: Tx, tables: TableInfo[], replace: boolean) {
	const filled: string[] = [];
	for (const table of tables) {
		const [found] = await rows<{ any: boolean }>(
			tx,
			sql.raw(`select exists (select 1 from ${ident(table.name)}) as any`)
		);
		if (found.any) filled.push(table.name);
	}
	if (!filled.length) return;
	if (!replace)
		throw new AppError(
			'conflict',
			`De doeldatabase is niet leeg (${filled.length} tabellen met gegevens, bv. ${filled.slice(0, 3).join(', ')}). Kies een lege database, of voeg --replace toe om alles erin te vervangen.`
		);
	await tx.execute(
		sql.raw(
			`truncate table ${tables.map((t) => ident(t.name)).join(', ')} restart identity cascade`
		)
	);
}

/** Insert one table's rows in batches; returns its digest and the deferred references. */
async function loadTable(tx: Tx, table: TableInfo, next: () => Promise<string | undefined>) {
	const digest = new TableDigest();
	const deferred: Record<string, unknown>[] = [];
	const keep = [...table.primaryKey, ...table.deferred];
	const held: { line: string; row: Record<string, unknown> }[] = [];
	let batch: string[] = [];
	let bytes = 0;
	const flush = async () => {
		if (!batch.length) return;
		await insertBatch(tx, table, `[${batch.join(',')}]`);
		batch = [];
		bytes = 0;
	};
	const add = async (line: string) => {
		batch.push(line);
		bytes += line.length;
		if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
	};
	for (;;) {
		const line = await next();
		if (line === undefined) throw damaged(`tabel ${table.name} is afgebroken`);
		if (line.startsWith('#')) {
			const end = parseControl(line);
			if (!('tableEnd' in end) || end.tableEnd !== table.name)
				throw damaged(`het einde van tabel ${table.name} ontbreekt`);
			const summary = digest.summary();
			if (summary.rows !== end.rows || summary.checksum !== end.checksum)
				throw damaged(`tabel ${table.name} is beschadigd (controlesom)`);
			for (const { line } of parentsFirst(table, held)) await add(line);
			await flush();
			return { summary, deferred };
		}
		if (!line.startsWith('{')) throw damaged(`onverwachte regel in tabel ${table.name}`);
		digest.add(line);
		if (!table.deferred.length && !table.selfReferences.length) {
			await add(line);
			continue;
		}
		let row: Record<string, unknown>;
		try {
			row = JSON.parse(line) as Record<string, unknown>;
		} catch {
			throw damaged(`een rij van tabel ${table.name} is geen geldige JSON`);
		}
		if (table.deferred.some((c) => row[c] !== null))
			deferred.push(Object.fromEntries(keep.map((c) => [c, row[c]])));
		if (table.selfReferences.length) held.push({ line, row });
		else await add(line);
	}
}

/**
 * The rows of a table that references itself (a tree), ordered so every row comes after the
 * row it points to: a reference is checked when its statement ends.
 */
function parentsFirst<T extends { row: Record<string, unknown> }>(
	table: TableInfo,
	held: T[]
): T[] {
	const key = (row: Record<string, unknown>, columns: string[]) =>
		JSON.stringify(columns.map((c) => row[c]));
	const ordered: T[] = [];
	const placed = new Set<string>();
	let waiting = held;
	while (waiting.length) {
		const ready = waiting.filter(({ row }) =>
			table.selfReferences.every(({ columns, refColumns }) => {
				if (columns.some((c) => row[c] === null)) return true;
				const wanted = key(row, columns);
				return placed.has(`${refColumns}:${wanted}`) || key(row, refColumns) === wanted;
			})
		);
		if (!ready.length)
			throw damaged(`de rijen van tabel ${table.name} verwijzen in een kring naar elkaar`);
		for (const item of ready) {
			ordered.push(item);
			for (const { refColumns } of table.selfReferences)
				placed.add(`${refColumns}:${key(item.row, refColumns)}`);
		}
		const done = new Set(ready);
		waiting = waiting.filter((item) => !done.has(item));
	}
	return ordered;
}

async function insertBatch(tx: Tx, table: TableInfo, json: string) {
	const columns = table.columns.map(ident).join(', ');
	const values = table.columns
		.map((c) => (table.deferred.includes(c) ? 'null' : `s.${ident(c)}`))
		.join(', ');
	try {
		await tx.execute(
			sql`${sql.raw(`insert into ${ident(table.name)} (${columns})${table.hasIdentity ? ' overriding system value' : ''} select ${values} from jsonb_populate_recordset(null::${ident(table.name)}, `)}${json}::jsonb) s`
		);
	} catch (e) {
		const why = ((e as Error).cause as Error | undefined)?.message ?? (e as Error).message;
		throw damaged(`de rijen van tabel ${table.name} passen niet (${why})`);
	}
}

async function setDeferred(tx: Tx, table: TableInfo, deferred: Record<string, unknown>[]) {
	const set = table.deferred.map((c) => `${ident(c)} = s.${ident(c)}`).join(', ');
	const match = table.primaryKey.map((c) => `t.${ident(c)} = s.${ident(c)}`).join(' and ');
	for (let i = 0; i < deferred.length; i += BATCH_ROWS) {
		const json = JSON.stringify(deferred.slice(i, i + BATCH_ROWS));
		await tx.execute(
			sql`${sql.raw(`update ${ident(table.name)} t set ${set} from jsonb_populate_recordset(null::${ident(table.name)}, `)}${json}::jsonb) s where ${sql.raw(match)}`
		);
	}
}

/** Sequences owned by columns continue after the highest restored value. */
async function resetSequences(tx: Tx) {
	const owned = await rows<{ seq: string; tbl: string; col: string }>(
		tx,
		sql`select s.oid::regclass::text as seq, t.oid::regclass::text as tbl, a.attname::text as col
		from pg_depend d
		join pg_class s on s.oid = d.objid and s.relkind = 'S'
		join pg_class t on t.oid = d.refobjid
		join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
		join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
		where d.deptype in ('a', 'i')`
	);
	for (const { seq, tbl, col } of owned)
		await tx.execute(
			sql`select setval(${seq}::regclass, coalesce((select max(${sql.raw(ident(col))}) from ${sql.raw(tbl)}), 0) + 1, false)`
		);
}

/** Read one file's base64 lines; store the bytes (verified by hash) unless `store` is false. */
async function loadFile(
	sha256: string,
	size: number,
	next: () => Promise<string | undefined>,
	store: boolean
): Promise<string | undefined> {
	const hash = createHash('sha256');
	const tmp = path.join(filesDir(), '.tmp', `restore-${randomUUID()}`);
	const out = store ? await openTemp(tmp) : undefined;
	let length = 0;
	let line: string | undefined;
	try {
		while ((line = await next()) !== undefined && line.startsWith('>')) {
			const bytes = Buffer.from(line.slice(1), 'base64');
			hash.update(bytes);
			length += bytes.length;
			if (out && !out.write(bytes)) await once(out, 'drain');
		}
		if (out) {
			out.end();
			await once(out, 'close');
		}
		if (hash.digest('hex') !== sha256 || length !== size)
			throw damaged(`het bestand ${sha256.slice(0, 12)}… is beschadigd`);
		if (store) {
			const final = blobPath(sha256);
			await fs.mkdir(path.dirname(final), { recursive: true });
			await fs.rename(tmp, final);
		}
		return line;
	} catch (e) {
		out?.destroy();
		await fs.rm(tmp, { force: true });
		throw e;
	}
}

async function openTemp(file: string) {
	await fs.mkdir(path.dirname(file), { recursive: true });
	return createWriteStream(file, { flags: 'wx' });
}

export type MoveResult = { tables: Checksums };

/**
 * Copy everything from one database into another (empty, or `replace`), through the backup
 * format, and compare each table's rows and checksum on both sides afterwards. The uploaded
 * files stay where they are (DATA_DIR/files): both databases describe the same files.
 */
export async function moveDatabase(
	source: Database,
	target: Database,
	options: { replace?: boolean; tmpDir: string }
): Promise<MoveResult> {
	await source.migrate();
	await target.migrate();
	const file = path.join(options.tmpDir, `streekplatform-move-${randomUUID()}.ndjson.gz`);
	try {
		await writeBackup(source, file, { files: false });
		await restoreBackup(target, file, { replace: options.replace, files: false });
	} finally {
		await fs.rm(file, { force: true });
	}
	const [before, after] = await Promise.all([tableChecksums(source.db), tableChecksums(target.db)]);
	const differ = Object.keys(before).filter(
		(t) => before[t].rows !== after[t]?.rows || before[t].checksum !== after[t]?.checksum
	);
	if (differ.length)
		throw new AppError(
			'internal',
			`Na het verhuizen verschillen deze tabellen: ${differ.join(', ')}. Controleer of er intussen iets in de bron schreef.`
		);
	return { tables: after };
}

const DAILY = /^streekplatform-\d{4}-\d{2}-\d{2}\.ndjson\.gz$/;

/**
 * The scheduled daily backup (job operations.backup): one file per Brussels day in the backup
 * folder, the newest `keep` kept. On the embedded database it runs inside the server (the only
 * process that may open the data folder); the site waits for it.
 */
export async function dailyBackup(
	database: Pick<Database, 'db' | 'driver'>,
	options: { dir: string; keep: number; day: string }
): Promise<{ file: string; rows: number; removed: string[] }> {
	const result = await writeBackup(
		database,
		path.join(options.dir, `streekplatform-${options.day}.ndjson.gz`)
	);
	const daily = (await fs.readdir(options.dir)).filter((f) => DAILY.test(f)).sort();
	const removed = daily.slice(0, Math.max(0, daily.length - options.keep));
	for (const name of removed) await fs.rm(path.join(options.dir, name), { force: true });
	const rows = Object.values(result.tables).reduce((sum, t) => sum + t.rows, 0);
	return { file: path.basename(result.file), rows, removed };
}
