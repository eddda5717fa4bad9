/**
 * The one error type of the application. Services throw AppError with a code; routes and the
 * API map the code to an HTTP status in one place (`httpStatus`).
 */
export const errorCodes = {
	not_found: 404,
	invalid_input: 400,
	forbidden: 403,
	unauthenticated: 401,
	conflict: 409,
	locked: 423,
	rate_limited: 429,
	unavailable: 503,
	internal: 500
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
	readonly code: ErrorCode;
	/** Field messages for invalid input, keyed by field path. */
	readonly fields?: Record<string, string[]>;

	constructor(code: ErrorCode, message: string, fields?: Record<string, string[]>) {
		super(message);
		this.name = 'AppError';
		this.code = code;
		this.fields = fields;
	}

	get status(): number {
		return errorCodes[this.code];
	}
}

export function notFound(message = 'Niet gevonden'): AppError {
	return new AppError('not_found', message);
}

export function isAppError(e: unknown): e is AppError {
	return e instanceof AppError;
}

/** An AppError('invalid_input') with zod's issues as field → messages. */
export function invalidInput(
	error: import('zod').ZodError,
	message = 'Controleer de ingevulde gegevens.'
): AppError {
	const fields: Record<string, string[]> = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || '_';
		(fields[key] ??= []).push(issue.message);
	}
	return new AppError('invalid_input', message, fields);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and forms are UUIDs: anything else is "not found", never a database error. */
export const isUuid = (value: unknown): value is string =>
	typeof value === 'string' && uuidPattern.test(value);
