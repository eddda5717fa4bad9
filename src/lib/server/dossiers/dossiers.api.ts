/**
 * The JSON API of dossiers (read-only, public data only): the output schemas the OpenAPI document
 * describes and the reads behind /api/v1/dossiers and /api/v1/dossiers/{slug}. Everything comes
 * from the 'public' view of dossiers.queries.ts — a dossier that is not published (or that no
 * decision adopted yet) is a 404 like an unknown slug, and a published one never shows a closed
 * decision, a closed document or a plan that is not published. Names and the stage explanations
 * are Dutch.
 */
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import type { DbOrTx } from '../db';
import {
	bodies,
	decisionStatuses,
	files,
	organisationKinds,
	organisations,
	planItemKinds,
	policyDomains
} from '../db/schema';
import { notFound } from '../errors';
import {
	cursorPageOut,
	decodeCursor,
	idOfIdOrSlug,
	idOrSlugFilter,
	pageQuerySchema,
	toPage
} from '../pagination';
import { anonymous } from '../policy';
import { dossierPage, register, type RegisterFilter, type TimelineEvent } from './dossiers.queries';
import { dossierStages } from './status';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A draft position is never public. */
const publicStages = dossierStages.filter((s) => s !== 'draft') as [
	'adopted',
	'sent',
	'answered',
	'followed_up',
	'closed'
];
const timelineKinds = [
	'created',
	'decision',
	'sent',
	'reminder',
	'answer',
	'follow_up',
	'closed'
] as const satisfies readonly TimelineEvent['kind'][];

const ref = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const links = z.object({ html: z.url().meta({ description: 'The public page.' }) });

const headFields = {
	id: z.uuid(),
	slug: z.string(),
	title: z.string(),
	body: ref.meta({ description: 'The body whose position this is.' }),
	stage: z.enum(publicStages).meta({
		description:
			'Computed from the facts: adopted → sent → answered → followed_up (plan actions follow it up); closed by hand.'
	}),
	stageExplanation: z.string().meta({ description: 'Why, in one Dutch sentence.' }),
	policyDomains: z.array(ref),
	isExample: z.boolean().meta({ description: 'Example data ("voorbeeld").' }),
	links
};

const addresseeFields = {
	organisation: ref.extend({ kind: z.enum(organisationKinds) }),
	sentOn: isoDate.nullable(),
	answeredOn: isoDate.nullable(),
	overdue: z
		.boolean()
		.meta({ description: 'Sent longer ago than the answer time, without an answer.' })
};

export const dossierOut = z
	.object({
		...headFields,
		addressees: z.array(z.object(addresseeFields)),
		year: z
			.number()
			.int()
			.meta({ description: 'The year of the adopting decision (else of the creation).' }),
		lastOn: isoDate.meta({ description: 'The day of the last step.' })
	})
	.meta({ id: 'Dossier' });

export const dossierDetailOut = z
	.object({
		...headFields,
		position: z.string().meta({ description: 'Markdown: what the body asks of the addressees.' }),
		closedOn: isoDate.nullable(),
		closedNote: z.string().nullable(),
		decisions: z
			.array(
				z.object({
					id: z.uuid(),
					reference: z.string().meta({ description: 'Year and number per body: "2026/007".' }),
					title: z.string(),
					status: z.enum(decisionStatuses),
					date: isoDate.meta({ description: 'The day of the meeting.' }),
					links
				})
			)
			.meta({ description: 'The public decisions that adopted the position.' }),
		addressees: z.array(
			z.object({
				...addresseeFields,
				answerDue: isoDate.nullable().meta({ description: 'Sent and not answered: due by.' }),
				answer: z.string().nullable().meta({ description: 'Markdown: the answer, summarised.' })
			})
		),
		documents: z
			.array(
				z.object({
					id: z.uuid(),
					role: z.enum(['sent', 'answer']),
					title: z.string(),
					addressee: z
						.uuid()
						.nullable()
						.meta({ description: 'For an answer: the id of the organisation that answered.' }),
					mimeType: z.string(),
					size: z.number().int().meta({ description: 'Bytes.' }),
					download: z.url()
				})
			)
			.meta({ description: 'Public documents only.' }),
		planItems: z
			.array(
				z.object({
					id: z.uuid(),
					kind: z.enum(planItemKinds),
					externalId: z.string(),
					title: z.string(),
					plan: z.object({ id: z.uuid(), slug: z.string(), title: translatableOut }),
					links
				})
			)
			.meta({
				description:
					'Objectives the dossier serves and actions that follow it up, of published plans only.'
			}),
		timeline: z.array(z.object({ on: isoDate, kind: z.enum(timelineKinds), label: z.string() }))
	})
	.meta({ id: 'DossierDetail' });

export const dossierPageOut = cursorPageOut(dossierOut, 'DossierPage');

export const dossierListQuery = z.strictObject({
	...pageQuerySchema.shape,
	body: idOrSlugFilter('a body'),
	addressee: idOrSlugFilter('an organisation the position was addressed to'),
	policyDomain: idOrSlugFilter('a policy domain'),
	stage: z.enum(publicStages).optional(),
	year: z.coerce.number().int().min(1900).max(2999).optional()
});

export const dossierSlugParam = z.object({ slug: z.string().max(200) });

// ---------------------------------------------------------------------------------------------

const pageUrl = (origin: string, slug: string) => `${origin}/dossiers/${slug}`;

/** Published dossiers by id (cursor pages), filtered by body, addressee, domain, stage and year. */
export async function listDossiersOut(
	db: DbOrTx,
	query: z.infer<typeof dossierListQuery>,
	origin: string
) {
	const after = decodeCursor(query.cursor)?.toLowerCase();
	const wanted = [
		[query.body, bodies],
		[query.addressee, organisations],
		[query.policyDomain, policyDomains]
	] as const;
	const [bodyId, addresseeId, policyDomainId] = await Promise.all(
		wanted.map(([value, table]) => (value ? idOfIdOrSlug(db, table, value) : undefined))
	);
	// A filter on something unknown matches nothing (as for plans), never everything.
	if (wanted.some(([value], i) => value && ![bodyId, addresseeId, policyDomainId][i])) {
		return { items: [], nextCursor: null };
	}
	const filter: RegisterFilter = {
		bodyId,
		addresseeId,
		policyDomainId,
		stage: query.stage,
		year: query.year
	};
	const rows = (await register(db, 'public', anonymous, filter, { locale: 'nl' }))
		.filter((r) => !after || r.id > after)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const page = toPage(rows.slice(0, query.limit + 1), query.limit);
	const orgIds = [...new Set(page.items.flatMap((r) => r.addressees.map((a) => a.id)))];
	const orgs = orgIds.length
		? await db
				.select({ id: organisations.id, slug: organisations.slug, kind: organisations.kind })
				.from(organisations)
				.where(inArray(organisations.id, orgIds))
		: [];
	const org = new Map(orgs.map((o) => [o.id, o]));
	return {
		items: page.items.map((r) => ({
			id: r.id,
			slug: r.slug,
			title: r.title,
			body: { id: r.body.id, slug: r.body.slug, name: r.body.name.nl },
			stage: r.status.stage as (typeof publicStages)[number],
			stageExplanation: r.status.explanation,
			policyDomains: r.policyDomains.map((d) => ({ id: d.id, slug: d.slug, name: d.name.nl })),
			isExample: r.isExample,
			links: { html: pageUrl(origin, r.slug) },
			addressees: r.addressees.map((a) => ({
				organisation: {
					id: a.id,
					slug: org.get(a.id)?.slug ?? '',
					name: a.name.nl,
					kind: org.get(a.id)!.kind
				},
				sentOn: a.sentOn,
				answeredOn: a.answeredOn,
				overdue: r.status.overdue.includes(a.name.nl)
			})),
			year: r.year,
			lastOn: r.lastOn
		})),
		nextCursor: page.nextCursor
	};
}

/** One published dossier by slug, with everything the public may see of it. */
export async function getDossierOut(db: DbOrTx, slug: string, origin: string) {
	const page = await dossierPage(db, slug, 'public', { principal: anonymous }, { locale: 'nl' });
	if (!page) throw notFound('Dossier niet gevonden.');
	const d = page.dossier;
	const fileIds = page.documents.map((doc) => doc.fileId);
	const stored = fileIds.length
		? await db
				.select({ id: files.id, mimeType: files.mimeType, size: files.size })
				.from(files)
				.where(inArray(files.id, fileIds))
		: [];
	const file = new Map(stored.map((f) => [f.id, f]));
	const organisationOf = new Map(page.addressees.map((a) => [a.id, a.organisation.id]));
	return {
		id: d.id,
		slug: d.slug,
		title: d.title,
		body: { id: page.body.id, slug: page.body.slug, name: page.body.name.nl },
		stage: page.status.stage as (typeof publicStages)[number],
		stageExplanation: page.status.explanation,
		policyDomains: page.policyDomains.map((p) => ({ id: p.id, slug: p.slug, name: p.name.nl })),
		isExample: d.isExample,
		links: { html: pageUrl(origin, d.slug) },
		position: d.position,
		closedOn: d.closedOn,
		closedNote: d.closedNote,
		decisions: page.decisions.map((dec) => ({
			id: dec.id,
			reference: dec.reference,
			title: dec.title,
			status: dec.status,
			date: dec.on,
			links: { html: `${origin}/besluiten/${dec.id}` }
		})),
		addressees: page.addressees.map((a) => ({
			organisation: {
				id: a.organisation.id,
				slug: a.organisation.slug,
				name: a.organisation.name.nl,
				kind: a.organisation.kind
			},
			sentOn: a.sentOn,
			answeredOn: a.answeredOn,
			overdue: a.overdue,
			answerDue: a.due,
			answer: a.answer
		})),
		documents: page.documents.map((doc) => ({
			id: doc.id,
			role: doc.role,
			title: doc.title,
			addressee: doc.addresseeId ? (organisationOf.get(doc.addresseeId) ?? null) : null,
			mimeType: file.get(doc.fileId)?.mimeType ?? 'application/octet-stream',
			size: file.get(doc.fileId)?.size ?? 0,
			download: `${pageUrl(origin, d.slug)}/documenten/${doc.id}`
		})),
		planItems: [...page.objectives, ...page.actions].map((i) => ({
			id: i.id,
			kind: i.kind,
			externalId: i.externalId,
			title: i.title,
			plan: { id: i.plan.id, slug: i.plan.slug, title: i.plan.title },
			links: {
				html:
					i.kind === 'objective'
						? `${origin}/plannen/${i.plan.slug}#doel-${i.id}`
						: `${origin}/plannen/${i.plan.slug}`
			}
		})),
		timeline: page.timeline
	};
}
