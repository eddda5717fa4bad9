import { z } from 'zod';
import { membershipRoles, seatTypes } from '../db/schema';

/** Form fields arrive as strings: an empty field means "not given". */
export const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v;

export const dateString = z
	.string('Ongeldige datum.')
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een datum als JJJJ-MM-DD.')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Ongeldige datum.');
export const optionalDate = z.preprocess(blankToUndefined, dateString.optional());
export const optionalUuid = (message: string) =>
	z.preprocess(blankToUndefined, z.uuid(message).optional());
/** A checkbox: 'on' / 'true' / true when ticked, absent when not. */
export const checkbox = z.preprocess(
	(v) => v === true || v === 'on' || v === 'true' || v === '1',
	z.boolean()
);

export const membershipInput = z.strictObject({
	personId: z.uuid('Kies een persoon.'),
	role: z.enum(membershipRoles, 'Kies een rol.'),
	organisationId: optionalUuid('Ongeldige organisatie.'),
	startOn: optionalDate,
	endOn: optionalDate,
	publicName: checkbox.optional(),
	note: z.preprocess(
		blankToUndefined,
		z.string().trim().max(2000, 'Hoogstens 2000 tekens.').optional()
	)
});
export type MembershipInput = z.infer<typeof membershipInput>;
export const membershipPatch = membershipInput.omit({ personId: true }).partial();

export const endInput = z.strictObject({ endOn: dateString });

export const participantInput = z.strictObject({
	organisationId: z.uuid('Kies een organisatie.'),
	seatType: z.preprocess(
		blankToUndefined,
		z.enum(seatTypes, 'Kies een soort zetel.').default('member')
	),
	startOn: optionalDate,
	endOn: optionalDate
});
