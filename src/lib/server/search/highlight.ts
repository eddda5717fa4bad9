/**
 * Highlighted snippets. `ts_headline` marks the hits with control characters; `segments` splits
 * its result into text segments, never HTML: pages render each segment as text (a `<mark>`
 * around the hits), so whatever a text contains stays inert. Control characters cannot be typed
 * into a form and are removed from the text first, so a text can never forge a highlight.
 */
import { sql, type SQL } from 'drizzle-orm';

/** A piece of a snippet: plain text, highlighted when `mark`. */
export type Segment = { text: string; mark: boolean };

const START = '\u0002';
const STOP = '\u0003';
const fragmentOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const wholeOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
/** Texts up to this length are shown whole; longer ones as fragments around the hits. */
const SHORT = 300;

/** Split a ts_headline result at its markers into text segments. */
export function segments(headline: string | null | undefined): Segment[] {
	const out: Segment[] = [];
	let mark = false;
	let text = '';
	const push = () => {
		if (text) out.push({ text, mark });
		text = '';
	};
	for (const ch of headline ?? '') {
		if (ch === START || ch === STOP) {
			push();
			mark = ch === START;
		} else text += ch;
	}
	push();
	return out;
}

/** Markdown punctuation out of the way of a readable snippet (link targets included). */
export const readable = (markdown: SQL) =>
	sql`regexp_replace(regexp_replace(${markdown}, '\\]\\([^)]*\\)', ' ', 'g'), '[*_#>\`~|\\[\\]]+', ' ', 'g')`;
const withoutMarkers = (text: SQL) => sql`translate(${text}, ${START + STOP}, '')`;

/** The highlighted text (short) or fragments of it between ellipses (long). */
export function headline(text: SQL, tsq: SQL) {
	const doc = withoutMarkers(sql`coalesce(${text}, '')`);
	return sql<string>`case when char_length(${doc}) <= ${SHORT}
		then ts_headline('dutch', ${doc}, ${tsq}, ${wholeOptions})
		else '… ' || ts_headline('dutch', ${doc}, ${tsq}, ${fragmentOptions}) || ' …' end`;
}

/** A title, wholly, with its hits highlighted. */
export const titleHeadline = (title: SQL, tsq: SQL) =>
	sql<string>`ts_headline('dutch', ${withoutMarkers(sql`coalesce(${title}, '')`)}, ${tsq}, ${wholeOptions})`;
