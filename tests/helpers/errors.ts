import { AppError } from '../../src/lib/server/errors';

/** The AppError a service call rejects with (fails the test if it resolves or throws otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected an AppError');
}
