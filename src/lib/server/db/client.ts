/**
 * The database: PGlite on disk by default, PostgreSQL when DATABASE_URL is set. Nothing outside
 * this folder knows which driver runs; both speak the same SQL and share one set of migrations.
 */
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { AppError } from '../errors';
import { EVERYTHING } from '../http-cache/page-cache';
import { CHANGE_CHANNEL, installChangeTriggers } from './changes';
import { acquireDataDirLock } from './data-dir-lock';
import { migrationsFolder } from './migrations-folder';
import { recordQuery } from './query-counter';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: what services and queries accept. */
export type DbOrTx = Db | Tx;

export type Database = {
	db: Db;
	driver: 'pglite' | 'postgres';
	/** Connections this process may open (the embedded database has one). */
	poolSize: number;
	/**
	 * This process's connections by backend state, as PostgreSQL's pg_stat_activity sees them
	 * (postgres.js keeps no pool statistics); null on the embedded database. Bounded by `timeoutMs`,
	 * also while waiting for a free connection.
	 */
	connectionsByState(timeoutMs: number): Promise<Record<string, number> | null>;
	/** Apply pending migrations (once, under an advisory lock on PostgreSQL). */
	migrate(): Promise<void>;
	/** Is the database reachable? */
	ping(): Promise<boolean>;
	/**
	 * Hear which tables change, from this process and every other one on the same database
	 * (db/changes.ts). Resolves once listening; the result stops it.
	 */
	listen(onChange: (table: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
};

export type OpenOptions =
	| { kind: 'postgres'; url: string; poolSize?: number }
	| { kind: 'pglite-dir'; dataDir: string; purpose: string }
	| { kind: 'pglite-instance'; pglite: PGlite };

/** Arbitrary but fixed key for pg_advisory_lock around migrations. */
const MIGRATION_LOCK_KEY = 720_419_001;

const logger = { logQuery: (query: string) => recordQuery(query) };

/** Names this process's connections in pg_stat_activity (63 characters at most). */
export const applicationName = `streekplatform ${hostname()}:${process.pid}`.slice(0, 63);

/** Rows of a raw SQL statement, whatever the driver (their execute() results differ). */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown;
	return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Open the folder of the embedded database, creating it if needed. */
function prepareDataDir(dataDir: string): string {
	try {
		fs.mkdirSync(dataDir, { recursive: true });
		const probe = path.join(dataDir, `.write-test-${process.pid}`);
		fs.writeFileSync(probe, '');
		fs.rmSync(probe);
	} catch (e) {
		throw new AppError(
			'unavailable',
			`DATA_DIR ${dataDir} is niet schrijfbaar (${(e as NodeJS.ErrnoException).code ?? 'fout'}): kies een map waarin dit proces mag schrijven.`
		);
	}
	return path.join(dataDir, 'pglite');
}

export async function pgliteExtensions() {
	return { pg_trgm };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
	if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
	if (options.kind === 'pglite-instance') return wrapPglite(options.pglite, () => {});

	const pgDir = prepareDataDir(options.dataDir);
	const release = acquireDataDirLock(options.dataDir, options.purpose);
	try {
		const pglite = await PGlite.create(pgDir, { extensions: await pgliteExtensions() });
		return wrapPglite(pglite, release);
	} catch (e) {
		release();
		throw e;
	}
}

function wrapPglite(pglite: PGlite, release: () => void): Database {
	const db = drizzlePglite({ client: pglite, schema, logger }) as unknown as Db;
	return {
		db,
		driver: 'pglite',
		poolSize: 1,
		async connectionsByState() {
			return null;
		},
		async migrate() {
			await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
			await installChangeTriggers(db);
		},
		async listen(onChange) {
			return pglite.listen(CHANGE_CHANNEL, onChange);
		},
		async ping() {
			try {
				await pglite.query('select 1');
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			try {
				if (!pglite.closed) await pglite.close();
			} finally {
				release();
			}
		}
	};
}

function openPostgres(url: string, poolSize: number): Database {
	const client = postgres(url, {
		max: poolSize,
		onnotice: () => {},
		connect_timeout: 10,
		// After a lost connection postgres.js waits before reconnecting, by default up to 20 s as
		// failures add up: during an outage requests would hang instead of getting a 503, and the
		// app would stay down that long after PostgreSQL is back. Retry within a second instead.
		backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
		connection: { application_name: applicationName }
	});
	const db = drizzlePostgres({ client, schema, logger }) as unknown as Db;
	return {
		db,
		driver: 'postgres',
		poolSize,
		async connectionsByState(timeoutMs) {
			const query = client.begin(async (sql) => {
				await sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`;
				return sql<{ state: string | null; n: number }[]>`
					select state, count(*)::int as n from pg_stat_activity
					where application_name = ${applicationName} group by state`;
			});
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
			});
			try {
				const found = await Promise.race([query, timeout]);
				return Object.fromEntries(found.map((r) => [r.state ?? 'unknown', r.n]));
			} finally {
				clearTimeout(timer);
				query.catch(() => undefined);
			}
		},
		async migrate() {
			// Several instances starting together: the first takes the lock and migrates, the
			// others wait and then find nothing left to do.
			const conn = await client.reserve();
			try {
				await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
				try {
					await migratePostgres(db as never, { migrationsFolder: migrationsFolder() });
					await installChangeTriggers(db);
				} finally {
					await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
				}
			} finally {
				conn.release();
			}
		},
		async listen(onChange) {
			// postgres.js re-listens after a lost connection; what changed meanwhile is unknown.
			let listened = false;
			const { unlisten } = await client.listen(CHANGE_CHANNEL, onChange, () => {
				if (listened) onChange(EVERYTHING);
				listened = true;
			});
			return unlisten;
		},
		async ping() {
			try {
				await client`select 1`;
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			await client.end({ timeout: 5 });
		}
	};
}
