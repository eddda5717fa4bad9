/**
 * One search over the platform: news and pages, bodies, municipalities and regions,
 * organisations, meetings, decisions, minutes, plans, plan actions, dossiers and indicators.
 * PostgreSQL full text with the Dutch configuration (`websearch_to_tsquery`, `ts_rank`: word
 * forms match, "vergadering" finds "vergaderingen") plus trigram similarity on names (typos),
 * through the GIN indexes of migrations 0001, 0006 and 0015.
 *
 * `view` decides what is shown: 'public' shows only what the public pages show, whoever asks
 * (so /zoeken can be cached); 'workspace' adds what the principal may read (scope.ts). Without a
 * kind, the first hits of every kind with their counts; with a kind, its pages. One query per
 * kind (the dossiers' register adds its own fixed few), whatever the data; none when the query is
 * empty, too short or too long.
 */
import { translate, type Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import type { Principal } from '../policy';
import type { Hit, KindArgs, KindResult } from './hits';
import {
	searchActions,
	searchDecisions,
	searchDossiers,
	searchMeetings,
	searchMinutes,
	searchPlans
} from './kinds.records';
import {
	searchAreas,
	searchBodies,
	searchContent,
	searchIndicators,
	searchOrganisations
} from './kinds.structure';
import {
	GROUP_SIZE,
	MAX_QUERY,
	MIN_QUERY,
	PAGE_SIZE,
	parseSearch,
	searchKinds,
	type SearchKind,
	type SearchRequest
} from './search.schema';
import { publicScope, workspaceScope } from './scope';

export type { Hit } from './hits';
export type { Segment } from './highlight';

const runners: Record<SearchKind, (a: KindArgs) => Promise<KindResult>> = {
	organen: searchBodies,
	gemeenten: searchAreas,
	organisaties: searchOrganisations,
	nieuws: (a) => searchContent('news', a),
	paginas: (a) => searchContent('page', a),
	vergaderingen: searchMeetings,
	besluiten: searchDecisions,
	verslagen: searchMinutes,
	plannen: searchPlans,
	acties: searchActions,
	dossiers: searchDossiers,
	indicatoren: searchIndicators
};

export type SearchGroup = { kind: SearchKind; label: string; total: number; hits: Hit[] };

export type SearchOutcome = {
	request: SearchRequest;
	/** Whether the words were searched (not empty, not too short, not too long). */
	searched: boolean;
	/** A message for the search field (too long), shown as its error. */
	error: string | null;
	/** A hint (too short) or a note (an unknown kind, searched in all kinds instead). */
	notes: string[];
	/** Kinds with hits (or the one kind asked for), in a fixed order. */
	groups: SearchGroup[];
	total: number;
	page: number;
	pages: number;
};

export const kindLabel = (kind: SearchKind, locale: Locale) =>
	translate(locale, `search.kind.${kind}`);

export async function search(
	db: DbOrTx,
	opts: {
		view: 'public' | 'workspace';
		principal: Principal;
		locale: Locale;
		params: Record<string, string | undefined>;
	}
): Promise<SearchOutcome> {
	const { locale } = opts;
	const request = parseSearch(opts.params);
	const out: SearchOutcome = {
		request,
		searched: false,
		error: null,
		notes: [],
		groups: [],
		total: 0,
		page: request.page,
		pages: 1
	};
	if (request.unknownKind !== null) {
		out.notes.push(translate(locale, 'search.unknownKind', { kind: request.unknownKind }));
	}
	const q = request.q;
	if (q.length > MAX_QUERY) {
		out.error = translate(locale, 'search.tooLong', { max: MAX_QUERY });
		return out;
	}
	if (!q) return out;
	if (q.length < MIN_QUERY) {
		out.notes.push(translate(locale, 'search.tooShort', { min: MIN_QUERY }));
		return out;
	}
	const scope = opts.view === 'public' ? publicScope : workspaceScope(opts.principal);
	const kinds = request.kind ? [request.kind] : [...searchKinds];
	const limit = request.kind ? PAGE_SIZE : GROUP_SIZE;
	const args: KindArgs = {
		db,
		q,
		limit,
		offset: (request.page - 1) * limit,
		scope,
		principal: opts.view === 'public' ? { kind: 'anonymous' } : opts.principal,
		locale
	};
	const results = await Promise.all(kinds.map((kind) => runners[kind](args)));
	out.searched = true;
	out.groups = kinds
		.map((kind, i) => ({ kind, label: kindLabel(kind, locale), ...results[i] }))
		.filter((g) => g.total > 0 || request.kind !== null);
	out.total = out.groups.reduce((n, g) => n + g.total, 0);
	if (request.kind) out.pages = Math.max(1, Math.ceil(out.total / PAGE_SIZE));
	return out;
}
