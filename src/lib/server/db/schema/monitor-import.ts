/**
 * Staging for observation imports: the rows of one import as they were read and validated, in
 * chunks, before the one short transaction that upserts them into `observations`. Rows with an
 * `error` are the import's error list (line + message). Deleted when the import is committed or
 * abandoned.
 */
import {
	date,
	doublePrecision,
	integer,
	pgTable,
	primaryKey,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import { observationOrigin, observationStatus } from './monitor';

export const monitorImportRows = pgTable(
	'monitor_import_rows',
	{
		/**
		 * The import (monitor_imports.id). No foreign key: a key check per staged row would cost a
		 * large import a fifth of its time; the import service drops the rows with their import.
		 */
		importId: uuid('import_id').notNull(),
		/** Order of reading (a wide row gives one staged row per period column). */
		seq: integer('seq').notNull(),
		/** The line (CSV) or row (XLSX) number in the file, or the position in an API push. */
		line: integer('line').notNull(),
		/** The indicator code of the row's indicator column, if the file has one. */
		indicatorCode: text('indicator_code'),
		indicatorId: uuid('indicator_id'),
		nisCode: text('nis_code'),
		areaId: uuid('area_id'),
		period: text('period'),
		periodStart: date('period_start'),
		value: doublePrecision('value'),
		status: observationStatus('status'),
		origin: observationOrigin('origin'),
		/** Dutch message when the row is refused while reading (NIS code, period, value…). */
		error: text('error'),
		/**
		 * Dutch message from the checks that depend on the indicator (unknown code, bounds) and on
		 * the whole file (duplicate key): cleared and redone when another indicator is chosen.
		 */
		checkError: text('check_error')
	},
	(t) => [primaryKey({ columns: [t.importId, t.seq] })]
);
