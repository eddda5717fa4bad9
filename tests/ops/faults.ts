/**
 * Fault tests (issue 12): each sub-test provokes one fault and proves nothing was lost and
 * nothing was left half-written.
 *
 *   npx tsx tests/ops/faults.ts [parallel] [disk] [outage] [import-pg] [import-server]
 *   [import-pglite] [import-plan]
 *
 * (all of them without arguments). Needs a build (`npm run build`), PostgreSQL's binaries and
 * root (the disk test mounts a tmpfs). Ports: PostgreSQL 54421, apps 3421 and 3422.
 */
import path from 'node:path';
import { loadScenario, root, script, startApp, startPostgres, tempDir } from './harness';
import {
	APP_PORT,
	PG_PORT,
	appEnv,
	within,
	type FaultContext,
	type Scenario
} from './fault-support';
import { diskFull } from './fault-disk';
import { importKillPglite, importKillPostgres, importKillServer } from './fault-import';
import { importPlanKill } from './fault-import-plan';
import { postgresRestart } from './fault-outage';
import { parallelSaves } from './fault-parallel';

/** Each sub-test with its own time bound (seconds). */
const tests: [string, number, (ctx: FaultContext) => Promise<string | void>][] = [
	['parallel', 60, parallelSaves],
	['disk', 60, diskFull],
	['outage', 90, postgresRestart],
	['import-pg', 420, importKillPostgres],
	['import-server', 300, importKillServer],
	['import-pglite', 240, importKillPglite],
	['import-plan', 120, importPlanKill]
];

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !tests.some(([t]) => t === name));
if (unknown.length) {
	process.stderr.write(
		`Onbekende deeltest: ${unknown.join(', ')} (kies uit ${tests.map(([t]) => t).join(', ')})\n`
	);
	process.exit(2);
}

script('faults', 720, async () => {
	const pg = await startPostgres(PG_PORT);
	const db = 'faults';
	const dbUrl = pg.createDatabase(db);
	const dataDir = tempDir('faults-data');
	const work = tempDir('faults-work');
	const env = appEnv(APP_PORT, { DATABASE_URL: dbUrl, DATA_DIR: dataDir });
	const scenario = loadScenario<Scenario>(env, path.join(work, 'scenario.json'));
	const app = await startApp({ port: APP_PORT, env, cwd: root });
	const ctx: FaultContext = { pg, db, dbUrl, dataDir, app, env, scenario, cwd: root, work };
	const failed: string[] = [];
	for (const [name, seconds, run] of tests) {
		if (chosen.length && !chosen.includes(name)) continue;
		if (!(await within(name, seconds, (signal) => run({ ...ctx, signal })))) failed.push(name);
	}
	if (failed.length) throw new Error(`failed: ${failed.join(', ')}`);
});
