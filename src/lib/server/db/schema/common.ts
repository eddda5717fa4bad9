import { boolean, jsonb, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Text a user may translate: Dutch always, English when given. */
export type Translatable = { nl: string; en?: string };

export const id = () => uuid('id').primaryKey().defaultRandom();

export const translatable = (name: string) => jsonb(name).$type<Translatable>();

/** created_at / updated_at in UTC. */
export const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true })
		.notNull()
		.defaultNow()
		.$onUpdate(() => new Date())
};

/** Rows made as example data; `npm run db:purge-examples` removes them. */
export const isExample = () => boolean('is_example').notNull().default(false);
