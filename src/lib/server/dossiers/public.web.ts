/**
 * The public face of dossiers: the platform's register (/dossiers, filtered by a plain GET form),
 * one published dossier (/dossiers/<slug>), the download of its public documents, and a body's
 * published dossiers for its page (/organen/<slug>). Everything comes from the 'public' view of
 * dossiers.queries.ts: never a closed decision, a closed document or an unpublished plan.
 *
 * The register's filters arrive as slugs and are resolved to ids here: an unknown value is
 * reported and not applied, so only ids of existing rows ever reach the register's id filters.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { eq, inArray } from 'drizzle-orm';
import { formatDate, tr, translate, type Locale, type Translatable } from '../../i18n';
import type { DbOrTx } from '../db';
import { bodies, files, organisations, policyDomains } from '../db/schema';
import { serveFile } from '../files/serve';
import { formatBytes, typeLabel } from '../files/purposes';
import { renderMarkdown } from '../minutes/markdown';
import type { Principal } from '../policy';
import {
	dossierPage,
	findDossierDocument,
	matches,
	register,
	stageOfSlug,
	type RegisterFilter,
	type RegisterRow
} from './dossiers.queries';
import { dossierStages, stageLabels, stageSlugs } from './status';

type Option = { value: string; label: string };

/** The register's URL parameters (Dutch, like the other public registers). */
const params = ['orgaan', 'geadresseerde', 'beleidsdomein', 'status', 'jaar'] as const;
type Param = (typeof params)[number];

const fieldKey = {
	orgaan: 'dossiers.public.body',
	geadresseerde: 'dossiers.public.addressee',
	beleidsdomein: 'dossiers.public.domain',
	status: 'dossiers.public.stage',
	jaar: 'dossiers.public.year'
} as const;

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'nl');

/** A row of a register as the pages show it. */
function rowView(r: RegisterRow, locale: Locale) {
	return {
		slug: r.slug,
		title: r.title,
		isExample: r.isExample,
		body: { slug: r.body.slug, name: tr(r.body.name, locale) },
		addressees: r.addressees.map((a) => tr(a.name, locale)),
		stage: r.status.stage,
		explanation: r.status.explanation,
		overdue: r.status.overdue.length,
		lastOn: formatDate(r.lastOn, locale)
	};
}

/** One row by slug of a table with slugs, or undefined (the slug is only ever a parameter). */
async function bySlug(
	db: DbOrTx,
	table: typeof bodies | typeof organisations | typeof policyDomains,
	slug: string
): Promise<{ id: string; slug: string; name: Translatable } | undefined> {
	const [row] = await db
		.select({ id: table.id, slug: table.slug, name: table.name })
		.from(table)
		.where(eq(table.slug, slug));
	return row;
}

/**
 * GET /dossiers[?orgaan=&geadresseerde=&beleidsdomein=&status=&jaar=]: the published dossiers,
 * newest step first. The choices of the form are what the published dossiers hold (plus a chosen
 * value that holds none, so the form shows what was asked).
 */
export async function publicRegisterPage(event: RequestEvent) {
	const { db, locale, principal } = event.locals;
	const asked = Object.fromEntries(
		params.map((k) => [k, (event.url.searchParams.get(k) ?? '').trim().slice(0, 200)])
	) as Record<Param, string>;

	const all = await register(db, 'public', principal, {}, { locale });
	const [body, addressee, domain] = await Promise.all([
		asked.orgaan ? bySlug(db, bodies, asked.orgaan) : undefined,
		asked.geadresseerde ? bySlug(db, organisations, asked.geadresseerde) : undefined,
		asked.beleidsdomein ? bySlug(db, policyDomains, asked.beleidsdomein) : undefined
	]);
	const stage = stageOfSlug(asked.status);
	const year = /^\d{4}$/.test(asked.jaar) ? Number(asked.jaar) : undefined;

	const filter: RegisterFilter = {
		bodyId: body?.id,
		addresseeId: addressee?.id,
		policyDomainId: domain?.id,
		// A draft is never public: asking for it is asking for something unknown here.
		stage: stage === 'draft' ? undefined : stage,
		year
	};
	const applied = {
		orgaan: !!body,
		geadresseerde: !!addressee,
		beleidsdomein: !!domain,
		status: !!filter.stage,
		jaar: year !== undefined
	};
	const unknown = params
		.filter((k) => asked[k] && !applied[k])
		.map((k) =>
			translate(locale, 'dossiers.public.unknown', {
				field: translate(locale, fieldKey[k]).toLowerCase(),
				value: asked[k]
			})
		);
	const filtered = Object.values(applied).some(Boolean);
	const rows = filtered ? all.filter((r) => matches(r, filter)) : all;

	const options = {
		bodies: new Map<string, string>(),
		addressees: new Map<string, string>(),
		domains: new Map<string, string>(),
		years: new Set<number>()
	};
	for (const r of all) {
		options.bodies.set(r.body.slug, tr(r.body.name, locale));
		for (const a of r.addressees) options.addressees.set(a.slug, tr(a.name, locale));
		for (const d of r.policyDomains) options.domains.set(d.slug, tr(d.name, locale));
		options.years.add(r.year);
	}
	if (body) options.bodies.set(body.slug, tr(body.name, locale));
	if (addressee) options.addressees.set(addressee.slug, tr(addressee.name, locale));
	if (domain) options.domains.set(domain.slug, tr(domain.name, locale));
	if (year) options.years.add(year);
	const list = (m: Map<string, string>) =>
		[...m].map(([value, label]) => ({ value, label })).sort(byLabel);

	return {
		rows: rows.map((r) => rowView(r, locale)),
		/** Dossiers published at all (the empty register says so, not "no results"). */
		total: all.length,
		filtered,
		unknown,
		query: {
			orgaan: body?.slug ?? '',
			geadresseerde: addressee?.slug ?? '',
			beleidsdomein: domain?.slug ?? '',
			status: filter.stage ? stageSlugs[filter.stage] : '',
			jaar: year ? String(year) : ''
		},
		options: {
			bodies: list(options.bodies),
			addressees: list(options.addressees),
			domains: list(options.domains),
			stages: dossierStages
				.filter((s) => s !== 'draft')
				.map((s) => ({ value: stageSlugs[s], label: stageLabels[s][locale] })),
			years: [...options.years]
				.sort((a, b) => b - a)
				.map((y) => ({ value: String(y), label: String(y) }))
		}
	};
}

/** GET /dossiers/<slug>: one published dossier with all it links, as the public may see it. */
export async function publicDossierPage(event: RequestEvent<{ slug: string }>) {
	const { db, locale, principal } = event.locals;
	const page = await dossierPage(db, event.params.slug, 'public', { principal }, { locale });
	if (!page) error(404, translate(locale, 'dossiers.public.notFound'));
	const d = page.dossier;
	const fileIds = page.documents.map((doc) => doc.fileId);
	const stored = fileIds.length
		? await db
				.select({ id: files.id, mimeType: files.mimeType, size: files.size })
				.from(files)
				.where(inArray(files.id, fileIds))
		: [];
	const about = new Map(
		stored.map((f) => [f.id, `${typeLabel(f.mimeType)}, ${formatBytes(f.size)}`])
	);
	const document = (doc: (typeof page.documents)[number]) => ({
		id: doc.id,
		title: doc.title,
		href: `/dossiers/${d.slug}/documenten/${doc.id}`,
		about: about.get(doc.fileId) ?? ''
	});
	const date = (day: string | null) => (day ? formatDate(day, locale) : null);
	const planItem = (i: (typeof page.actions)[number]) => ({
		id: i.id,
		externalId: i.externalId,
		title: i.title,
		href:
			i.kind === 'objective' ? `/plannen/${i.plan.slug}#doel-${i.id}` : `/plannen/${i.plan.slug}`,
		plan: tr(i.plan.title, locale)
	});
	const decisionEvents = page.timeline.filter((e) => e.kind === 'decision').length;

	return {
		dossier: {
			slug: d.slug,
			title: d.title,
			isExample: d.isExample,
			positionHtml: renderMarkdown(d.position),
			closedOn: date(d.closedOn),
			closedNote: d.closedNote
		},
		body: { slug: page.body.slug, name: tr(page.body.name, locale) },
		stage: page.status.stage,
		explanation: page.status.explanation,
		overdue: page.status.overdue.length,
		timeline: page.timeline,
		decisions: page.decisions.map((dec) => ({
			id: dec.id,
			reference: dec.reference,
			title: dec.title,
			date: formatDate(dec.on, locale)
		})),
		/** Decisions in closed sessions: counted, never shown. */
		closedDecisions: decisionEvents - page.decisions.length,
		addressees: page.addressees.map((a) => ({
			id: a.id,
			name: tr(a.organisation.name, locale),
			slug: a.organisation.slug,
			sentOn: date(a.sentOn),
			answeredOn: date(a.answeredOn),
			due: date(a.due),
			overdue: a.overdue,
			answerHtml: a.answer ? renderMarkdown(a.answer) : '',
			documents: page.documents
				.filter((doc) => doc.role === 'answer' && doc.addresseeId === a.id)
				.map(document)
		})),
		documents: page.documents.filter((doc) => doc.role === 'sent').map(document),
		objectives: page.objectives.map(planItem),
		actions: page.actions.map(planItem),
		policyDomains: page.policyDomains.map((p) => tr(p.name, locale))
	};
}

const notFound = () =>
	new Response('Niet gevonden.', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

/**
 * GET /dossiers/<slug>/documenten/<id>: a public document of a dossier the public may see (a
 * public dossier that no decision adopted yet is not on the public site, nor are its documents).
 * Anything else is a 404, so a closed document does not reveal that it exists.
 */
export async function publicDossierDocument(
	event: RequestEvent<{ slug: string; id: string }>
): Promise<Response> {
	const { db, principal } = event.locals;
	const where = { slug: event.params.slug, documentId: event.params.id };
	const document = await findDossierDocument(db, where, 'public', principal);
	if (!document) return notFound();
	// The type is the one sniffed at upload; the file's purpose is not public, so it is not
	// cached by others and access is checked again on every use.
	const response = await serveFile(db, document.fileId, event.request, { allow: () => true });
	return response.status === 404 ? notFound() : response;
}

/** A body's published dossiers, for its public page (newest step first). */
export async function bodyDossiers(
	db: DbOrTx,
	bodyId: string,
	principal: Principal,
	locale: Locale
) {
	const rows = await register(db, 'public', principal, { bodyId }, { locale });
	return rows.map((r) => rowView(r, locale));
}
