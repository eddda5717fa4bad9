import type { Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			db: Db;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
