import { z } from 'zod';
import { platformRoles } from '../db/schema';
import { PASSWORD_MAX } from './passwords';

export const email = z
	.string('Vul een e-mailadres in.')
	.trim()
	.toLowerCase()
	.max(254, 'Een e-mailadres heeft hoogstens 254 tekens.')
	.pipe(z.email('Vul een geldig e-mailadres in.'));

export const loginInput = z.strictObject({
	email,
	password: z
		.string('Vul uw wachtwoord in.')
		.min(1, 'Vul uw wachtwoord in.')
		.max(PASSWORD_MAX * 4)
});

export const inviteInput = z.strictObject({
	email,
	name: z
		.string('Vul een naam in.')
		.trim()
		.min(1, 'Vul een naam in.')
		.max(200, 'Een naam heeft hoogstens 200 tekens.'),
	role: z.enum(platformRoles, 'Kies een rol.').default('user'),
	personId: z.uuid('Ongeldige persoon.').optional()
});

export const setPasswordInput = z
	.strictObject({
		password: z.string('Kies een wachtwoord.').max(PASSWORD_MAX * 4),
		confirm: z.string('Herhaal het wachtwoord.')
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'De twee wachtwoorden zijn niet gelijk.'
	});

export const codeInput = z.strictObject({
	code: z
		.string('Vul de code in.')
		.trim()
		.min(6, 'Vul de code van 6 cijfers of een herstelcode in.')
		.max(20, 'Vul de code van 6 cijfers of een herstelcode in.')
});

export const roleInput = z.strictObject({ role: z.enum(platformRoles, 'Kies een rol.') });
