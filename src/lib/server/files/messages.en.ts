/** English for the Dutch messages of files (see ../messages.ts). */
import { allowedTypesText, filePurposes, typeLabel, type PurposeRule } from './purposes';

/** The English name of each use, as the Dutch `label` of its rule. */
const labels: Record<keyof typeof filePurposes, string> = {
	logo: 'a logo',
	document: 'a document',
	plan_update: 'an attachment',
	content_image: 'an image for a news item'
};

/** "PNG, JPEG or WebP" */
function allowedTypesEnglish(rule: PurposeRule): string {
	const names = rule.types.map(typeLabel);
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
}

/** The messages that name a use, one per use (before the general ones below). */
const perPurpose: Record<string, string> = {};
for (const [purpose, rule] of Object.entries(filePurposes) as [
	keyof typeof filePurposes,
	PurposeRule
][]) {
	const label = labels[purpose];
	const allowed = allowedTypesText(rule);
	const allowedEn = allowedTypesEnglish(rule);
	perPurpose[`Het bestand is groter dan {size}, de grens voor ${rule.label}.`] =
		`The file is larger than {size}, the limit for ${label}.`;
	perPurpose[
		`Dit bestand is een {type}-bestand. Voor ${rule.label} zijn alleen ${allowed} toegestaan.`
	] = `This file is a {type} file. Only ${allowedEn} are allowed for ${label}.`;
	perPurpose[
		`Dit bestand is geen bekend bestandstype. Voor ${rule.label} zijn alleen ${allowed} toegestaan.`
	] = `This file is not of a known type. Only ${allowedEn} are allowed for ${label}.`;
}

export const en: Record<string, string> = {
	...perPurpose,
	'Het bestand is groter dan {size}, de grens voor {use}.':
		'The file is larger than {size}, the limit for {use}.',
	'Het bestand is leeg.': 'The file is empty.',
	'Dit bestand is {found}. Voor {use} zijn alleen {types} toegestaan.':
		'This file is {found}. Only {types} are allowed for {use}.',
	'De bestanden zijn samen te groot: hoogstens {count} bestanden van elk {size}.':
		'The files are too large together: at most {count} files of {size} each.',
	'Het formulier kon niet gelezen worden. Kies het bestand opnieuw.':
		'The form could not be read. Choose the file again.',
	'Het bestand kon niet bewaard worden: de opslag van het platform is vol of niet beschrijfbaar. Er is niets opgeslagen. Probeer het later opnieuw of verwittig de beheerders.':
		'The file could not be kept: the platform’s storage is full or not writable. Nothing was saved. Try again later or tell the administrators.'
};
