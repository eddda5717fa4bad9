/**
 * The search expressions, exactly as the GIN indexes of migrations 0001, 0006 and 0015 declare
 * them: PostgreSQL uses an expression index only for the same expression. `'dutch'`, `'nl'` and
 * `' '` are literals here, never parameters, for the same reason.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
	agendaItems,
	areas,
	bodies,
	contentItems,
	decisions,
	dossiers,
	indicators,
	itemMinutes,
	meetings,
	organisations,
	planItems,
	plans
} from '../db/schema';

const both = (c: AnyColumn) => sql`coalesce(${c}->>'nl', '') || ' ' || coalesce(${c}->>'en', '')`;
const dutch = (doc: SQL) => sql`to_tsvector('dutch', ${doc})`;

export const vectors = {
	content: dutch(
		sql`${both(contentItems.title)} || ' ' || ${both(contentItems.summary)} || ' ' || ${both(contentItems.body)}`
	),
	bodies: dutch(
		sql`coalesce(${bodies.name}->>'nl', '') || ' ' || coalesce(${bodies.purpose}->>'nl', '')`
	),
	organisations: dutch(
		sql`coalesce(${organisations.name}->>'nl', '') || ' ' || coalesce(${organisations.shortName}, '') || ' ' || coalesce(${organisations.description}->>'nl', '')`
	),
	meetings: dutch(
		sql`coalesce(${meetings.title}, '') || ' ' || coalesce(${meetings.location}, '')`
	),
	agendaItems: dutch(sql`${agendaItems.title}`),
	minutes: dutch(sql`${itemMinutes.body}`),
	decisions: dutch(sql`${decisions.title} || ' ' || ${decisions.text}`),
	plans: dutch(sql`${both(plans.title)} || ' ' || ${plans.vision}`),
	planItems: dutch(
		sql`${planItems.title} || ' ' || ${planItems.description} || ' ' || ${planItems.challenge}`
	),
	dossiers: dutch(sql`${dossiers.title} || ' ' || ${dossiers.position}`),
	indicators: dutch(sql`${both(indicators.name)} || ' ' || ${both(indicators.definition)}`)
};

/** Names with a trigram index (typos: "Halle-Vilvorde" finds Halle-Vilvoorde). */
export const names = {
	content: sql<string>`(${contentItems.title}->>'nl')`,
	bodies: sql<string>`(${bodies.name}->>'nl')`,
	organisations: sql<string>`(${organisations.name}->>'nl')`,
	areas: sql<string>`(${areas.name}->>'nl')`,
	plans: sql<string>`(${plans.title}->>'nl')`,
	dossiers: sql<string>`${dossiers.title}`,
	indicators: sql<string>`(${indicators.name}->>'nl')`
};

/** The query as a Dutch tsquery (quotes, "or", "-word" work as on the web; never a syntax error). */
export const tsquery = (q: string) => sql`websearch_to_tsquery('dutch', ${q})`;

/** A name close to the query, word by word (`<%` uses the trigram index). */
export const near = (q: string, name: SQL) => sql`${q} <% ${name}`;
/** How close: 0–1. */
export const nearness = (q: string, name: SQL) => sql`word_similarity(${q}, ${name})`;

/**
 * For a kind searched both ways (its Dutch full text and its trigram name): the tsquery, the
 * rank (the better of the two) and the condition a row must meet (either).
 */
export function matching(q: string, kind: keyof typeof names & keyof typeof vectors) {
	const tsq = tsquery(q);
	return {
		tsq,
		rank: sql<number>`greatest(ts_rank(${vectors[kind]}, ${tsq}), ${nearness(q, names[kind])})`,
		matches: sql`(${vectors[kind]} @@ ${tsq} or ${near(q, names[kind])})`
	};
}

/** A translatable column in the reader's language, falling back to Dutch (as `tr`). */
export const trSql = (c: AnyColumn, locale: 'nl' | 'en') =>
	locale === 'en'
		? sql<string>`coalesce(nullif(${c}->>'en', ''), ${c}->>'nl')`
		: sql<string>`(${c}->>'nl')`;
