/** Inputs of the meetings domain, as forms and the services receive them (strict objects). */
import { z } from 'zod';
import {
	agendaItemKinds,
	attendanceStatuses,
	decisionStatuses,
	replyResponses
} from '../db/schema';
import { blankToUndefined, checkbox, dateString, optionalUuid } from '../bodies/memberships.schema';

export const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());
const requiredText = (max: number, message: string) =>
	z.string(message).trim().min(1, message).max(max, `Hoogstens ${max} tekens.`);
const timeString = z
	.string('Geef een uur als UU:MM.')
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Geef een uur als UU:MM (bijvoorbeeld 14:00).');
const minutes = z.preprocess(
	blankToUndefined,
	z.coerce
		.number('Geef een aantal minuten.')
		.int('Geef een geheel aantal minuten.')
		.min(1, 'Een duur is minstens 1 minuut.')
		.max(24 * 60, 'Een duur is hoogstens 24 uur.')
		.optional()
);
const uuidList = (message: string) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(z.uuid(message))
	);

/** A meeting's when, where and visibility; date and times are Europe/Brussels wall-clock. */
const meetingShape = {
	title: optionalText(200),
	date: dateString,
	startTime: timeString,
	endTime: timeString,
	location: optionalText(500),
	onlineUrl: z.preprocess(
		blankToUndefined,
		z
			.url({ protocol: /^https?$/, error: 'Geef een volledig webadres (https://…).' })
			.max(1000, 'Hoogstens 1000 tekens.')
			.optional()
	),
	isPublic: checkbox.optional()
};
const endsAfterStart = {
	path: ['endTime'],
	message: 'De vergadering moet eindigen na het begin.'
};
export const meetingInput = z
	.strictObject(meetingShape)
	.refine((m) => m.endTime > m.startTime, endsAfterStart);
export type MeetingInput = z.infer<typeof meetingInput>;

/** A new meeting: the fields above, from the body's template or as a copy of an earlier one. */
export const newMeetingInput = z
	.strictObject({
		...meetingShape,
		copyOfId: optionalUuid('Kies een vergadering om te kopiëren.')
	})
	.refine((m) => m.endTime > m.startTime, endsAfterStart);

export const itemInput = z.strictObject({
	title: requiredText(300, 'Geef het agendapunt een titel.'),
	description: optionalText(10_000),
	kind: z.enum(agendaItemKinds, 'Kies een soort agendapunt.'),
	isPublic: checkbox.optional(),
	durationMinutes: minutes,
	presenter: optionalText(200),
	parentId: optionalUuid('Kies een hoofdpunt van deze vergadering.'),
	policyDomainIds: uuidList('Ongeldig beleidsdomein.').optional()
});
export type ItemInput = z.infer<typeof itemInput>;

export const standingItemInput = z.strictObject({
	title: requiredText(300, 'Geef het vaste agendapunt een titel.'),
	description: optionalText(10_000),
	kind: z.enum(agendaItemKinds, 'Kies een soort agendapunt.'),
	isPublic: checkbox.optional(),
	durationMinutes: minutes,
	presenter: optionalText(200),
	/** Bind the item to a linked body: each meeting's copy then carries that body's report. */
	reportBodyId: optionalUuid('Kies een orgaan waarover gerapporteerd wordt.')
});

export const cancelInput = z.strictObject({
	reason: requiredText(1000, 'Geef een reden voor de annulering.')
});

export const replyInput = z.strictObject({
	response: z.enum(replyResponses, 'Kies aanwezig of verontschuldigd.'),
	note: optionalText(1000),
	substitute: optionalText(200)
});

/** Attendance per person: `status.<personId>` and `substitute.<personId>` from the form. */
export const attendanceInput = z.record(
	z.uuid(),
	z.strictObject({
		status: z.enum(attendanceStatuses, 'Kies aanwezig, verontschuldigd, afwezig of vervangen.'),
		substitute: optionalText(200)
	})
);

const votes = z.preprocess(
	blankToUndefined,
	z.coerce
		.number('Geef een aantal stemmen.')
		.int('Geef een geheel aantal stemmen.')
		.min(0, 'Een aantal stemmen is niet negatief.')
		.max(10_000, 'Hoogstens 10000 stemmen.')
		.optional()
);

export const decisionInput = z
	.strictObject({
		agendaItemId: optionalUuid('Kies een agendapunt van deze vergadering.'),
		title: requiredText(300, 'Geef het besluit een titel.'),
		text: requiredText(20_000, 'Schrijf de tekst van het besluit.'),
		status: z.enum(decisionStatuses, 'Kies de uitkomst van het besluit.'),
		votesFor: votes,
		votesAgainst: votes,
		votesAbstain: votes,
		/** On the standing item "Goedkeuring verslag": the earlier meeting whose minutes it approves. */
		approvesMinutesOfId: optionalUuid('Kies een vergadering waarvan het verslag klaarligt.')
	})
	.refine(
		(d) =>
			[d.votesFor, d.votesAgainst, d.votesAbstain].every((v) => v === undefined) ||
			[d.votesFor, d.votesAgainst, d.votesAbstain].every((v) => v !== undefined),
		{
			path: ['votesFor'],
			message: 'Vul de drie aantallen van de stemming in (voor, tegen, onthouding) of geen.'
		}
	);
export type DecisionInput = z.infer<typeof decisionInput>;
