/**
 * The open-data page and its ZIP download. The page names the files and the licence; the ZIP is
 * the kept build of the current data version (dataset.ts), answered 304 when the client has it.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { translate, type MessageKey } from '../../i18n';
import { contentDisposition } from '../files/serve';
import { getSiteSettings } from '../settings/settings.service';
import { currentOpenDataZip, openDataTables, ZIP_NAME } from './dataset';
import { openDataLicence } from './licence';
import { matches } from '../api/public-api';
import { load } from '../http';
import { JSONLD_TYPE } from '../meetings/jsonld';
import { bodyJsonLd, organisationJsonLd } from './oslo';

/** The page's label of each CSV. */
const fileLabels: Record<string, MessageKey> = {
	'bodies.csv': 'openData.file.bodies',
	'participants.csv': 'openData.file.participants',
	'memberships.csv': 'openData.file.memberships',
	'meetings.csv': 'openData.file.meetings',
	'agenda_items.csv': 'openData.file.agendaItems',
	'decisions.csv': 'openData.file.decisions',
	'plans.csv': 'openData.file.plans',
	'objectives.csv': 'openData.file.objectives',
	'actions.csv': 'openData.file.actions',
	'updates.csv': 'openData.file.updates',
	'indicators.csv': 'openData.file.indicators',
	'observations.csv': 'openData.file.observations',
	'dossiers.csv': 'openData.file.dossiers'
};

export async function openDataPage(event: RequestEvent) {
	const locale = event.locals.locale;
	const licence = openDataLicence(await getSiteSettings(event.locals.db));
	return {
		zip: `/open-data/${ZIP_NAME}`,
		files: openDataTables.map((t) => ({
			file: t.file,
			label: translate(locale, fileLabels[t.file])
		})),
		licence: { name: locale === 'en' ? licence.nameEn : licence.name, url: licence.url },
		crumbs: [{ label: translate(locale, 'openData.title') }]
	};
}

/** The ZIP as a download, with its ETag (the data version). */
export async function openDataZipResponse(event: RequestEvent): Promise<Response> {
	const zip = await currentOpenDataZip(event.locals.db, event.url.origin);
	const headers = {
		etag: zip.etag,
		'cache-control': 'public, max-age=0, must-revalidate',
		'content-type': 'application/zip',
		'content-disposition': contentDisposition('attachment', ZIP_NAME)
	};
	if (matches(event.request.headers.get('if-none-match'), zip.etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(zip.bytes as BodyInit, {
		headers: { ...headers, 'content-length': String(zip.bytes.byteLength) }
	});
}

function jsonLdResponse(doc: object): Response {
	return new Response(JSON.stringify(doc, null, 2), {
		headers: {
			'content-type': `${JSONLD_TYPE}; charset=utf-8`,
			'cache-control': 'public, max-age=60',
			'x-content-type-options': 'nosniff'
		}
	});
}

/** /organen/[slug]/orgaan.jsonld: the body in OSLO (oslo.ts). */
export async function bodyJsonLdResponse(event: RequestEvent<{ slug: string }>) {
	return jsonLdResponse(
		await load(bodyJsonLd(event.locals.db, event.params.slug, event.url.origin))
	);
}

/** /organisaties/[slug]/organisatie.jsonld: the organisation in OSLO (oslo.ts). */
export async function organisationJsonLdResponse(event: RequestEvent<{ slug: string }>) {
	return jsonLdResponse(
		await load(organisationJsonLd(event.locals.db, event.params.slug, event.url.origin))
	);
}
