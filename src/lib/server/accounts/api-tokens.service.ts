/**
 * API tokens per organisation: scoped, hashed at rest, shown once, revocable, with last-used time.
 * Sent as `Authorization: Bearer sp_…` to /api/v1.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { apiTokens, organisations } from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { authorize, type Principal } from '../policy';
import { apiScopes, type ApiScope } from '../policy/permissions';
import { hashToken, newToken } from './tokens';

export const apiTokenInput = z.strictObject({
	organisationId: z.uuid('Kies een organisatie.'),
	name: z
		.string('Geef de sleutel een naam.')
		.trim()
		.min(1, 'Geef de sleutel een naam.')
		.max(100, 'Hoogstens 100 tekens.'),
	scopes: z
		.array(z.enum(apiScopes, 'Onbekende bevoegdheid.'))
		.min(1, 'Kies minstens één bevoegdheid.')
});

const PREFIX = 'sp_';

export async function createApiToken(
	ctx: ServiceContext,
	input: unknown
): Promise<{ token: string; id: string }> {
	authorize(ctx.principal, 'tokens:manage', undefined, ctx.requestId);
	const parsed = apiTokenInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	const token = `${PREFIX}${newToken()}`;
	return mutate(ctx, async (tx) => {
		const [org] = await tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, data.organisationId));
		if (!org)
			throw new AppError('invalid_input', 'Onbekende organisatie.', {
				organisationId: ['Onbekende organisatie.']
			});
		const [row] = await tx
			.insert(apiTokens)
			.values({
				organisationId: data.organisationId,
				name: data.name,
				prefix: token.slice(0, 10),
				tokenHash: hashToken(token),
				scopes: [...new Set(data.scopes)],
				createdBy: ctx.principal.kind === 'user' ? ctx.principal.userId : null
			})
			.returning();
		return {
			result: { token, id: row.id },
			audit: {
				action: 'api_token.create',
				recordType: 'api_token',
				recordId: row.id,
				changes: { name: { after: data.name }, scopes: { after: row.scopes } }
			}
		};
	});
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
	authorize(ctx.principal, 'tokens:manage', undefined, ctx.requestId);
	await mutate(ctx, async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
			.returning();
		if (!row) {
			const [existing] = await tx
				.select({ id: apiTokens.id })
				.from(apiTokens)
				.where(eq(apiTokens.id, id));
			throw existing
				? new AppError('conflict', 'Deze sleutel is al ingetrokken.')
				: new AppError('not_found', 'Sleutel niet gevonden.');
		}
		return {
			result: null,
			audit: { action: 'api_token.revoke', recordType: 'api_token', recordId: id }
		};
	});
}

export async function listApiTokens(ctx: ServiceContext) {
	authorize(ctx.principal, 'tokens:manage', undefined, ctx.requestId);
	return ctx.db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			prefix: apiTokens.prefix,
			scopes: apiTokens.scopes,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			organisation: organisations.name
		})
		.from(apiTokens)
		.innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
		.orderBy(desc(apiTokens.createdAt));
}

/** The principal of a bearer token, or null when unknown or revoked. Records last use. */
export async function authenticateToken(db: DbOrTx, token: string): Promise<Principal | null> {
	if (!token.startsWith(PREFIX) || token.length > 100) return null;
	const [row] = await db
		.update(apiTokens)
		.set({ lastUsedAt: new Date() })
		.where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
		.returning();
	if (!row) return null;
	return {
		kind: 'token',
		tokenId: row.id,
		organisationId: row.organisationId,
		scopes: row.scopes as ApiScope[]
	};
}
