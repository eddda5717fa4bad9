import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, isExample, timestamps } from './common';

export const people = pgTable('people', {
	id: id(),
	givenName: text('given_name').notNull(),
	familyName: text('family_name').notNull(),
	email: text('email'),
	/** Link to a user account, once accounts exist. */
	userId: uuid('user_id'),
	isExample: isExample(),
	...timestamps
});
