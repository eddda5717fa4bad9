/**
 * `tsx tests/ops/fault-pglite-query.ts DATA_DIR SQL`: open an embedded data folder (as the app
 * does: its lock, its extensions) and print the rows of one statement as psql -tA would
 * (columns joined by `|`). For the fault tests: whether a folder opens again after a kill -9.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';

const [dataDir, statement] = process.argv.slice(2);
const database = await openDatabase({ kind: 'pglite-dir', dataDir, purpose: 'de fouttest' });
try {
	const result = (await database.db.execute(sql.raw(statement))) as unknown as {
		rows: Record<string, unknown>[];
	};
	for (const row of result.rows) process.stdout.write(`${Object.values(row).join('|')}\n`);
} finally {
	await database.close();
}
