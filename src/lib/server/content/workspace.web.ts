/**
 * News and pages in the workspace: the list of what the user may write (/beheer/inhoud), a new
 * item (/beheer/inhoud/nieuw), one item's edit page (/beheer/inhoud/<id>) with its publication and
 * deletion, and the preview. The preview is always rendered on the server by the same renderer as
 * the public page: without JavaScript the "Voorbeeld" button posts the form and gets it back with
 * the preview; with JavaScript a debounced fetch asks /beheer/inhoud/voorbeeld.
 *
 * Actions authorise before reading the form (403 for who may not write the item or any item);
 * content.service.ts authorises again, validates and audits.
 */
import { error, fail, isActionFailure, redirect, type RequestEvent } from '@sveltejs/kit';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { formatDateTime, localizeHref, tr, translate, type Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { areas, bodies, organisations, policyDomains } from '../db/schema';
import { AppError, isUuid } from '../errors';
import { uploadForm } from '../files/upload';
import { contextOf, formAction, formValues, type FormFailure } from '../http';
import { brusselsParts } from '../meetings/time';
import { translateMessage } from '../messages';
import { can } from '../policy';
import { editableBodyIds, itemById, mayEditContent, workspaceContent } from './content.queries';
import {
	ContentConflict,
	createContent,
	deleteContent,
	publishContent,
	scheduleContent,
	unpublishContent,
	updateContent
} from './content.service';
import { renderContent } from './render';
import { contentStatus, statusLabels } from './status';

const kindLabel = (kind: 'news' | 'page', locale: Locale) =>
	translate(locale, kind === 'news' ? 'ws.content.kind.news' : 'ws.content.kind.page');
const fieldNames = [
	'kind',
	'slug',
	'titleNl',
	'titleEn',
	'summaryNl',
	'summaryEn',
	'bodyNl',
	'bodyEn',
	'imageAltNl',
	'imageAltEn',
	'bodyId',
	'areaId',
	'organisationId',
	'policyDomainId',
	'removeImage',
	'revision'
];

/** GET /beheer/inhoud */
export async function contentListPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const rows = await workspaceContent(ctx.db, ctx.principal);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			title: tr(r.title, ctx.locale),
			kind: kindLabel(r.kind, ctx.locale),
			body: r.body?.id
				? tr(r.body.name, ctx.locale)
				: translate(ctx.locale, 'ws.content.partnership'),
			status: r.status,
			statusLabel: statusLabels[r.status][ctx.locale],
			publishAt: r.publishAt ? formatDateTime(r.publishAt, ctx.locale) : null,
			isExample: r.isExample
		})),
		mayCreate: mayCreate(event),
		deleted: event.url.searchParams.has('verwijderd')
	};
}

function mayCreate(event: RequestEvent): boolean {
	const ids = editableBodyIds(event.locals.principal);
	return can(event.locals.principal, 'content:manage') || ids === 'all' || ids.length > 0;
}

/** The choices of the form: the bodies the user writes for, regions, organisations, domains. */
async function options(db: DbOrTx, event: RequestEvent) {
	const { principal, locale } = event.locals;
	const ids = editableBodyIds(principal);
	const [bodyRows, regions, orgs, domains] = await Promise.all([
		db
			.select({ id: bodies.id, name: bodies.name })
			.from(bodies)
			.where(isNull(bodies.archivedAt))
			.orderBy(sql`${bodies.name}->>'nl'`),
		db
			.select({ id: areas.id, name: areas.name })
			.from(areas)
			.where(eq(areas.level, 'regio'))
			.orderBy(sql`${areas.name}->>'nl'`),
		db
			.select({ id: organisations.id, name: organisations.name })
			.from(organisations)
			.where(isNull(organisations.archivedAt))
			.orderBy(sql`${organisations.name}->>'nl'`),
		db
			.select({ id: policyDomains.id, name: policyDomains.name })
			.from(policyDomains)
			.orderBy(asc(policyDomains.position))
	]);
	const opt = (rows: { id: string; name: { nl: string; en?: string } }[]) =>
		rows.map((r) => ({ value: r.id, label: tr(r.name, locale) }));
	return {
		bodies: opt(bodyRows.filter((b) => ids === 'all' || ids.includes(b.id))),
		/** Without a body the item is the partnership's own: staff only. */
		partnership: can(principal, 'content:manage'),
		regions: opt(regions),
		organisations: opt(orgs),
		domains: opt(domains)
	};
}

/** GET /beheer/inhoud/nieuw: 403 for who writes nothing. */
export async function newContentPage(event: RequestEvent) {
	if (!mayCreate(event)) {
		error(
			403,
			translateMessage(event.locals.locale, 'U schrijft voor geen enkel orgaan nieuws of pagina’s.')
		);
	}
	const kind = event.url.searchParams.get('soort') === 'pagina' ? 'page' : 'news';
	return {
		values: { kind } as Record<string, unknown>,
		options: await options(event.locals.db, event)
	};
}

/** The posted form (multipart: the lead image comes along) and the chosen image, if any. */
async function postedForm(event: RequestEvent) {
	const form = await uploadForm(event.request, 'content_image', 'image');
	const values: Record<string, unknown> = {};
	for (const key of [...fieldNames, 'confirm', 'publishAt']) {
		const v = form.get(key);
		if (typeof v === 'string') values[key] = v;
	}
	const file = form.get('image');
	const image =
		file instanceof File && !(file.name === '' && file.size === 0)
			? { name: file.name, data: file }
			: undefined;
	return { values, image };
}

const pick = (values: Record<string, unknown>, keys: string[]) =>
	Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));

/** The preview of a form's Markdown (both languages), rendered by the public renderer. */
export function previewOf(values: Record<string, unknown>) {
	const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
	return {
		nl: renderContent(text('bodyNl')),
		en: text('bodyEn') ? renderContent(text('bodyEn')) : ''
	};
}

/** POST ?/preview (both pages): the form back with its preview; nothing is stored. */
export async function previewAction(event: RequestEvent) {
	if (!mayCreate(event))
		error(403, translateMessage(event.locals.locale, 'U schrijft geen nieuws of pagina’s.'));
	const { values } = await postedForm(event);
	return { form: 'edit', preview: previewOf(values), values };
}

/** POST ?/create: the new item (a draft), then its edit page. */
export async function createContentAction(event: RequestEvent) {
	if (!mayCreate(event))
		error(403, translateMessage(event.locals.locale, 'U schrijft geen nieuws of pagina’s.'));
	const ctx = contextOf(event);
	const values: Record<string, unknown> = {};
	const result = await formAction(values, async () => {
		const posted = await postedForm(event);
		Object.assign(values, posted.values);
		return createContent(
			ctx,
			pick(
				values,
				fieldNames.filter((k) => k !== 'revision' && k !== 'removeImage')
			),
			posted.image
		);
	});
	if ('id' in result) {
		redirect(303, `${localizeHref(`/beheer/inhoud/${result.id}`, ctx.locale)}?aangemaakt`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// One item

type Event = RequestEvent<{ id: string }>;

/** The item of the URL, written by the user: 404 if unknown, 403 if not theirs. */
async function kept(event: Event) {
	const ctx = contextOf(event);
	const found = isUuid(event.params.id) ? await itemById(ctx.db, event.params.id) : undefined;
	if (!found) error(404, translateMessage(ctx.locale, 'Bericht niet gevonden.'));
	if (!mayEditContent(ctx.principal, found.item)) {
		error(403, translateMessage(ctx.locale, 'U schrijft dit bericht niet.'));
	}
	return { ctx, ...found };
}

/** GET /beheer/inhoud/<id> */
export async function editContentPage(event: Event) {
	const { ctx, item, body } = await kept(event);
	const status = contentStatus(item.publishAt);
	const publicPath = `/${item.kind === 'news' ? 'nieuws' : 'paginas'}/${item.slug}`;
	const at = item.publishAt ? brusselsParts(item.publishAt) : null;
	return {
		item: {
			id: item.id,
			kind: item.kind,
			kindLabel: kindLabel(item.kind, ctx.locale),
			title: item.title.nl,
			slug: item.slug,
			imageFileId: item.imageFileId,
			body: body?.id ? tr(body.name, ctx.locale) : null,
			isExample: item.isExample
		},
		status,
		statusLabel: statusLabels[status][ctx.locale],
		publishAt: item.publishAt ? formatDateTime(item.publishAt, ctx.locale) : null,
		publishAtValue: at ? `${at.date}T${at.time}` : '',
		publicPath: status === 'published' ? publicPath : null,
		preview: previewOf({ bodyNl: item.body.nl, bodyEn: item.body.en ?? '' }),
		values: {
			kind: item.kind,
			slug: item.slug,
			titleNl: item.title.nl,
			titleEn: item.title.en ?? '',
			summaryNl: item.summary?.nl ?? '',
			summaryEn: item.summary?.en ?? '',
			bodyNl: item.body.nl,
			bodyEn: item.body.en ?? '',
			imageAltNl: item.imageAlt?.nl ?? '',
			imageAltEn: item.imageAlt?.en ?? '',
			bodyId: item.bodyId ?? '',
			areaId: item.areaId ?? '',
			organisationId: item.organisationId ?? '',
			policyDomainId: item.policyDomainId ?? '',
			revision: String(item.revision)
		} as Record<string, unknown>,
		options: await options(ctx.db, event),
		created: event.url.searchParams.has('aangemaakt')
	};
}

/** Run a command of the edit page; a failure names its form, a stale edit returns what is stored. */
async function run<T>(
	locale: Locale,
	values: Record<string, unknown>,
	form: string,
	saved: string,
	fn: () => Promise<T>
) {
	let conflict: ContentConflict | undefined;
	const result = await formAction(values, () =>
		fn().catch((e: unknown) => {
			if (e instanceof ContentConflict) conflict = e;
			throw e;
		})
	);
	if (isActionFailure(result)) {
		const c = conflict?.current;
		return fail(result.status, {
			...(result.data as unknown as FormFailure),
			form,
			current: c
				? { title: c.title.nl, slug: c.slug, body: c.body.nl, revision: c.revision }
				: undefined
		});
	}
	return { saved: translateMessage(locale, saved), form };
}

export const editContentActions = {
	preview: async (event: Event) => {
		await kept(event);
		const { values } = await postedForm(event);
		return { form: 'edit', preview: previewOf(values), values };
	},
	update: async (event: Event) => {
		const { ctx, item } = await kept(event);
		const values: Record<string, unknown> = {};
		return run(ctx.locale, values, 'edit', 'Het bericht is bewaard.', async () => {
			const posted = await postedForm(event);
			Object.assign(values, posted.values);
			const input = pick(
				values,
				fieldNames.filter((k) => k !== 'kind')
			);
			return updateContent(ctx, item.id, input, posted.image);
		});
	},
	publish: async (event: Event) => {
		const { ctx, item } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'publish', 'Het bericht is gepubliceerd.', () =>
			publishContent(ctx, item.id, pick(values, ['revision']))
		);
	},
	schedule: async (event: Event) => {
		const { ctx, item } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'publish', 'De publicatie is gepland.', () =>
			scheduleContent(ctx, item.id, pick(values, ['publishAt', 'revision']))
		);
	},
	unpublish: async (event: Event) => {
		const { ctx, item } = await kept(event);
		const values = await formValues(event.request);
		return run(ctx.locale, values, 'publish', 'Het bericht is weer een concept.', () =>
			unpublishContent(ctx, item.id, pick(values, ['revision']))
		);
	},
	delete: async (event: Event) => {
		const { ctx, item } = await kept(event);
		const values = await formValues(event.request);
		const out = await run(ctx.locale, values, 'delete', '', async () => {
			// A bare post never deletes: the form's own confirmation box must be ticked.
			if (values.confirm !== 'ja') {
				throw new AppError('invalid_input', 'Vink aan dat u het bericht wilt verwijderen.', {
					confirm: ['Vink aan dat u het bericht wilt verwijderen.']
				});
			}
			return deleteContent(ctx, item.id);
		});
		if (!isActionFailure(out)) {
			redirect(303, `${localizeHref('/beheer/inhoud', ctx.locale)}?verwijderd`);
		}
		return out;
	}
};

/** POST /beheer/inhoud/voorbeeld (JSON {markdown}): the HTML the public page would show. */
export async function previewEndpoint(event: RequestEvent): Promise<Response> {
	if (!mayCreate(event))
		error(403, translateMessage(event.locals.locale, 'U schrijft geen nieuws of pagina’s.'));
	const raw = await event.request.text();
	if (raw.length > 220_000) {
		error(413, translateMessage(event.locals.locale, 'Te lange tekst voor een voorbeeld.'));
	}
	let markdown = '';
	try {
		const parsed = JSON.parse(raw) as { markdown?: unknown };
		markdown = typeof parsed.markdown === 'string' ? parsed.markdown : '';
	} catch {
		error(400, translateMessage(event.locals.locale, 'Ongeldige vraag.'));
	}
	return new Response(JSON.stringify({ html: renderContent(markdown) }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}
