/**
 * Reading dossiers: the register (the platform's, or one body's; filterable by addressee, policy
 * domain, stage and year) and one dossier with everything it links, with its computed stage and
 * its timeline. `view` decides what is shown: 'public' (published dossiers only — never a closed
 * decision, a closed document, or a plan that is not published) or 'workspace' (every dossier of
 * the bodies the reader belongs to or runs; staff and admins see all).
 *
 * The register is five queries whatever the number of dossiers; a dossier is seven.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { today as clockToday } from '../clock';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	bodies,
	decisions,
	dossierAddressees,
	dossierDecisions,
	dossierDocuments,
	dossierPlanItems,
	dossierPolicyDomains,
	dossierReminders,
	dossiers,
	meetings,
	organisations,
	planItems,
	plans,
	policyDomains
} from '../db/schema';
import type { Translatable } from '../db/schema';
import { isUuid } from '../errors';
import { decisionIsPublic, decisionReference } from '../meetings/decisions.service';
import { can, type Principal } from '../policy';
import {
	answerDue,
	dossierStatus,
	stageSlugs,
	type DossierStage,
	type DossierStatus
} from './status';

export type View = 'public' | 'workspace';

/** Bodies whose dossiers a workspace reader sees: all (null) for staff, else their own. */
function readableBodies(principal: Principal): string[] | null {
	if (can(principal, 'structure:manage')) return null;
	return principal.kind === 'user' ? Object.keys(principal.bodyRoles) : [];
}

export function mayReadDossier(
	principal: Principal,
	dossier: { bodyId: string; isPublic: boolean }
) {
	return (
		dossier.isPublic ||
		can(principal, 'body:manage', { bodyId: dossier.bodyId }) ||
		can(principal, 'body:read_closed', { bodyId: dossier.bodyId })
	);
}

export function mayKeepDossier(principal: Principal, dossier: { bodyId: string }) {
	return can(principal, 'body:manage', { bodyId: dossier.bodyId });
}

export type RegisterFilter = {
	/** Body id. */
	bodyId?: string;
	/** Addressee organisation id. */
	addresseeId?: string;
	policyDomainId?: string;
	stage?: DossierStage;
	year?: number;
};

export type RegisterRow = {
	id: string;
	slug: string;
	title: string;
	isPublic: boolean;
	isExample: boolean;
	body: { id: string; slug: string; name: Translatable };
	addressees: {
		id: string;
		slug: string;
		name: Translatable;
		sentOn: string | null;
		answeredOn: string | null;
	}[];
	policyDomains: { id: string; slug: string; name: Translatable }[];
	/** The year of its first fact: the adopting decision's meeting, else its creation. */
	year: number;
	/** The last thing that happened (YYYY-MM-DD), for ordering. */
	lastOn: string;
	status: DossierStatus;
};

const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });

/** Whether a register row passes the filter (a page may filter the rows it has once more). */
export function matches(row: RegisterRow, filter: RegisterFilter): boolean {
	return (
		(!filter.bodyId || row.body.id === filter.bodyId) &&
		(!filter.addresseeId || row.addressees.some((a) => a.id === filter.addresseeId)) &&
		(!filter.policyDomainId || row.policyDomains.some((d) => d.id === filter.policyDomainId)) &&
		(!filter.stage || row.status.stage === filter.stage) &&
		(!filter.year || row.year === filter.year)
	);
}

/**
 * Public dossiers are published and adopted (a draft position is never public). Registers hold
 * tens to hundreds of dossiers: every filter is applied to the computed rows (`matches`).
 */
export async function register(
	db: DbOrTx,
	view: View,
	principal: Principal,
	filter: RegisterFilter = {},
	opts: { locale?: 'nl' | 'en'; today?: string } = {}
): Promise<RegisterRow[]> {
	// Filters name ids: anything else matches nothing (never a database error).
	const ids = [filter.bodyId, filter.addresseeId, filter.policyDomainId];
	if (ids.some((id) => id !== undefined && !isUuid(id))) return [];
	const where: SQL[] = [];
	if (view === 'public') where.push(eq(dossiers.isPublic, true));
	else {
		const own = readableBodies(principal);
		if (own) where.push(own.length ? inArray(dossiers.bodyId, own) : sql`false`);
	}
	const rows = await db
		.select({
			id: dossiers.id,
			slug: dossiers.slug,
			title: dossiers.title,
			isPublic: dossiers.isPublic,
			isExample: dossiers.isExample,
			answerDays: dossiers.answerDays,
			closedOn: dossiers.closedOn,
			createdAt: dossiers.createdAt,
			updatedAt: dossiers.updatedAt,
			body: { id: bodies.id, slug: bodies.slug, name: bodies.name }
		})
		.from(dossiers)
		.innerJoin(bodies, eq(bodies.id, dossiers.bodyId))
		.where(and(...where));
	const facts = await factsOf(
		db,
		rows.map((r) => r.id)
	);
	const now = opts.today ?? clockToday();
	const out: RegisterRow[] = [];
	for (const r of rows) {
		const f = facts.get(r.id)!;
		const status = dossierStatus(
			{
				decisionStatuses: f.decisions.map((d) => d.status),
				addressees: f.addressees.map((a) => ({ ...a, name: a.name.nl })),
				followUpActions: f.actions,
				closedOn: r.closedOn,
				answerDays: r.answerDays
			},
			now,
			opts.locale
		);
		if (view === 'public' && status.stage === 'draft') continue;
		const first = f.decisions.map((d) => d.on).sort()[0] ?? day(r.createdAt);
		// The creation is a step in the workspace only (the public timeline does not show it).
		const dates = [
			view === 'workspace' || !f.decisions.length ? day(r.createdAt) : null,
			...f.decisions.map((d) => d.on),
			...f.addressees.flatMap((a) => [a.sentOn, a.answeredOn]),
			r.closedOn
		].filter((d): d is string => !!d);
		const row: RegisterRow = {
			id: r.id,
			slug: r.slug,
			title: r.title,
			isPublic: r.isPublic,
			isExample: r.isExample,
			body: r.body,
			addressees: f.addressees,
			policyDomains: f.domains,
			year: Number(first.slice(0, 4)),
			lastOn: dates.sort().at(-1)!,
			status
		};
		if (matches(row, filter)) out.push(row);
	}
	return out.sort((a, b) => b.lastOn.localeCompare(a.lastOn) || a.title.localeCompare(b.title));
}

/** Decisions, addressees, policy domains and follow-up action counts of dossiers: four queries. */
async function factsOf(db: DbOrTx, ids: string[]) {
	const empty = () => ({
		decisions: [] as { status: string; on: string }[],
		addressees: [] as RegisterRow['addressees'],
		domains: [] as RegisterRow['policyDomains'],
		actions: 0
	});
	const map = new Map(ids.map((id) => [id, empty()]));
	if (!ids.length) return map;
	const [ds, as, doms, acts] = await Promise.all([
		db
			.select({
				dossierId: dossierDecisions.dossierId,
				status: decisions.status,
				startsAt: meetings.startsAt
			})
			.from(dossierDecisions)
			.innerJoin(decisions, eq(decisions.id, dossierDecisions.decisionId))
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.where(inArray(dossierDecisions.dossierId, ids)),
		db
			.select({
				dossierId: dossierAddressees.dossierId,
				id: organisations.id,
				slug: organisations.slug,
				name: organisations.name,
				sentOn: dossierAddressees.sentOn,
				answeredOn: dossierAddressees.answeredOn
			})
			.from(dossierAddressees)
			.innerJoin(organisations, eq(organisations.id, dossierAddressees.organisationId))
			.where(inArray(dossierAddressees.dossierId, ids))
			.orderBy(asc(dossierAddressees.createdAt)),
		db
			.select({
				dossierId: dossierPolicyDomains.dossierId,
				id: policyDomains.id,
				slug: policyDomains.slug,
				name: policyDomains.name
			})
			.from(dossierPolicyDomains)
			.innerJoin(policyDomains, eq(policyDomains.id, dossierPolicyDomains.policyDomainId))
			.where(inArray(dossierPolicyDomains.dossierId, ids))
			.orderBy(asc(policyDomains.position)),
		db
			.select({ dossierId: dossierPlanItems.dossierId, n: sql<number>`count(*)::int` })
			.from(dossierPlanItems)
			.innerJoin(planItems, eq(planItems.id, dossierPlanItems.itemId))
			.where(and(inArray(dossierPlanItems.dossierId, ids), eq(planItems.kind, 'action')))
			.groupBy(dossierPlanItems.dossierId)
	]);
	for (const d of ds)
		map.get(d.dossierId)!.decisions.push({ status: d.status, on: day(d.startsAt) });
	for (const { dossierId, ...a } of as) map.get(dossierId)!.addressees.push(a);
	for (const { dossierId, ...d } of doms) map.get(dossierId)!.domains.push(d);
	for (const a of acts) map.get(a.dossierId)!.actions = a.n;
	return map;
}

export type TimelineEvent = {
	on: string;
	kind: 'created' | 'decision' | 'sent' | 'reminder' | 'answer' | 'follow_up' | 'closed';
	label: string;
};

/**
 * One dossier by slug, as `view` shows it; undefined when there is none or the reader may not
 * see it (a dossier that is not public does not exist for the public).
 */
export async function dossierPage(
	db: DbOrTx,
	slug: string,
	view: View,
	ctx: Pick<ServiceContext, 'principal'>,
	opts: { today?: string; locale?: 'nl' | 'en' } = {}
) {
	const [row] = await db
		.select({ dossier: dossiers, body: { id: bodies.id, slug: bodies.slug, name: bodies.name } })
		.from(dossiers)
		.innerJoin(bodies, eq(bodies.id, dossiers.bodyId))
		.where(eq(dossiers.slug, slug));
	if (!row) return undefined;
	const { dossier } = row;
	if (view === 'public' ? !dossier.isPublic : !mayReadDossier(ctx.principal, dossier)) {
		return undefined;
	}
	const publicOnly = view === 'public';
	const [decisionRows, addressees, documents, items, domains, reminders] = await Promise.all([
		db
			.select({
				id: decisions.id,
				year: decisions.year,
				number: decisions.number,
				title: decisions.title,
				status: decisions.status,
				startsAt: meetings.startsAt,
				meetingId: meetings.id,
				bodyName: bodies.name,
				isPublic: sql<boolean>`${decisionIsPublic}`
			})
			.from(dossierDecisions)
			.innerJoin(decisions, eq(decisions.id, dossierDecisions.decisionId))
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
			.where(eq(dossierDecisions.dossierId, dossier.id))
			.orderBy(asc(meetings.startsAt)),
		db
			.select({
				id: dossierAddressees.id,
				organisation: {
					id: organisations.id,
					slug: organisations.slug,
					name: organisations.name,
					kind: organisations.kind
				},
				sentOn: dossierAddressees.sentOn,
				answeredOn: dossierAddressees.answeredOn,
				answer: dossierAddressees.answer
			})
			.from(dossierAddressees)
			.innerJoin(organisations, eq(organisations.id, dossierAddressees.organisationId))
			.where(eq(dossierAddressees.dossierId, dossier.id))
			.orderBy(asc(dossierAddressees.createdAt)),
		db
			.select()
			.from(dossierDocuments)
			.where(
				and(
					eq(dossierDocuments.dossierId, dossier.id),
					publicOnly ? eq(dossierDocuments.isPublic, true) : undefined
				)
			)
			.orderBy(asc(dossierDocuments.createdAt)),
		db
			.select({
				id: planItems.id,
				kind: planItems.kind,
				externalId: planItems.externalId,
				title: planItems.title,
				startDate: planItems.startDate,
				plan: { id: plans.id, slug: plans.slug, title: plans.title, isPublic: plans.isPublic }
			})
			.from(dossierPlanItems)
			.innerJoin(planItems, eq(planItems.id, dossierPlanItems.itemId))
			.innerJoin(plans, eq(plans.id, planItems.planId))
			.where(
				and(
					eq(dossierPlanItems.dossierId, dossier.id),
					publicOnly ? eq(plans.isPublic, true) : undefined
				)
			)
			.orderBy(asc(plans.slug), asc(planItems.position)),
		db
			.select({ id: policyDomains.id, slug: policyDomains.slug, name: policyDomains.name })
			.from(dossierPolicyDomains)
			.innerJoin(policyDomains, eq(policyDomains.id, dossierPolicyDomains.policyDomainId))
			.where(eq(dossierPolicyDomains.dossierId, dossier.id))
			.orderBy(asc(policyDomains.position)),
		db
			.select({
				addresseeId: dossierReminders.addresseeId,
				remindedAt: dossierReminders.remindedAt
			})
			.from(dossierReminders)
			.innerJoin(dossierAddressees, eq(dossierAddressees.id, dossierReminders.addresseeId))
			.where(eq(dossierAddressees.dossierId, dossier.id))
			.orderBy(desc(dossierReminders.remindedAt))
	]);
	const en = opts.locale === 'en';
	const name = (t: Translatable) => (en && t.en) || t.nl;
	// Every linked action counts for the stage, also one of a plan the public does not see.
	const [{ n: actionCount }] = publicOnly
		? await db
				.select({ n: sql<number>`count(*)::int` })
				.from(dossierPlanItems)
				.innerJoin(planItems, eq(planItems.id, dossierPlanItems.itemId))
				.where(and(eq(dossierPlanItems.dossierId, dossier.id), eq(planItems.kind, 'action')))
		: [{ n: items.filter((i) => i.kind === 'action').length }];
	const status = dossierStatus(
		{
			decisionStatuses: decisionRows.map((d) => d.status),
			addressees: addressees.map((a) => ({ ...a, name: name(a.organisation.name) })),
			followUpActions: actionCount,
			closedOn: dossier.closedOn,
			answerDays: dossier.answerDays
		},
		opts.today ?? clockToday(),
		opts.locale
	);
	if (publicOnly && status.stage === 'draft') return undefined;
	const shownDecisions = decisionRows
		.filter((d) => !publicOnly || d.isPublic)
		.map((d) => ({ ...d, on: day(d.startsAt), reference: decisionReference(d) }));

	const timeline: TimelineEvent[] = [];
	if (!publicOnly) {
		timeline.push({
			on: day(dossier.createdAt),
			kind: 'created',
			label: en ? 'Dossier created' : 'Dossier aangemaakt'
		});
	}
	for (const d of decisionRows) {
		const shown = !publicOnly || d.isPublic;
		timeline.push({
			on: day(d.startsAt),
			kind: 'decision',
			label: shown
				? `${en ? 'Decision' : 'Besluit'} ${decisionReference(d)}: ${d.title}`
				: en
					? 'Adopted in a closed session'
					: 'Aangenomen in een besloten zitting'
		});
	}
	for (const a of addressees) {
		const who = name(a.organisation.name);
		if (a.sentOn)
			timeline.push({
				on: a.sentOn,
				kind: 'sent',
				label: `${en ? 'Sent to' : 'Verstuurd aan'} ${who}`
			});
		if (a.answeredOn) {
			timeline.push({
				on: a.answeredOn,
				kind: 'answer',
				label: `${en ? 'Answer from' : 'Antwoord van'} ${who}`
			});
		}
		if (!publicOnly) {
			for (const r of reminders.filter((r) => r.addresseeId === a.id)) {
				timeline.push({
					on: day(r.remindedAt),
					kind: 'reminder',
					label: en
						? `Reminder: no answer yet from ${who}`
						: `Herinnering: nog geen antwoord van ${who}`
				});
			}
		}
	}
	for (const i of items.filter((i) => i.kind === 'action' && i.startDate)) {
		timeline.push({
			on: i.startDate!,
			kind: 'follow_up',
			label: `${en ? 'Follow-up action' : 'Opvolgactie'} ${i.externalId} ${i.title}`
		});
	}
	if (dossier.closedOn) {
		timeline.push({ on: dossier.closedOn, kind: 'closed', label: en ? 'Closed' : 'Afgesloten' });
	}
	const order: TimelineEvent['kind'][] = [
		'created',
		'decision',
		'sent',
		'reminder',
		'answer',
		'follow_up',
		'closed'
	];
	timeline.sort(
		(a, b) => a.on.localeCompare(b.on) || order.indexOf(a.kind) - order.indexOf(b.kind)
	);

	return {
		dossier: publicOnly ? { ...dossier, createdBy: null, closedNote: dossier.closedNote } : dossier,
		body: row.body,
		status,
		decisions: shownDecisions,
		addressees: addressees.map((a) => ({
			...a,
			due: a.sentOn && !a.answeredOn ? answerDue(a.sentOn, dossier.answerDays) : null,
			overdue: status.overdue.includes(name(a.organisation.name))
		})),
		documents,
		objectives: items.filter((i) => i.kind === 'objective'),
		actions: items.filter((i) => i.kind === 'action'),
		policyDomains: domains,
		timeline
	};
}

export type DossierPage = NonNullable<Awaited<ReturnType<typeof dossierPage>>>;

/** A document of a dossier, for its download route; undefined when the reader may not have it. */
export async function findDossierDocument(
	db: DbOrTx,
	where: { slug: string; documentId: string },
	view: View,
	principal: Principal
) {
	if (!isUuid(where.documentId)) return undefined;
	const [row] = await db
		.select({
			document: dossierDocuments,
			dossier: { bodyId: dossiers.bodyId, isPublic: dossiers.isPublic },
			// Not a draft (status.ts): closed, sent, or adopted by a decision.
			pastDraft: sql<boolean>`(${dossiers.closedOn} is not null
				or exists (select 1 from ${dossierAddressees} a where a.dossier_id = ${dossiers.id} and a.sent_on is not null)
				or exists (select 1 from ${dossierDecisions} dd join ${decisions} d on d.id = dd.decision_id
					where dd.dossier_id = ${dossiers.id} and d.status = 'adopted'))`
		})
		.from(dossierDocuments)
		.innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
		.where(
			and(eq(dossiers.slug, where.slug), eq(dossierDocuments.id, where.documentId.toLowerCase()))
		);
	if (!row) return undefined;
	const visible =
		view === 'public'
			? row.dossier.isPublic && row.document.isPublic && row.pastDraft
			: mayReadDossier(principal, row.dossier);
	return visible ? row.document : undefined;
}

/** The stage of a URL's ?status= (its Dutch slug), if any. */
export function stageOfSlug(slug: string | null): DossierStage | undefined {
	if (!slug) return undefined;
	return (Object.entries(stageSlugs).find(([, s]) => s === slug)?.[0] as DossierStage) ?? undefined;
}

/**
 * The dossiers whose position a decision adopted (for the decision's page): published ones only
 * for the public; a dossier no decision adopted cannot be among them.
 */
export async function dossiersOfDecision(
	db: DbOrTx,
	decisionId: string,
	opts: { publicOnly: boolean }
) {
	return db
		.select({ slug: dossiers.slug, title: dossiers.title })
		.from(dossierDecisions)
		.innerJoin(dossiers, eq(dossiers.id, dossierDecisions.dossierId))
		.where(
			and(
				eq(dossierDecisions.decisionId, decisionId),
				opts.publicOnly ? eq(dossiers.isPublic, true) : undefined
			)
		)
		.orderBy(asc(dossiers.title));
}
