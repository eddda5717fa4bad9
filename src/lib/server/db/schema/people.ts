import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { id, isExample, timestamps } from './common';

export const people = pgTable('people', {
	id: id(),
	givenName: text('given_name').notNull(),
	familyName: text('family_name').notNull(),
	email: text('email'),
	/** Link to a user account, once accounts exist. */
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	isExample: isExample(),
	...timestamps
});
