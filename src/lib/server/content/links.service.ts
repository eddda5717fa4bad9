/**
 * "Externe websites" of an organisation: its links, kept by whoever keeps organisations
 * (structure:manage) on the workspace organisation page, listed on the public organisation page.
 * Only http(s) addresses; each change audited.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { organisationLinks, organisations } from '../db/schema';
import { invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';

export const linkMessages = {
	label: 'Geef de link een naam.',
	url: 'Geef een webadres dat begint met https:// of http://.'
} as const;

export const linkInput = z.strictObject({
	label: z
		.string(linkMessages.label)
		.trim()
		.min(1, linkMessages.label)
		.max(200, 'Hoogstens 200 tekens.'),
	/** The name in English; empty: the Dutch name is shown in English too. */
	labelEn: z
		.string()
		.trim()
		.max(200, 'Hoogstens 200 tekens.')
		.optional()
		.transform((v) => v || undefined),
	url: z
		.string(linkMessages.url)
		.trim()
		.max(2000, 'Hoogstens 2000 tekens.')
		.refine((v) => {
			try {
				const u = new URL(v);
				return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
			} catch {
				return false;
			}
		}, linkMessages.url)
});

/** The links of an organisation, in order: one query. */
export function organisationLinksOf(db: DbOrTx, organisationId: string) {
	return db
		.select({
			id: organisationLinks.id,
			label: organisationLinks.label,
			url: organisationLinks.url
		})
		.from(organisationLinks)
		.where(eq(organisationLinks.organisationId, organisationId))
		.orderBy(asc(organisationLinks.position), asc(organisationLinks.createdAt));
}

export async function addOrganisationLink(
	ctx: ServiceContext,
	organisationId: string,
	input: unknown
) {
	authorize(ctx.principal, 'structure:manage');
	if (!isUuid(organisationId)) throw notFound('Organisatie niet gevonden.');
	const parsed = linkInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const [org] = await ctx.db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.id, organisationId));
	if (!org) throw notFound('Organisatie niet gevonden.');
	return mutate(ctx, async (tx) => {
		const existing = await organisationLinksOf(tx, organisationId);
		const [row] = await tx
			.insert(organisationLinks)
			.values({
				organisationId,
				label: {
					nl: parsed.data.label,
					...(parsed.data.labelEn ? { en: parsed.data.labelEn } : {})
				},
				url: parsed.data.url,
				position: existing.length
			})
			.returning();
		return {
			result: row,
			audit: {
				action: 'organisation.link_add',
				recordType: 'organisation',
				recordId: organisationId,
				changes: { link: { after: { label: row.label, url: parsed.data.url } } }
			}
		};
	});
}

export async function removeOrganisationLink(
	ctx: ServiceContext,
	organisationId: string,
	linkId: unknown
) {
	authorize(ctx.principal, 'structure:manage');
	if (!isUuid(organisationId) || !isUuid(linkId)) throw notFound('Link niet gevonden.');
	await mutate(ctx, async (tx) => {
		const [before] = await tx
			.delete(organisationLinks)
			.where(
				and(eq(organisationLinks.id, linkId), eq(organisationLinks.organisationId, organisationId))
			)
			.returning();
		if (!before) throw notFound('Link niet gevonden.');
		return {
			result: undefined,
			audit: {
				action: 'organisation.link_remove',
				recordType: 'organisation',
				recordId: organisationId,
				changes: { link: { before: { label: before.label, url: before.url } } }
			}
		};
	});
}
