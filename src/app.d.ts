import type { Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db';
import type { Principal } from '$lib/server/policy';
import type { Session, SessionUser } from '$lib/server/accounts/sessions.service';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			db: Db;
			/** Who is asking (anonymous, a user with a completed login, or an API token). */
			principal: Principal;
			/** The logged-in user, also while the second factor is still pending. */
			user?: SessionUser;
			session?: Session;
			/** The database was unreachable during this request: answer 503 (hooks.server.ts). */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
			requestId?: string;
			/** The database was unreachable: the message says so (the page shows it). */
			unavailable?: boolean;
		}
	}
}

export {};
