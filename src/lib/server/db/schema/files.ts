import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Uploaded files: the bytes live under DATA_DIR/files by content hash (never the uploaded name);
 * this row holds what the app knows about one upload.
 */
export const files = pgTable(
	'files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		sha256: text('sha256').notNull(),
		size: bigint('size', { mode: 'number' }).notNull(),
		/** Sniffed from the content (magic bytes), never taken from the upload. */
		mimeType: text('mime_type').notNull(),
		/** The uploaded name, for display and downloads only. */
		originalName: text('original_name').notNull(),
		/** What the file is for (logo, document, import…), which sets its limits. */
		purpose: text('purpose').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('files_sha256_idx').on(t.sha256)]
);
