/**
 * The glue between the boundaries service and the workspace page /beheer/monitor/grenzen: the
 * upload streams through busboy (never request.formData()) into the staged file; refusals become
 * fail() with the message and the feature errors.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { DocumentRefused } from '../documents/documents.service';
import { MULTIPART_MARGIN, receiveUpload } from '../documents/multipart';
import { isAppError } from '../errors';
import type { Locale } from '../../i18n';
import { contextOf, formValues, load } from '../http';
import { translateMessage } from '../messages';
import {
	BoundariesRefused,
	boundaryLimits,
	boundaryStatus,
	importBoundaries,
	NisPropertyAmbiguous,
	previewBoundaryUpload,
	previewStagedBoundaries,
	storedOutline
} from './boundaries.service';
import { config } from '../config';

export type BoundaryFailure = {
	message: string;
	errors: string[];
	choose?: {
		uploadId: string;
		fileName: string;
		choices: { property: string; examples: string[] }[];
	};
};

/** A refusal as the page shows it, in the page's language (the service raises Dutch). */
function refused(e: unknown, locale: Locale) {
	const t = (message: string) => translateMessage(locale, message);
	if (e instanceof NisPropertyAmbiguous) {
		return fail(400, {
			message: t(e.message),
			errors: [],
			choose: { uploadId: e.uploadId, fileName: e.fileName, choices: e.choices }
		} as BoundaryFailure);
	}
	if (e instanceof BoundariesRefused) {
		return fail(400, { message: t(e.message), errors: e.errors.map(t) } as BoundaryFailure);
	}
	if (e instanceof DocumentRefused) {
		return fail(400, {
			message: t('Kies een GeoJSON- of TopoJSON-bestand.'),
			errors: []
		} as BoundaryFailure);
	}
	if (isAppError(e)) error(e.status, t(e.message));
	throw e;
}

const tooLarge = () =>
	`Het bestand is groter dan ${config().BOUNDARY_MAX_MB} MB. Er is niets opgeslagen.`;

/** Upload → staged file → what was understood. Stores nothing. */
export async function previewAction(event: RequestEvent) {
	const ctx = contextOf(event);
	const { maxBytes } = boundaryLimits();
	const declared = Number(event.request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes + MULTIPART_MARGIN) {
		return fail(413, {
			message: translateMessage(event.locals.locale, tooLarge()),
			errors: []
		} as BoundaryFailure);
	}
	try {
		const preview = await receiveUpload(
			event.request,
			{ fileField: 'bestand', textFields: ['nisEigenschap'], maxFileBytes: maxBytes },
			(fields, upload) =>
				previewBoundaryUpload(ctx, upload, { nisProperty: fields.nisEigenschap || undefined })
		);
		return { preview };
	} catch (e) {
		return refused(e, event.locals.locale);
	}
}

/** After a choice of NIS property: preview the staged file again. */
export async function chooseAction(event: RequestEvent) {
	const values = await formValues(event.request);
	try {
		const preview = await previewStagedBoundaries(contextOf(event), String(values.upload ?? ''), {
			fileName: String(values.bestandsnaam ?? ''),
			nisProperty: String(values.nisEigenschap ?? '') || undefined
		});
		return { preview };
	} catch (e) {
		return refused(e, event.locals.locale);
	}
}

/** Store what the preview showed (analysed again), all or nothing. */
export async function importAction(event: RequestEvent) {
	const values = await formValues(event.request);
	try {
		const imported = await importBoundaries(contextOf(event), String(values.upload ?? ''), {
			fileName: String(values.bestandsnaam ?? ''),
			nisProperty: String(values.nisEigenschap ?? '') || undefined
		});
		return { imported };
	} catch (e) {
		return refused(e, event.locals.locale);
	}
}

/** The page (routes.ts requires monitor:manage): what is loaded now, as a small outline map. */
export async function boundariesPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const [status, outline] = await load(
		Promise.all([boundaryStatus(ctx.db), storedOutline(ctx.db)])
	);
	return { status, outline, maxMegabytes: config().BOUNDARY_MAX_MB };
}
