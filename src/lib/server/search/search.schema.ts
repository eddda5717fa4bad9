/**
 * What a search asks: the words (`q`), optionally one kind (`soort`) and its page (`pagina`).
 * Kinds are Dutch slugs, the same under /en. Parsing never throws: a bad value becomes a message.
 */
import { z } from 'zod';

export const searchKinds = [
	'organen',
	'gemeenten',
	'organisaties',
	'nieuws',
	'paginas',
	'vergaderingen',
	'besluiten',
	'verslagen',
	'plannen',
	'acties',
	'dossiers',
	'indicatoren'
] as const;
export type SearchKind = (typeof searchKinds)[number];

export const MIN_QUERY = 2;
export const MAX_QUERY = 200;
/** Hits per kind on the overview of all kinds. */
export const GROUP_SIZE = 5;
/** Hits per page of one kind. */
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

const isKind = (v: string): v is SearchKind => (searchKinds as readonly string[]).includes(v);

export type SearchRequest = {
	/** The words, control characters removed (NUL would be a database error), trimmed. */
	q: string;
	kind: SearchKind | null;
	page: number;
	/** The `soort` asked for when it is not a kind (shown in a message, never searched). */
	unknownKind: string | null;
};

const text = z.string().catch('');

/** Read the query string's values; anything unexpected falls back to the default. */
export function parseSearch(params: Record<string, string | undefined>): SearchRequest {
	const q = text
		.parse(params.q ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f]+/g, ' ')
		.trim();
	const soort = text.parse(params.soort ?? '').trim();
	const page = z.coerce
		.number()
		.int()
		.min(1)
		.max(MAX_PAGE)
		.catch(1)
		.parse(params.pagina ?? 1);
	return {
		q,
		kind: soort && isKind(soort) ? soort : null,
		page: soort && isKind(soort) ? page : 1,
		unknownKind: soort && !isKind(soort) ? soort.slice(0, 50) : null
	};
}
