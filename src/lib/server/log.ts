import pino from 'pino';
import pretty from 'pino-pretty';
import { config, isTest } from './config';

function create() {
	const c = config();
	const level = isTest() ? 'silent' : c.LOG_LEVEL;
	const usePretty = (c.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'pretty';
	const options = { level, base: { app: 'streekplatform' } };
	// pino-pretty as a stream (not a worker transport), so the bundled server needs no resolution.
	return usePretty ? pino(options, pretty({ colorize: true, sync: true })) : pino(options);
}

let instance: pino.Logger | undefined;

/** The process logger (JSON lines; pretty in a terminal). */
export function log(): pino.Logger {
	instance ??= create();
	return instance;
}
