/**
 * The running application: opens and migrates the database, seeds it on a first start, and
 * closes it on shutdown. Routes reach the database through `database()`.
 */
import { config } from './config';
import { cliActor, systemActor, type ServiceContext } from './context';
import { openConfiguredDatabase, type Database } from './db';
import { announceChanges } from './db/changes';
import { log } from './log';
import { system } from './policy';
import { hasAdmin } from './accounts/accounts.service';
import { jobs } from './jobs/jobs';
import { recoverInterruptedImports, recoverPendingAggregates } from './monitor/import/recovery';
import { startScheduler } from './jobs/scheduler';
import { seedAllExamples } from './seed/all-examples';
import { isSeeded, seedStructure } from './seed/seed.service';

type State = {
	database: Database;
	ready: boolean;
	stopJobs?: () => void;
	stopListening?: () => Promise<void>;
};
let state: State | undefined;
let starting: Promise<State> | undefined;

export async function startApp(purpose = 'de Streekplatform-server'): Promise<Database> {
	starting ??= (async () => {
		const c = config();
		const started = Date.now();
		const database = await openConfiguredDatabase(purpose);
		try {
			await database.migrate();
			if (c.SEED_ON_START && !(await isSeeded(database.db))) {
				const counts = await seedStructure(systemContext(database));
				Object.assign(counts, await seedAllExamples(systemContext(database)));
				const total = Object.values(counts).reduce((a, b) => a + b, 0);
				if (total > 0) log().info({ counts }, 'seed data loaded');
			}
			// An import cut off by a crash of its process is marked failed (no half state stays);
			// one cut off after its commit gets its aggregates.
			await recoverInterruptedImports(database.db);
			await recoverPendingAggregates(database.db);
		} catch (e) {
			await database.close();
			throw e;
		}
		if (!(await hasAdmin(database.db))) {
			log().warn(
				c.DATABASE_URL
					? 'Er is nog geen beheerder. Maak er een aan met: npm run admin:create -- --email u@voorbeeld.be'
					: 'Er is nog geen beheerder. Stop de server en voer uit: npm run admin:create -- --email u@voorbeeld.be (dat drukt een eenmalige link af); start daarna opnieuw met npm start.'
			);
		}
		// Changes made by other instances (and by jobs) reach this process's public-page cache.
		const stopListening = await database.listen((table) => announceChanges([table]));
		const stopJobs = c.JOBS_ENABLED ? startScheduler(systemContext(database), jobs) : undefined;
		state = { database, ready: true, stopJobs, stopListening };
		log().info({ driver: database.driver, ms: Date.now() - started }, 'database ready');
		return state;
	})();
	try {
		return (await starting).database;
	} catch (e) {
		starting = undefined;
		throw e;
	}
}

export function database(): Database {
	if (!state) throw new Error('The database is not open yet (startApp was not awaited).');
	return state.database;
}

export function isReady(): boolean {
	return state?.ready ?? false;
}

export async function stopApp(): Promise<void> {
	const current = state;
	state = undefined;
	starting = undefined;
	if (current) {
		current.ready = false;
		current.stopJobs?.();
		await current.stopListening?.().catch(() => undefined);
		await current.database.close();
	}
}

export function systemContext(database: Database): ServiceContext {
	return { db: database.db, actor: systemActor, locale: 'nl', principal: system };
}

export function cliContext(database: Database): ServiceContext {
	return { db: database.db, actor: cliActor, locale: 'nl', principal: system };
}
