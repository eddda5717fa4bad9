import { z } from 'zod';
import { membershipRoles } from '../db/schema';
import { blankToUndefined, checkbox, dateString, optionalUuid } from './memberships.schema';

const optionalName = z.preprocess(
	blankToUndefined,
	z.string().trim().max(200, 'Hoogstens 200 tekens.').optional()
);

/** One newcomer: an existing person (personId) or a new one (given and family name). */
export const newcomerInput = z
	.strictObject({
		personId: optionalUuid('Ongeldige persoon.'),
		givenName: optionalName,
		familyName: optionalName,
		email: z.preprocess(blankToUndefined, z.email('Ongeldig e-mailadres.').optional()),
		bodyId: optionalUuid('Ongeldig orgaan.'),
		role: z.enum(membershipRoles, 'Kies een rol.'),
		organisationId: optionalUuid('Ongeldige organisatie.'),
		publicName: checkbox.optional()
	})
	.refine((n) => n.personId || (n.givenName && n.familyName), {
		message: 'Kies een bestaande persoon of vul voornaam en familienaam in.',
		path: ['familyName']
	});
export type NewcomerInput = z.infer<typeof newcomerInput>;

const idList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.uuid('Ongeldig lidmaatschap.'))
);

export const renewalInput = z
	.strictObject({
		bodyId: optionalUuid('Ongeldig orgaan.'),
		/** The body by slug (the workspace URL), instead of bodyId. */
		bodySlug: z.string().max(100).optional(),
		regionId: optionalUuid('Ongeldige regio.'),
		/** The region by slug (the workspace URL), instead of regionId. */
		regionSlug: z.string().max(100).optional(),
		/** The last day of the current term. */
		endOn: dateString,
		/** Memberships (current on endOn) that carry over to the new term. */
		continuing: idList.default([]),
		newcomers: z.array(newcomerInput).max(200, 'Hoogstens 200 nieuwkomers tegelijk.').default([])
	})
	.refine((r) => [r.bodyId, r.bodySlug, r.regionId, r.regionSlug].filter(Boolean).length === 1, {
		message: 'Kies één orgaan of één regio.',
		path: ['bodyId']
	});
export type RenewalInput = z.infer<typeof renewalInput>;

/** Is a newcomer row of the form left empty (then it is ignored)? */
const emptyRow = (row: Record<string, unknown>) =>
	['personId', 'givenName', 'familyName', 'email'].every(
		(k) => typeof row[k] !== 'string' || row[k].trim() === ''
	);

/**
 * The renewal form's flat fields (`endOn`, `continuing`, `n0.givenName`, `n0.role`, …) as the
 * service input; empty newcomer rows are dropped. A `payload` field (the preview's hidden copy
 * of the input) wins over the flat fields.
 */
export function renewalFromForm(
	values: Record<string, unknown>,
	scope: { bodyId?: string; bodySlug?: string; regionId?: string; regionSlug?: string }
): unknown {
	if (typeof values.payload === 'string') {
		try {
			return { ...(JSON.parse(values.payload) as object), ...scope };
		} catch {
			return { ...scope, endOn: '' };
		}
	}
	const rows = new Map<number, Record<string, unknown>>();
	for (const [key, value] of Object.entries(values)) {
		const m = /^n(\d{1,3})\.(\w+)$/.exec(key);
		if (!m) continue;
		const row = rows.get(Number(m[1])) ?? {};
		row[m[2]] = value;
		rows.set(Number(m[1]), row);
	}
	const newcomers = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, row]) => row)
		.filter((row) => !emptyRow(row));
	return { ...scope, endOn: values.endOn, continuing: values.continuing, newcomers };
}
