import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './common';

/** Site settings as data, so another partnership runs the platform by changing data only. */
export const siteSettings = pgTable('site_settings', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	...timestamps
});
