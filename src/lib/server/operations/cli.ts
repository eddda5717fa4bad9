/**
 * `npm run backup -- --out FILE`, `npm run restore -- FILE [--replace]` and
 * `npm run db:move -- --to postgres://… [--replace]` on the configured database. Each prints a
 * line per table (rows and the start of its checksum) so two runs can be compared by eye.
 */
import os from 'node:os';
import type { Database } from '../db';
import { openDatabase } from '../db/client';
import { AppError } from '../errors';
import { moveDatabase, restoreBackup, writeBackup, type Checksums } from './backup.service';

export const usage = {
	backup: 'Gebruik: npm run backup -- --out BESTAND [--without-files]',
	restore: 'Gebruik: npm run restore -- BESTAND [--replace]',
	'db:move': 'Gebruik: npm run db:move -- --to postgres://gebruiker@host:5432/database [--replace]'
} as const;
export type OperationCommand = keyof typeof usage;

export function formatChecksums(tables: Checksums): string {
	const width = Math.max(...Object.keys(tables).map((t) => t.length));
	const lines = Object.entries(tables).map(
		([name, s]) =>
			`  ${name.padEnd(width)}  ${String(s.rows).padStart(8)} rijen  ${s.checksum.slice(0, 16)}`
	);
	const total = Object.values(tables).reduce((sum, s) => sum + s.rows, 0);
	return `${lines.join('\n')}\n  ${Object.keys(tables).length} tabellen, ${total} rijen.\n`;
}

const usageError = (command: OperationCommand) => new AppError('invalid_input', usage[command]);

/** Run one command; `args` are the words after the command. Returns what to print. */
export async function runOperation(
	command: OperationCommand,
	database: Database,
	args: string[]
): Promise<string> {
	const option = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const replace = args.includes('--replace');
	if (command === 'backup') {
		const out = option('--out');
		if (!out || out.startsWith('--')) throw usageError(command);
		await database.migrate();
		const result = await writeBackup(database, out, { files: !args.includes('--without-files') });
		const missing = result.missingFiles.length
			? `Let op: ${result.missingFiles.length} bestanden stonden niet op schijf en zitten niet in de back-up: ${result.missingFiles.join(', ')}.\n`
			: '';
		return `Back-up geschreven naar ${result.file} (${result.bytes} bytes, ${result.files} bestanden).\n${formatChecksums(result.tables)}${missing}`;
	}
	if (command === 'restore') {
		const file = args.find((a) => !a.startsWith('--'));
		if (!file) throw usageError(command);
		await database.migrate();
		const result = await restoreBackup(database, file, { replace });
		return `Back-up ${file} hersteld en gecontroleerd (${result.files} bestanden).\n${formatChecksums(result.tables)}`;
	}
	const to = option('--to');
	if (!to || !/^postgres(ql)?:\/\//.test(to)) throw usageError(command);
	const target = await openDatabase({ kind: 'postgres', url: to, poolSize: 2 });
	try {
		const result = await moveDatabase(database, target, { replace, tmpDir: os.tmpdir() });
		return `Alles overgezet naar ${redact(to)}; elke tabel heeft aan beide kanten dezelfde rijen en controlesom.\n${formatChecksums(result.tables)}Zet nu DATABASE_URL naar die database en start Streekplatform opnieuw. De geüploade bestanden blijven in DATA_DIR/files.\n`;
	} finally {
		await target.close();
	}
}

/** A connection URL without its password, for messages. */
function redact(url: string) {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return 'de doeldatabase';
	}
}
