import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The committed `drizzle/` folder. It ships beside `build/`; the bundled code lives at a
 * different depth than the source, so walk up from this module, then fall back to the cwd.
 */
export function migrationsFolder(): string {
	if (found) return found;
	const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
	for (const start of starts) {
		let dir = start;
		for (;;) {
			const candidate = path.join(dir, 'drizzle');
			if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return (found = candidate);
			const parent = path.dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
	}
	throw new Error('De map drizzle/ met de migraties is niet gevonden naast de applicatie.');
}
