import { z } from 'zod';

/** A checkbox that must be ticked: browsers send "on" (or the box's value) when it is. */
const confirmed = (message: string) =>
	z.union([z.literal('on'), z.literal('true'), z.literal(true)], { error: message });

export const erasureRequestInput = z.object({
	confirm: confirmed('Vink aan dat u vraagt om uw persoonsgegevens te laten verwijderen.')
});

export const anonymiseInput = z.object({
	personId: z.uuid('Kies een geldige persoon.'),
	confirm: confirmed('Vink aan dat u deze persoon wilt anonimiseren; dit kan niet ongedaan.')
});

/** The placeholder that replaces an anonymised person's names ("Geanonimiseerde persoon"). */
export const ANONYMOUS_GIVEN_NAME = 'Geanonimiseerde';
export const ANONYMOUS_FAMILY_NAME = 'persoon';
/** What replaces a personal value inside the audit history of an anonymised person. */
export const REDACTED = '[geanonimiseerd]';
