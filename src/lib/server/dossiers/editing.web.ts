/**
 * One dossier in the workspace (/beheer/dossiers/<slug>): its stage, timeline, decisions,
 * addressees, documents and plan items for whoever may read it, and — for those who run its body
 * (body:manage; staff everywhere) — a form for each step: the basic fields (saved against the
 * revision the form was loaded with), linking decisions, addressees with their sending and answer,
 * documents, plan items, closing and deleting.
 *
 * Each action finds the dossier and authorises before it reads the form (403 for readers who do
 * not keep it, 404 for the others), then calls dossiers.service.ts, which checks again, validates
 * and audits. A refusal names its form, so the page shows the messages beside it and keeps what
 * was typed; a stale edit also returns the version now stored.
 */
import { error, fail, isActionFailure, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDate, localizeHref, tr, translate, type Locale } from '../../i18n';
import { AppError } from '../errors';
import { uploadForm } from '../files/upload';
import { contextOf, formAction, formValues, type FormFailure } from '../http';
import { translateMessage } from '../messages';
import { renderMarkdown } from '../minutes/markdown';
import { can } from '../policy';
import {
	belongsToDossier,
	decisionChoices,
	dossierBySlug,
	organisationChoices,
	planItemChoices,
	policyDomainChoices
} from './choices.queries';
import { dossierPage, mayKeepDossier, mayReadDossier } from './dossiers.queries';
import {
	addAddressee,
	addDocument,
	closeDossier,
	deleteDossier,
	DossierConflict,
	linkDecision,
	markSent,
	recordAnswer,
	removeAddressee,
	removeDocument,
	reopenDossier,
	setPlanItems,
	unlinkDecision,
	updateDossier
} from './dossiers.service';

type Event = RequestEvent<{ slug: string }>;

/** What the page needs to show a stored dossier next to the writer's own (a stale edit). */
type EditFailure = FormFailure & { form: string; current?: Record<string, unknown> };

const roleLabel = (role: 'sent' | 'answer', locale: Locale) =>
	translate(locale, role === 'sent' ? 'ws.dossiers.role.sent' : 'ws.dossiers.role.answer');

/** The kinds of organisation the addressee list names (the others go without). */
const kindKeys = {
	government: 'ws.dossiers.kind.government',
	parliament: 'ws.dossiers.kind.parliament',
	province: 'ws.dossiers.kind.province',
	agency: 'ws.dossiers.kind.agency'
} as const;
const kindLabel = (kind: string, locale: Locale) =>
	kind in kindKeys ? translate(locale, kindKeys[kind as keyof typeof kindKeys]) : '';

/** "Doelstelling 1.2 Title" / "Actie A3 Title". */
const itemLabel = (i: { kind: string; externalId: string; title: string }, locale: Locale) =>
	`${translate(locale, i.kind === 'objective' ? 'ws.dossiers.objective' : 'ws.dossiers.action')} ${i.externalId} ${i.title}`;

const decisionStatus = (status: string, locale: Locale) =>
	translate(locale, `decisionStatus.${status}` as Parameters<typeof translate>[1]);

/** GET /beheer/dossiers/<slug> */
export async function dossierWorkspacePage(event: Event) {
	const ctx = contextOf(event);
	const page = await dossierPage(ctx.db, event.params.slug, 'workspace', ctx, {
		locale: ctx.locale
	});
	if (!page) error(404, translateMessage(ctx.locale, 'Dossier niet gevonden.'));
	const { dossier } = page;
	const keep = mayKeepDossier(ctx.principal, dossier);
	// Staff may link any plan's items; a body's keepers those of the body's own plans.
	const staff = can(ctx.principal, 'structure:manage');
	const [decisions, organisations, domains, items] = keep
		? await Promise.all([
				decisionChoices(ctx.db, dossier.bodyId),
				organisationChoices(ctx.db),
				policyDomainChoices(ctx.db),
				planItemChoices(ctx.db, staff ? null : dossier.bodyId)
			])
		: [[], [], [], []];
	const name = (t: Parameters<typeof tr>[0]) => tr(t, ctx.locale);
	const date = (d: string | null) => (d ? formatDate(d, ctx.locale) : null);
	const linked = new Set(page.decisions.map((d) => d.id));
	const addressed = new Set(page.addressees.map((a) => a.organisation.id));
	const chosenItems = [...page.objectives, ...page.actions].map((i) => i.id);
	const addresseeName = new Map(page.addressees.map((a) => [a.id, name(a.organisation.name)]));
	const base = `/beheer/dossiers/${dossier.slug}`;
	return {
		dossier: {
			id: dossier.id,
			slug: dossier.slug,
			title: dossier.title,
			isPublic: dossier.isPublic,
			isExample: dossier.isExample,
			answerDays: dossier.answerDays,
			positionHtml: renderMarkdown(dossier.position),
			closedOn: date(dossier.closedOn),
			closedNote: dossier.closedNote
		},
		body: { slug: page.body.slug, name: name(page.body.name) },
		status: {
			stage: page.status.stage,
			overdue: page.status.overdue.length,
			explanation: page.status.explanation
		},
		timeline: page.timeline,
		policyDomains: page.policyDomains.map((d) => name(d.name)),
		decisions: page.decisions.map((d) => ({
			id: d.id,
			label: `${d.reference} ${d.title}`,
			status: decisionStatus(d.status, ctx.locale),
			date: formatDate(d.on, ctx.locale),
			meetingId: d.meetingId,
			isPublic: d.isPublic
		})),
		addressees: page.addressees.map((a) => ({
			id: a.id,
			name: name(a.organisation.name),
			sentOn: a.sentOn,
			answeredOn: a.answeredOn,
			sent: date(a.sentOn),
			answered: date(a.answeredOn),
			due: date(a.due),
			overdue: a.overdue,
			answer: a.answer ?? '',
			answerHtml: a.answer ? renderMarkdown(a.answer) : null
		})),
		documents: page.documents.map((d) => ({
			id: d.id,
			title: d.title,
			role: roleLabel(d.role, ctx.locale),
			addressee: d.addresseeId ? (addresseeName.get(d.addresseeId) ?? null) : null,
			isPublic: d.isPublic,
			href: `${base}/documenten/${d.id}`
		})),
		planItems: [...page.objectives, ...page.actions].map((i) => ({
			id: i.id,
			label: itemLabel(i, ctx.locale),
			plan: name(i.plan.title),
			planSlug: i.plan.slug
		})),
		canKeep: keep,
		/** The values of the basic form, as it posts them. */
		values: {
			title: dossier.title,
			position: dossier.position,
			policyDomainIds: page.policyDomains.map((d) => d.id),
			answerDays: String(dossier.answerDays),
			isPublic: dossier.isPublic ? 'on' : '',
			revision: String(dossier.revision)
		},
		options: {
			decisions: decisions
				.filter((d) => !linked.has(d.id))
				.map((d) => ({
					value: d.id,
					label: `${d.reference} ${d.title} (${formatDate(d.startsAt, ctx.locale)}, ${decisionStatus(d.status, ctx.locale).toLowerCase()})`
				})),
			organisations: organisations
				.filter((o) => !addressed.has(o.id))
				.map((o) => ({
					value: o.id,
					label: `${name(o.name)}${kindLabel(o.kind, ctx.locale) ? ` (${kindLabel(o.kind, ctx.locale)})` : ''}`
				})),
			domains: domains.map((d) => ({ value: d.id, label: name(d.name) })),
			planItems: groupByPlan(items, name, ctx.locale),
			chosenItems
		},
		created: event.url.searchParams.has('aangemaakt')
	};
}

/** Plan items as option groups, one per plan. */
function groupByPlan(
	items: Awaited<ReturnType<typeof planItemChoices>>,
	name: (t: Parameters<typeof tr>[0]) => string,
	locale: Locale
) {
	const groups = new Map<string, { plan: string; options: { value: string; label: string }[] }>();
	for (const i of items) {
		const group = groups.get(i.plan.id) ?? { plan: name(i.plan.title), options: [] };
		group.options.push({
			value: i.id,
			label: itemLabel(i, locale)
		});
		groups.set(i.plan.id, group);
	}
	return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------
// Actions

/** The dossier of the URL, kept by the user: 404 if they may not read it, 403 if not keep it. */
async function kept(event: Event) {
	const ctx = contextOf(event);
	const dossier = await dossierBySlug(ctx.db, event.params.slug);
	if (!dossier || !mayReadDossier(ctx.principal, dossier)) {
		error(404, translateMessage(ctx.locale, 'Dossier niet gevonden.'));
	}
	if (!mayKeepDossier(ctx.principal, dossier)) {
		error(403, translateMessage(ctx.locale, 'U beheert dit dossier niet.'));
	}
	return { ctx, dossier };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only the fields a service input names (its schemas are strict). */
const pick = (values: Record<string, unknown>, keys: string[]) =>
	Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));

function refuse(message: string): never {
	throw new AppError('invalid_input', message);
}

/**
 * Run a form's command: a failure says which form it came from (`form`, which may depend on the
 * posted values: one form per addressee), and a stale edit also returns what is stored now.
 */
async function run<T>(
	locale: Locale,
	values: Record<string, unknown>,
	form: string,
	saved: string,
	fn: () => Promise<T>
) {
	let conflict: DossierConflict | undefined;
	const result = await formAction(values, () =>
		fn().catch((e: unknown) => {
			if (e instanceof DossierConflict) conflict = e;
			throw e;
		})
	);
	if (isActionFailure(result)) {
		const current = conflict
			? (JSON.parse(JSON.stringify(conflict.current)) as Record<string, unknown>)
			: undefined;
		return fail(result.status, {
			...(result.data as unknown as FormFailure),
			form,
			current
		} satisfies EditFailure);
	}
	return { saved: translateMessage(locale, saved), form };
}

/** An addressee of this dossier named by the form (404 for any other). */
async function addresseeOf(event: Event, dossierId: string, values: Record<string, unknown>) {
	const id = str(values.addresseeId);
	if (!(await belongsToDossier(event.locals.db, dossierId, { addresseeId: id }))) {
		error(404, translateMessage(event.locals.locale, 'Geadresseerde niet gevonden.'));
	}
	return id;
}

export const dossierActions = {
	update: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		const input = pick(values, [
			'title',
			'position',
			'policyDomainIds',
			'answerDays',
			'isPublic',
			'revision'
		]);
		return run(ctx.locale, values, 'update', 'Het dossier is bewaard.', () =>
			updateDossier(ctx, dossier.id, input)
		);
	},
	link: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'link', 'Het besluit is gekoppeld.', () =>
			linkDecision(ctx, dossier.id, pick(values, ['decisionId']))
		);
	},
	unlink: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'link', 'Het besluit is losgekoppeld.', () =>
			unlinkDecision(ctx, dossier.id, str(values.decisionId))
		);
	},
	addAddressee: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'addAddressee', 'De geadresseerde is toegevoegd.', () =>
			addAddressee(ctx, dossier.id, pick(values, ['organisationId', 'sentOn']))
		);
	},
	removeAddressee: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		const id = await addresseeOf(event, dossier.id, values);
		return run(ctx.locale, values, `addressee:${id}`, 'De geadresseerde is verwijderd.', () =>
			removeAddressee(ctx, id)
		);
	},
	sent: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		const id = await addresseeOf(event, dossier.id, values);
		return run(ctx.locale, values, `sent:${id}`, 'De verzending is vastgelegd.', () =>
			markSent(ctx, id, pick(values, ['sentOn']))
		);
	},
	answer: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		const id = await addresseeOf(event, dossier.id, values);
		return run(ctx.locale, values, `answer:${id}`, 'Het antwoord is bewaard.', () =>
			recordAnswer(ctx, id, pick(values, ['answeredOn', 'answer']))
		);
	},
	/** Multipart: the file is counted while it arrives and checked by the file service. */
	addDocument: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		// Filled once the form is read, so a refusal shows the fields again (not the file).
		const values: Record<string, unknown> = {};
		return run(ctx.locale, values, 'addDocument', 'Het document is toegevoegd.', async () => {
			const form = await uploadForm(event.request, 'document', 'file');
			for (const key of ['role', 'addresseeId', 'title', 'isPublic']) {
				const v = form.get(key);
				if (typeof v === 'string') values[key] = v;
			}
			const file = form.get('file');
			const chosen = file instanceof File && !(file.name === '' && file.size === 0);
			return addDocument(
				ctx,
				dossier.id,
				{ ...values },
				chosen ? { name: file.name, data: file } : undefined
			);
		});
	},
	removeDocument: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'documents', 'Het document is verwijderd.', () =>
			removeDocument(ctx, dossier.id, str(values.documentId))
		);
	},
	planItems: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'planItems', 'De onderdelen van plannen zijn bewaard.', () => {
			// The form always sends its (hidden) empty choice: a bare post unlinks nothing.
			if (!('itemIds' in values)) refuse('Kies de onderdelen met het formulier op de pagina.');
			return setPlanItems(ctx, dossier.id, pick(values, ['itemIds']));
		});
	},
	close: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'close', 'Het dossier is afgesloten.', () =>
			closeDossier(ctx, dossier.id, pick(values, ['closedOn', 'note']))
		);
	},
	reopen: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'close', 'Het dossier is heropend.', () => {
			if (!dossier.closedOn) refuse('Dit dossier is niet afgesloten.');
			return reopenDossier(ctx, dossier.id);
		});
	},
	delete: async (event: Event) => {
		const { ctx, dossier } = await kept(event);
		const values = await formValues(event.request);
		const out = await run(ctx.locale, values, 'delete', '', () => {
			// A bare post never deletes: the form's own confirmation box must be ticked.
			if (values.confirm !== 'ja') refuse('Vink aan dat u het dossier wilt verwijderen.');
			return deleteDossier(ctx, dossier.id);
		});
		if (!isActionFailure(out)) {
			redirect(303, `${localizeHref('/beheer/dossiers', ctx.locale)}?verwijderd`);
		}
		return out;
	}
};
