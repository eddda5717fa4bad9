/**
 * The workspace's dossiers (/beheer/dossiers): the register of the dossiers the user may see,
 * filtered by a plain GET form; a new dossier (/beheer/dossiers/nieuw), from a decision when
 * ?besluit= names one; and the download of a dossier's document. One dossier's page and its forms:
 * editing.web.ts.
 *
 * Who: the register shows every dossier of the bodies the user belongs to (staff: all); a new
 * dossier is for those who run a body (body:manage; staff everywhere) — the others get 403 before
 * the form is read. The services authorise again.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDate, localizeHref, tr, type Locale } from '../../i18n';
import { stageLabels, stageSlugs, dossierStages } from '../../labels/dossiers';
import { serveFile } from '../files/serve';
import { contextOf, formAction, formValues, load } from '../http';
import { translateMessage } from '../messages';
import { getDecision } from '../meetings/decisions.service';
import {
	addresseeChoices,
	bodyChoices,
	organisationIdOf,
	policyDomainChoices
} from './choices.queries';
import {
	findDossierDocument,
	register,
	stageOfSlug,
	type RegisterFilter
} from './dossiers.queries';
import { createDossier } from './dossiers.service';

type Option = { value: string; label: string };

/** Matches no row: a filter value that names nothing (the register refuses non-ids). */
const NOTHING = 'onbekend';

/**
 * GET /beheer/dossiers[?orgaan=&geadresseerde=&beleidsdomein=&status=&jaar=]: the dossiers the
 * user may see, newest step first. ?orgaan= alone is a body's register (linked from its page).
 */
export async function workspaceRegisterPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const q = event.url.searchParams;
	const asked = {
		orgaan: q.get('orgaan')?.trim() ?? '',
		geadresseerde: q.get('geadresseerde')?.trim() ?? '',
		beleidsdomein: q.get('beleidsdomein')?.trim() ?? '',
		status: q.get('status')?.trim() ?? '',
		jaar: q.get('jaar')?.trim() ?? ''
	};
	const [readable, runnable, addressees, domains] = await Promise.all([
		bodyChoices(ctx.db, ctx.principal, 'read'),
		bodyChoices(ctx.db, ctx.principal, 'run'),
		addresseeChoices(ctx.db),
		policyDomainChoices(ctx.db)
	]);
	const body = readable.find((b) => b.slug === asked.orgaan);
	const addresseeId = asked.geadresseerde
		? (addressees.find((a) => a.slug === asked.geadresseerde || a.id === asked.geadresseerde)?.id ??
			(await organisationIdOf(ctx.db, asked.geadresseerde)))
		: undefined;
	const year = /^\d{4}$/.test(asked.jaar) ? Number(asked.jaar) : undefined;
	const filter: RegisterFilter = {
		bodyId: asked.orgaan ? (body?.id ?? NOTHING) : undefined,
		addresseeId: asked.geadresseerde ? (addresseeId ?? NOTHING) : undefined,
		policyDomainId: asked.beleidsdomein
			? (domains.find((d) => d.slug === asked.beleidsdomein)?.id ?? NOTHING)
			: undefined,
		stage: stageOfSlug(asked.status || null),
		year
	};
	const rows = await register(ctx.db, 'workspace', ctx.principal, filter, { locale: ctx.locale });
	const name = (t: Parameters<typeof tr>[0]) => tr(t, ctx.locale);
	return {
		rows: rows.map((r) => ({
			slug: r.slug,
			title: r.title,
			isPublic: r.isPublic,
			isExample: r.isExample,
			body: name(r.body.name),
			addressees: r.addressees.map((a) => name(a.name)),
			stage: r.status.stage,
			overdue: r.status.overdue.length,
			explanation: r.status.explanation,
			lastOn: formatDate(r.lastOn, ctx.locale)
		})),
		filter: asked,
		/** The chosen body's name: the page is then that body's register. */
		bodyName: body ? name(body.name) : null,
		bodySlug: body?.slug ?? null,
		invalid: [
			asked.jaar && year === undefined ? 'Het jaar is een getal van vier cijfers.' : '',
			asked.status && !filter.stage ? 'Die stand bestaat niet.' : ''
		]
			.filter(Boolean)
			.map((m) => translateMessage(ctx.locale, m)),
		options: {
			bodies: readable.map((b) => ({ value: b.slug, label: name(b.name) })),
			addressees: addressees.map((a) => ({ value: a.slug, label: name(a.name) })),
			domains: domains.map((d) => ({ value: d.slug, label: name(d.name) })),
			stages: stageOptions(ctx.locale)
		},
		mayCreate: runnable.length > 0,
		deleted: q.has('verwijderd')
	};
}

export const stageOptions = (locale: Locale): Option[] =>
	dossierStages.map((s) => ({ value: stageSlugs[s], label: stageLabels[s][locale] }));

// ---------------------------------------------------------------------------------------------
// A new dossier

/** The bodies the user runs; 403 when there are none (before any form is read). */
async function runnableBodies(event: RequestEvent) {
	const ctx = contextOf(event);
	const bodies = await bodyChoices(ctx.db, ctx.principal, 'run');
	if (!bodies.length) {
		error(
			403,
			translateMessage(ctx.locale, 'U beheert geen orgaan waarvoor u een dossier kunt maken.')
		);
	}
	return { ctx, bodies };
}

/** GET /beheer/dossiers/nieuw[?besluit=<uuid>]: the form, filled from the decision when named. */
export async function newDossierPage(event: RequestEvent) {
	const { ctx, bodies } = await runnableBodies(event);
	const decisionId = event.url.searchParams.get('besluit');
	const domains = await policyDomainChoices(ctx.db);
	let from: { id: string; label: string; meeting: string; meetingId: string } | null = null;
	const values: Record<string, unknown> = { answerDays: '60', isPublic: '' };
	if (decisionId) {
		const found = await load(getDecision(ctx, decisionId));
		if (!bodies.some((b) => b.id === found.body.id)) {
			error(403, translateMessage(ctx.locale, 'U beheert het orgaan van dit besluit niet.'));
		}
		from = {
			id: found.decision.id,
			label: `${found.reference} ${found.decision.title}`,
			meeting: `${found.meeting.title ?? tr(found.body.name, ctx.locale)}, ${formatDate(found.meeting.startsAt, ctx.locale)}`,
			meetingId: found.meeting.id
		};
		Object.assign(values, {
			bodyId: found.body.id,
			title: found.decision.title,
			position: found.decision.text,
			decisionId: found.decision.id
		});
	}
	return {
		from,
		values,
		options: {
			bodies: bodies.map((b) => ({ value: b.id, label: tr(b.name, ctx.locale) })),
			domains: domains.map((d) => ({ value: d.id, label: tr(d.name, ctx.locale) }))
		}
	};
}

/** POST ?/create: the new dossier, then its page. */
export async function createDossierAction(event: RequestEvent) {
	const { ctx } = await runnableBodies(event);
	const values = await formValues(event.request);
	const result = await formAction(values, () => createDossier(ctx, values));
	if ('slug' in result) {
		redirect(303, `${localizeHref(`/beheer/dossiers/${result.slug}`, ctx.locale)}?aangemaakt`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * GET /beheer/dossiers/<slug>/documenten/<id>: a document of a dossier the user may read (a
 * public dossier for every workspace user, another for its body's members and keepers). Anything
 * else is a 404, so a document one may not read does not reveal that it exists.
 */
export async function workspaceDossierDocument(
	event: RequestEvent<{ slug: string; id: string }>
): Promise<Response> {
	const { db, principal } = event.locals;
	const document = await findDossierDocument(
		db,
		{ slug: event.params.slug, documentId: event.params.id },
		'workspace',
		principal
	);
	if (!document) {
		return new Response('Niet gevonden.', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	// Access is checked again on every use (the file's purpose is not public: private, no-cache).
	const response = await serveFile(db, document.fileId, event.request, { allow: () => true });
	response.headers.set('vary', 'cookie');
	return response;
}
