/**
 * Inputs of news items and pages (content.service.ts), as forms send them: blank = absent, one
 * field per language (`titleNl`, `titleEn`, …). Strict objects; every message in Dutch. The
 * Markdown of both languages is checked by markdown-check.ts (images need alt text, no
 * javascript:/vbscript:/data: links); the lead image's alt text is checked by the service, which
 * knows whether an image is set.
 */
import { z } from 'zod';
import { blankToUndefined, checkbox } from '../bodies/memberships.schema';
import { contentKinds } from '../db/schema';
import { brusselsInstant, brusselsParts } from '../meetings/time';
import { markdownProblems } from './markdown-check';

export const contentMessages = {
	kind: 'Kies of dit een nieuwsbericht of een pagina is.',
	slug: 'Een korte naam voor het adres bestaat uit kleine letters, cijfers en koppeltekens (bv. nieuwe-fietsroute).',
	slugTaken: (kind: 'news' | 'page') =>
		kind === 'news'
			? 'Er is al een nieuwsbericht met dit adres. Kies een andere korte naam.'
			: 'Er is al een pagina met dit adres. Kies een andere korte naam.',
	title: 'Geef een titel in het Nederlands.',
	body: 'Schrijf de tekst in het Nederlands.',
	imageAlt: 'Beschrijf de afbeelding in een alternatieve tekst (voor wie ze niet ziet).',
	publishAt: 'Geef datum en uur als DD/MM/JJJJ UU:MM.',
	publishAtPast: 'Kies een moment in de toekomst, of publiceer meteen.',
	revision: 'Gebruik het formulier op de pagina van het bericht.',
	chooseBody: 'Kies het orgaan waarvoor u schrijft.',
	conflict:
		'Iemand anders heeft dit bericht intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.'
} as const;

const text = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());
const markdown = (max: number) =>
	z
		.string()
		.max(max, `Hoogstens ${max.toLocaleString('nl-BE')} tekens.`)
		.superRefine((value, ctx) => {
			for (const message of markdownProblems(value)) ctx.addIssue({ code: 'custom', message });
		});
const optionalUuid = (message: string) =>
	z.preprocess(blankToUndefined, z.uuid(message).optional());

const revision = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
	z.number(contentMessages.revision).int(contentMessages.revision)
);

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const fields = {
	slug: z.preprocess(
		blankToUndefined,
		z
			.string()
			.trim()
			.max(80, 'Hoogstens 80 tekens.')
			.regex(slugPattern, contentMessages.slug)
			.optional()
	),
	titleNl: z
		.string(contentMessages.title)
		.trim()
		.min(1, contentMessages.title)
		.max(200, 'Hoogstens 200 tekens.'),
	titleEn: text(200),
	summaryNl: text(500),
	summaryEn: text(500),
	bodyNl: z.preprocess(
		(v) => (typeof v === 'string' ? v.trim() : v),
		z.string(contentMessages.body).min(1, contentMessages.body).pipe(markdown(100_000))
	),
	bodyEn: z.preprocess(blankToUndefined, markdown(100_000).optional()),
	imageAltNl: text(300),
	imageAltEn: text(300),
	bodyId: optionalUuid('Ongeldig orgaan.'),
	areaId: optionalUuid('Ongeldige regio.'),
	organisationId: optionalUuid('Ongeldige organisatie.'),
	policyDomainId: optionalUuid('Ongeldig beleidsdomein.'),
	removeImage: checkbox.optional()
};

export const contentInput = z.strictObject({
	kind: z.enum(contentKinds, contentMessages.kind),
	...fields
});

export const contentUpdate = z.strictObject({
	...fields,
	revision
});

/** A datetime-local value (YYYY-MM-DDTHH:MM) in Brussels wall-clock → the instant. */
export const brusselsDateTime = z
	.string(contentMessages.publishAt)
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, contentMessages.publishAt)
	.transform((v, ctx) => {
		const [date, time] = v.split('T');
		const instant = brusselsInstant(date, time.slice(0, 5));
		if (Number.isNaN(instant.getTime()) || brusselsParts(instant).date !== date) {
			ctx.addIssue({ code: 'custom', message: contentMessages.publishAt });
			return z.NEVER;
		}
		return instant;
	});

/** Publication commands carry the revision the page showed (a bare post changes nothing). */
export const revisionInput = z.strictObject({ revision });
export const scheduleInput = z.strictObject({ publishAt: brusselsDateTime, revision });

export type ContentInput = z.output<typeof contentInput>;
export type ContentUpdate = z.output<typeof contentUpdate>;
