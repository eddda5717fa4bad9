import { AsyncLocalStorage } from 'node:async_hooks';
import { countStatement } from '../metrics/metrics';
import { tablesIn, tableWritten } from './changes';

/**
 * Counts SQL statements per scope (a request or a test), so tests can assert that the number
 * of queries a page makes does not grow with the data. A request's scope also notes the tables it
 * read and wrote: the public-page cache keys its invalidation on them.
 */
export type Scope = { count: number; reads?: Set<string>; writes?: Set<string> };
const storage = new AsyncLocalStorage<Scope>();

export function recordQuery(statement: string): void {
	countStatement();
	const scope = storage.getStore();
	if (!scope) return;
	scope.count++;
	if (scope.reads) for (const table of tablesIn(statement)) scope.reads.add(table);
	const written = scope.writes && tableWritten(statement);
	if (written) scope.writes!.add(written);
}

/** Run `fn` and return its result together with the number of queries it sent. */
export async function countQueries<T>(
	fn: () => Promise<T>
): Promise<{ result: T; queries: number }> {
	const scope: Scope = { count: 0 };
	const result = await storage.run(scope, fn);
	return { result, queries: scope.count };
}

/** Run `fn` inside a scope whose count and tables can be read afterwards (used per request). */
export function withQueryScope<T>(fn: () => T): { scope: Required<Scope>; result: T } {
	const scope: Required<Scope> = { count: 0, reads: new Set(), writes: new Set() };
	return { scope, result: storage.run(scope, fn) };
}
