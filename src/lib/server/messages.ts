/**
 * Server messages (AppError, zod refinements, field messages) are written in Dutch where they are
 * raised, like gettext's msgids, and translated where they leave the server for a person: the
 * form failures and load errors of `http.ts`. Each domain keeps its English beside its code, in
 * `<domain>/messages.en.ts`:
 *
 *     export const en: Record<string, string> = { 'Rij {row}: onbekende code.': 'Row {row}: unknown code.' };
 *
 * A `{name}` in a Dutch message matches any text, which the English repeats by the same name
 * (translated as well when that text is itself a known message). A message without English stays
 * Dutch (as the catalogue falls back to Dutch).
 */
import type { Locale } from '$lib/i18n';

const parts = import.meta.glob<Record<string, string>>('./*/messages.en.ts', {
	eager: true,
	import: 'en'
});

/** The messages of `errors.ts` and `http.ts`, which belong to no domain. */
const general: Record<string, string> = {
	'Niet gevonden': 'Not found',
	'Niet gevonden.': 'Not found.',
	'Controleer de ingevulde gegevens.': 'Please check the details you entered.',
	'Ongeldige queryparameters.': 'Invalid query parameters.',
	'Het adres bevat een ongeldig teken (NUL).': 'The address contains an invalid character (NUL).'
};

/** Every Dutch message with its English, from all domains. */
export const englishMessages: Record<string, string> = Object.assign(
	{},
	general,
	...Object.values(parts)
);

const exact = new Map<string, string>();
const patterns: { pattern: RegExp; names: string[]; english: string }[] = [];
for (const [dutch, english] of Object.entries(englishMessages)) {
	if (!/\{\w+\}/.test(dutch)) {
		exact.set(dutch, english);
		continue;
	}
	const names: string[] = [];
	const source = dutch
		.split(/(\{\w+\})/)
		.map((piece) => {
			const name = /^\{(\w+)\}$/.exec(piece)?.[1];
			if (!name) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(name);
			return '([\\s\\S]*?)';
		})
		.join('');
	patterns.push({ pattern: new RegExp(`^${source}$`), names, english });
}

/** `message` in `locale`: English when a domain translated it, else the Dutch as raised. */
export function translateMessage(locale: Locale, message: string): string {
	if (locale !== 'en') return message;
	const hit = exact.get(message);
	if (hit !== undefined) return hit;
	for (const { pattern, names, english } of patterns) {
		const m = pattern.exec(message);
		if (!m) continue;
		// A part that is itself a known message (a field's message inside a row error) is
		// translated too.
		return english.replace(/\{(\w+)\}/g, (whole, name: string) => {
			const i = names.indexOf(name);
			return i < 0 ? whole : (exact.get(m[i + 1]) ?? m[i + 1]);
		});
	}
	return message;
}

/** Field messages (`{ field: [messages] }`) in `locale`. */
export function translateFields(
	locale: Locale,
	fields: Record<string, string[]>
): Record<string, string[]> {
	if (locale !== 'en') return fields;
	return Object.fromEntries(
		Object.entries(fields).map(([k, list]) => [k, list.map((m) => translateMessage(locale, m))])
	);
}
