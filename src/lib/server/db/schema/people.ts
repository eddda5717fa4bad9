import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { id, isExample, timestamps } from './common';

export const people = pgTable('people', {
	id: id(),
	givenName: text('given_name').notNull(),
	familyName: text('family_name').notNull(),
	email: text('email'),
	/** Link to a user account, once accounts exist. */
	userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
	phone: text('phone'),
	/** Set when the person asked to be forgotten; staff then anonymise. */
	erasureRequestedAt: timestamp('erasure_requested_at', { withTimezone: true }),
	/** Names and contact replaced by a placeholder; memberships and decisions keep their history. */
	anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
	isExample: isExample(),
	...timestamps
});
