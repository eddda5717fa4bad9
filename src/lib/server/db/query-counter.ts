import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements per scope (a request or a test), so tests can assert that the number
 * of queries a page makes does not grow with the data.
 */
type Scope = { count: number };
const storage = new AsyncLocalStorage<Scope>();

export function recordQuery(): void {
	const scope = storage.getStore();
	if (scope) scope.count++;
}

/** Run `fn` and return its result together with the number of queries it sent. */
export async function countQueries<T>(
	fn: () => Promise<T>
): Promise<{ result: T; queries: number }> {
	const scope: Scope = { count: 0 };
	const result = await storage.run(scope, fn);
	return { result, queries: scope.count };
}

/** Run `fn` inside a scope whose count can be read afterwards (used per request). */
export function withQueryScope<T>(fn: () => T): { scope: Scope; result: T } {
	const scope: Scope = { count: 0 };
	return { scope, result: storage.run(scope, fn) };
}
