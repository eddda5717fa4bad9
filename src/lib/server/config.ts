/**
 * The only reader of process.env. Every setting is validated with zod and documented here;
 * README.md lists the same variables. A bad value stops start-up with one line naming it.
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
/** An HTTP header name (RFC 9110 token), as a proxy sets it. */
const headerName = z
	.string()
	.regex(
		/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/,
		'moet een naam van een HTTP-header zijn, bv. X-Forwarded-For'
	);

const schema = z.object({
	/** TCP port the server listens on. */
	PORT: port.default(3000),
	/** Interface to bind; loopback by default, `0.0.0.0` in a container. */
	HOST: z.string().min(1).default('127.0.0.1'),
	/** Public origin of the site; form posts are accepted only from it (CSRF check). */
	ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
	/** Folder for the embedded database, uploads and the mail outbox. */
	DATA_DIR: z.string().min(1).default('./data'),
	/** PostgreSQL connection string; when set the embedded database is not used. */
	DATABASE_URL: z
		.string()
		.refine((v) => {
			try {
				const u = new URL(v);
				return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
			} catch {
				return false;
			}
		}, 'moet een URL zijn als postgres://gebruiker:wachtwoord@host:5432/database')
		.optional(),
	/** Connections in the PostgreSQL pool (ignored for the embedded database). */
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
	/** pino log level. */
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** `pretty` for humans, `json` for log shippers; defaults to json outside a terminal. */
	LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
	/** Load the real ERSV structure at start when the database has none (idempotent). */
	SEED_ON_START: z
		.enum(['true', 'false', '1', '0'])
		.default('true')
		.transform((v) => v === 'true' || v === '1'),
	/** Header with the client address when behind a reverse proxy (e.g. X-Forwarded-For). */
	ADDRESS_HEADER: headerName.optional(),
	/**
	 * Without ORIGIN only: the header with the original protocol (e.g. X-Forwarded-Proto). adapter-node
	 * ignores it when ORIGIN is set; ORIGIN is the recommended choice (mail links need it too).
	 */
	PROTOCOL_HEADER: headerName.optional(),
	/** Without ORIGIN only: the header with the original host (e.g. X-Forwarded-Host). */
	HOST_HEADER: headerName.optional(),
	/** Number of proxies in front of the app, for ADDRESS_HEADER. */
	XFF_DEPTH: z.coerce.number().int().min(1).default(1),
	/** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.org:587; unset = .eml files in DATA_DIR/outbox. */
	SMTP_URL: z
		.string()
		.refine(
			(v) => /^smtps?:\/\/[^\s]+$/.test(v),
			'moet een URL zijn als smtp://gebruiker:wachtwoord@host:587'
		)
		.optional(),
	/** Sender of outgoing mail. */
	MAIL_FROM: z.string().min(3).default('Streekplatform <no-reply@localhost>'),
	/** Minutes of inactivity after which a session ends. */
	SESSION_IDLE_MINUTES: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 60)
		.default(30),
	/** Hours after login after which a session ends, however active. */
	SESSION_MAX_HOURS: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 30)
		.default(12),
	/** Hours an invitation link stays valid. */
	INVITATION_TTL_HOURS: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 30)
		.default(72),
	/** Minutes a password-reset link stays valid. */
	RESET_TTL_MINUTES: z.coerce
		.number()
		.int()
		.min(5)
		.max(24 * 60)
		.default(60),
	/** Failed logins allowed per account, and per IP address ×4, in 15 minutes. */
	LOGIN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
	/** Run scheduled jobs in this instance (every instance may; each run is claimed once). */
	JOBS_ENABLED: z
		.enum(['true', 'false', '1', '0'])
		.default('true')
		.transform((v) => v === 'true' || v === '1'),
	/**
	 * Years after the end of a person's last membership (and with no active account) after which
	 * the retention job anonymises them.
	 */
	RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
	/**
	 * Days a message from the public contact form is kept (it holds a name, an address and free
	 * text); the daily retention job deletes older ones.
	 */
	CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
	/**
	 * Days after a held meeting without minutes after which the daily reminder job mails the body's
	 * secretaries (once per meeting and secretary).
	 */
	MINUTES_REMINDER_DAYS: z.coerce
		.number({ error: 'moet een geheel aantal dagen zijn (1–365)' })
		.int('moet een geheel aantal dagen zijn (1–365)')
		.min(1, 'moet minstens 1 dag zijn')
		.max(365, 'mag hoogstens 365 dagen zijn')
		.default(14),
	/** Largest meeting document (each version), in MB. */
	DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(25),
	/** Largest boundary file (GeoJSON or TopoJSON) for the monitor's maps, in MB. */
	BOUNDARY_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
	/** Largest observations file (CSV, XLSX, JSON) the monitor's import accepts, in MB. */
	MONITOR_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(500),
	/** Total size of all document versions of one body, in MB. */
	BODY_DOCUMENT_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
	/** Requests per client IP address and window that anonymous callers of /api get; 0 = no limit. */
	API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
	/** Length of the anonymous API rate-limit window, in seconds. */
	API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
	/** Seconds to let open requests finish on SIGTERM before forcing exit. */
	SHUTDOWN_TIMEOUT: z.coerce.number().int().min(1).max(120).default(4),
	/** Memory for the public-page cache in server.js, in MB; 0 turns the cache off. */
	PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
	/**
	 * Seconds a cached public page lives at most. Changes drop pages at once; this bounds pages
	 * that depend on the date (upcoming meetings, scheduled news).
	 */
	PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
	/**
	 * Bearer token a Prometheus scraper sends to /metrics. Unset: /metrics answers loopback
	 * clients only (behind a reverse proxy every client looks local: set it in production).
	 */
	METRICS_TOKEN: z.string().min(24, 'moet minstens 24 tekens lang zijn').optional(),
	/** Daily backups (job operations.backup) to keep; 0 = no scheduled backups. */
	BACKUP_KEEP: z.coerce.number().int().min(0).max(366).default(7),
	/** Folder of the daily backups; default DATA_DIR/backups. Put it on another disk. */
	BACKUP_DIR: z.string().min(1).optional()
});

export type Config = z.infer<typeof schema> & {
	dataDir: string;
	origin: string;
	backupDir: string;
};

export class ConfigError extends Error {}

/** Parse an environment; throws ConfigError with one line naming the bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const issue = result.error.issues[0];
		const name = String(issue.path[0] ?? 'environment');
		throw new ConfigError(
			`Ongeldige instelling ${name}=${JSON.stringify(cleaned[name] ?? '')}: ${issue.message}`
		);
	}
	const c = result.data;
	return {
		...c,
		dataDir: path.resolve(c.DATA_DIR),
		backupDir: path.resolve(c.BACKUP_DIR ?? path.join(c.DATA_DIR, 'backups')),
		origin: c.ORIGIN ?? `http://localhost:${c.PORT}`
	};
}

let cached: Config | undefined;

/** The validated settings of this process. */
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}

/** Whether this process runs under a test runner (used to silence logs). */
export function isTest(): boolean {
	return process.env.VITEST !== undefined;
}

/** Raw environment for the few places that hand settings to child processes (server.js). */
export function envForAdapter(c: Config): Record<string, string> {
	const out: Record<string, string> = {
		PORT: String(c.PORT),
		HOST: c.HOST,
		BODY_SIZE_LIMIT: 'Infinity',
		XFF_DEPTH: String(c.XFF_DEPTH)
	};
	if (c.ADDRESS_HEADER) out.ADDRESS_HEADER = c.ADDRESS_HEADER;
	// adapter-node derives the origin from the headers only when it gets no ORIGIN.
	if (!c.ORIGIN && (c.PROTOCOL_HEADER || c.HOST_HEADER)) {
		if (c.PROTOCOL_HEADER) out.PROTOCOL_HEADER = c.PROTOCOL_HEADER;
		if (c.HOST_HEADER) out.HOST_HEADER = c.HOST_HEADER;
	} else out.ORIGIN = c.origin;
	return out;
}

/** One line for an error that stops start-up (bad setting, unusable folder, database down). */
export function describeStartupError(e: unknown): string {
	const err = e as NodeJS.ErrnoException & { code?: string };
	if (err instanceof ConfigError) return err.message;
	if (err?.name === 'AppError') return err.message;
	if (
		err?.code === 'ECONNREFUSED' ||
		err?.code === 'ENOTFOUND' ||
		err?.code === 'CONNECT_TIMEOUT'
	) {
		return `kan de database niet bereiken (${err.code}): controleer DATABASE_URL en of de PostgreSQL-server draait.`;
	}
	if (err?.code === '28P01' || err?.code === '3D000') {
		return `de database weigert de verbinding: ${err.message}. Controleer DATABASE_URL.`;
	}
	if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('build/')) {
		return 'de applicatie is nog niet gebouwd: gebruik npm start (bouwt eerst) of npm run build.';
	}
	return `starten mislukt: ${err?.message ?? String(e)}`;
}
