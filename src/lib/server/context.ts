import type { ActorType } from './db/schema';
import type { DbOrTx } from './db';
import type { Locale } from '../i18n';
import type { Principal } from './policy';

/** Who does something: the system, the CLI, later a user or an API token. */
export type Actor = { type: ActorType; id?: string; label?: string };

export const systemActor: Actor = { type: 'system', label: 'systeem' };
export const cliActor: Actor = { type: 'cli', label: 'opdrachtregel' };

/** What every service function receives. */
export type ServiceContext = {
	db: DbOrTx;
	actor: Actor;
	requestId?: string;
	locale: Locale;
	/** Who is asking, for authorisation (`system` for start-up and the CLI). */
	principal: Principal;
};

/** The signed-in user behind a request, or null (system, CLI, API token). */
export const userIdOf = (ctx: ServiceContext): string | null =>
	ctx.principal.kind === 'user' ? ctx.principal.userId : null;
