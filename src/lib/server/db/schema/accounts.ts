import {
	boolean,
	jsonb,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './common';
import { organisations } from './organisations';

export const platformRoles = ['admin', 'staff', 'user'] as const;
export type PlatformRole = (typeof platformRoles)[number];
export const platformRole = pgEnum('platform_role', platformRoles);

/** A login. Body roles come from memberships of the person linked to the user. */
export const users = pgTable(
	'users',
	{
		id: id(),
		/** Lower-cased. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: platformRole('role').notNull().default('user'),
		/** argon2id; null until the invitation is accepted. */
		passwordHash: text('password_hash'),
		totpSecret: text('totp_secret'),
		totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
		/** The last TOTP time step accepted, so a code cannot be replayed. */
		totpLastStep: integer('totp_last_step'),
		lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		/** Which notification mails the user receives (kind → on/off; missing = on). */
		mailPreferences: jsonb('mail_preferences')
			.$type<Record<string, boolean>>()
			.notNull()
			.default({}),
		/** The language of the user's mails and workspace ('nl' or 'en'). */
		locale: text('locale', { enum: ['nl', 'en'] })
			.notNull()
			.default('nl'),
		...timestamps
	},
	(t) => [uniqueIndex('users_email_key').on(t.email)]
);

/** Database sessions (shared by every app instance). The id is the SHA-256 of the cookie token. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** False between the password step and the second factor. */
		twoFactorDone: boolean('two_factor_done').notNull().default(false),
		userAgent: text('user_agent'),
		ip: text('ip')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const recoveryCodes = pgTable(
	'recovery_codes',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('recovery_codes_user_idx').on(t.userId)]
);

export const oneTimeTokenKinds = ['invitation', 'reset', 'setup'] as const;
export type OneTimeTokenKind = (typeof oneTimeTokenKinds)[number];
export const oneTimeTokenKind = pgEnum('one_time_token_kind', oneTimeTokenKinds);

/** Single-use links sent by e-mail (invitation, password reset) or printed (setup). */
export const oneTimeTokens = pgTable(
	'one_time_tokens',
	{
		id: id(),
		kind: oneTimeTokenKind('kind').notNull(),
		/** SHA-256 of the token; the token itself is only in the link. */
		tokenHash: text('token_hash').notNull(),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdBy: uuid('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('one_time_tokens_hash_key').on(t.tokenHash)]
);

/** Scoped API tokens per organisation, hashed at rest. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id),
		name: text('name').notNull(),
		/** First characters of the token, to recognise it in lists. */
		prefix: text('prefix').notNull(),
		tokenHash: text('token_hash').notNull(),
		scopes: text('scopes').array().notNull(),
		createdBy: uuid('created_by').references(() => users.id),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		...timestamps
	},
	(t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)]
);

/** Fixed-window counters for rate limits, shared by every instance. */
export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text('key').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		count: integer('count').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] })]
);

export const jobRunStatuses = ['running', 'succeeded', 'failed'] as const;
export const jobRunStatus = pgEnum('job_run_status', jobRunStatuses);

/** One row per scheduled run; the unique (job, period) claims it for exactly one instance. */
export const jobRuns = pgTable(
	'job_runs',
	{
		id: id(),
		job: text('job').notNull(),
		period: text('period').notNull(),
		status: jobRunStatus('status').notNull().default('running'),
		instance: text('instance').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		error: text('error'),
		result: text('result')
	},
	(t) => [
		uniqueIndex('job_runs_job_period_key').on(t.job, t.period),
		index('job_runs_started_idx').on(t.startedAt)
	]
);
