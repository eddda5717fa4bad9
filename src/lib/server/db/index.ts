import { config } from '../config';
import { openDatabase, type Database } from './client';

export type { Db, DbOrTx, Tx, Database } from './client';
export { rows } from './client';
export { countQueries } from './query-counter';

/** Open the database this process is configured for (does not migrate). */
export function openConfiguredDatabase(purpose: string): Promise<Database> {
	const c = config();
	return c.DATABASE_URL
		? openDatabase({ kind: 'postgres', url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE })
		: openDatabase({ kind: 'pglite-dir', dataDir: c.dataDir, purpose });
}
