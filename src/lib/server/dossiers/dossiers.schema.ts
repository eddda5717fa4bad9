/**
 * Inputs of the dossier write side (dossiers.service.ts), as forms send them: blank = absent,
 * checkboxes as 'on', lists as repeated fields. Strict objects; every message in Dutch.
 */
import { z } from 'zod';
import { blankToUndefined, checkbox, dateString, optionalDate } from '../bodies/memberships.schema';
import { dossierDocumentRoles } from '../db/schema';

export const messages = {
	title: 'Geef het dossier een titel.',
	body: 'Kies het orgaan wiens standpunt dit is.',
	notAdopted:
		'Nog geen besluit nam dit standpunt aan: koppel eerst het besluit dat het aannam, dan kunt u de verzending vastleggen.',
	publicNotAdopted:
		'Een dossier wordt pas openbaar nadat een besluit het standpunt aannam: koppel eerst dat besluit.',
	answerBeforeSent: (sentOn: string) =>
		`Het antwoord kan niet vroeger gedateerd zijn dan de verzending (${sentOn.split('-').reverse().join('/')}).`,
	notSent: 'Leg eerst vast wanneer het standpunt aan deze geadresseerde verstuurd werd.',
	future: 'Die datum ligt in de toekomst.',
	closedDocument:
		'Een besloten document kan niet bij een openbaar dossier: het zou publiek zichtbaar worden. Maak het document openbaar of het dossier besloten.',
	publicWithClosedDocuments:
		'Dit dossier bevat besloten documenten: het kan niet openbaar worden zolang die erbij horen.',
	answerDays: 'Het aantal dagen is een geheel getal van 1 tot 730.',
	closedNote: 'Zeg kort waarom het dossier afgesloten wordt.'
} as const;

const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());
const uuidList = (message: string) =>
	z.preprocess(
		(v) =>
			v === undefined || v === null || v === ''
				? []
				: Array.isArray(v)
					? v.filter((x) => x !== '')
					: [v],
		z.array(z.uuid(message)).max(200, 'Hoogstens 200.')
	);
const answerDays = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
	z
		.number(messages.answerDays)
		.int(messages.answerDays)
		.min(1, messages.answerDays)
		.max(730, messages.answerDays)
);

const dossierFields = {
	title: z.string(messages.title).trim().min(1, messages.title).max(300, 'Hoogstens 300 tekens.'),
	position: z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z.string().trim().max(50_000, 'Hoogstens 50.000 tekens.')
	),
	policyDomainIds: uuidList('Ongeldig beleidsdomein.'),
	answerDays: answerDays.optional(),
	isPublic: checkbox.optional()
};

export const dossierInput = z.strictObject({
	bodyId: z.uuid(messages.body),
	...dossierFields,
	/** The decision the dossier is made from (it adopted the position). */
	decisionId: z.preprocess(blankToUndefined, z.uuid('Ongeldig besluit.').optional())
});

export const dossierUpdate = z.strictObject({
	...dossierFields,
	revision: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.number().int())
});

export const decisionLinkInput = z.strictObject({ decisionId: z.uuid('Kies een besluit.') });

export const addresseeInput = z.strictObject({
	organisationId: z.uuid('Kies een geadresseerde.'),
	sentOn: optionalDate
});

export const sentInput = z.strictObject({ sentOn: dateString });

export const answerInput = z.strictObject({
	answeredOn: dateString,
	answer: optionalText(20_000)
});

export const documentInput = z.strictObject({
	role: z.enum(dossierDocumentRoles, 'Kies wat het document is.'),
	addresseeId: z.preprocess(blankToUndefined, z.uuid('Ongeldige geadresseerde.').optional()),
	title: optionalText(200),
	isPublic: checkbox.optional()
});

export const planItemsInput = z.strictObject({
	itemIds: uuidList('Ongeldig onderdeel van een plan.')
});

export const closeInput = z.strictObject({
	closedOn: dateString,
	note: z
		.string(messages.closedNote)
		.trim()
		.min(1, messages.closedNote)
		.max(2000, 'Hoogstens 2000 tekens.')
});

export type DossierInput = z.output<typeof dossierInput>;
