/** What every kind of the search returns, and the arguments every kind's query takes. */
import type { Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import type { Principal } from '../policy';
import type { Segment } from './highlight';
import type { SearchScope } from './scope';

export type Hit = {
	id: string;
	/** The page of the hit, not yet localised. */
	href: string;
	title: Segment[];
	snippet: Segment[];
	/** Short facts (date, body, place), already in the reader's language. */
	meta: string[];
	/** Not public: only the workspace search shows it (a closed item, a draft). */
	restricted: boolean;
	rank: number;
};

export type KindResult = { total: number; hits: Hit[] };

export type KindArgs = {
	db: DbOrTx;
	q: string;
	limit: number;
	offset: number;
	scope: SearchScope;
	principal: Principal;
	locale: Locale;
};

/** The total of a page of rows that carry `count(*) over ()`. */
export const totalOf = (rows: { total: number }[]) => rows[0]?.total ?? 0;
