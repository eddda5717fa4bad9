import { z } from 'zod';
import { blankToUndefined } from '../bodies/memberships.schema';

const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());

/** A person as staff enter them (strict: unknown fields are refused). */
export const personInput = z.strictObject({
	givenName: z
		.string('Vul de voornaam in.')
		.trim()
		.min(1, 'Vul de voornaam in.')
		.max(200, 'Hoogstens 200 tekens.'),
	familyName: z
		.string('Vul de familienaam in.')
		.trim()
		.min(1, 'Vul de familienaam in.')
		.max(200, 'Hoogstens 200 tekens.'),
	email: z.preprocess(blankToUndefined, z.email('Ongeldig e-mailadres.').max(320).optional()),
	phone: optionalText(40)
});
export type PersonInput = z.infer<typeof personInput>;

export const peopleQuery = z.strictObject({
	q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'Hoogstens 200 tekens.').optional()),
	organisationId: z.preprocess(blankToUndefined, z.uuid('Ongeldige organisatie.').optional()),
	page: z.coerce.number().int().min(1).max(10_000).default(1),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});
