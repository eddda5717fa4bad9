import { AppError } from '../../src/lib/server/errors';

/**
 * The error a service call rejects with — an AppError unless another class is named (fails the
 * test if the call resolves or throws something else).
 */
export async function rejection<E extends Error = AppError>(
	promise: Promise<unknown>,
	type: new (...args: never[]) => E = AppError as unknown as new (...args: never[]) => E
): Promise<E> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof type) return e;
		throw e;
	}
	throw new Error(`expected a ${type.name}`);
}
