/**
 * The app's own logical backup format, used by `backup`, `restore` and `db:move`: gzip-compressed
 * lines of UTF-8 text.
 *
 *   #{"format":"streekplatform-backup","version":1,"createdAt":…,"migrations":[hash…],…}
 *   #{"table":"areas","columns":[…]}
 *   {"id": …, "name": …}                  one row: PostgreSQL's jsonb text of the row
 *   #{"tableEnd":"areas","rows":63,"checksum":"…"}
 *   #{"file":"<sha256>","size":1234}      an uploaded file, then its bytes in base64 lines
 *   >JVBERi0xLjQK…
 *   #{"end":true,"tables":{"areas":{"rows":63,"checksum":"…"}},"files":12}
 *
 * A row is the database's own JSON of it (`to_jsonb`), so any PostgreSQL version (PGlite's 18,
 * a server's 15) writes and reads it the same way. A table's checksum does not depend on row
 * order: the sum of the rows' SHA-256 modulo 2^256, hex.
 */
import { createHash } from 'node:crypto';

export const FORMAT = 'streekplatform-backup';
export const VERSION = 1;

export type Header = {
	format: typeof FORMAT;
	version: number;
	createdAt: string;
	/** The applied migrations of the source (hashes, oldest first): its schema version. */
	migrations: string[];
	driver: 'pglite' | 'postgres';
	files: boolean;
};
export type TableSummary = { rows: number; checksum: string };
export type Control =
	| Header
	| { table: string; columns: string[] }
	| ({ tableEnd: string } & TableSummary)
	| { file: string; size: number }
	| { end: true; tables: Record<string, TableSummary>; files: number };

const MOD = 1n << 256n;

/** An order-independent digest of a table's rows. */
export class TableDigest {
	private sum = 0n;
	rows = 0;
	add(row: string) {
		this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(row).digest('hex')}`)) % MOD;
		this.rows++;
	}
	summary(): TableSummary {
		return { rows: this.rows, checksum: this.sum.toString(16).padStart(64, '0') };
	}
}

export const control = (value: Control) => `#${JSON.stringify(value)}`;
