/**
 * Importing observations: a file (CSV, XLSX, Provincies in Cijfers JSON) or an API push is read
 * as a stream and each row validated while it is read — including the checks that need the
 * indicator or the whole file (unknown indicator, bounds, duplicate keys: a map of the keys seen)
 * — so every row is written once into `monitor_import_rows` (COPY on PostgreSQL and PGlite, see
 * staging.ts; yielding between chunks). Choosing another indicator later re-runs those checks as
 * a few set-based statements over the staged rows (`runChecks`). Committing is ONE short
 * transaction: an upsert on the natural key from staging (unchanged values are not written), the
 * import's counts and its audit row; the aggregates of the touched indicators are recomputed
 * right after. All or nothing: an import with any error cannot be committed.
 */
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { formatDate } from '../../../i18n';
import { mutate } from '../../audit/audit.service';
import { config } from '../../config';
import type { ServiceContext } from '../../context';
import { userIdOf } from '../../context';
import { rows, type DbOrTx } from '../../db';
import {
	areas,
	indicators,
	monitorImportRows,
	monitorImports,
	type ObservationOrigin,
	type ObservationStatus
} from '../../db/schema';
import { cleanName } from '../../files/files.service';
import { AppError } from '../../errors';
import { timedImport } from '../../metrics/metrics';
import { authorize, hasScope } from '../../policy';
import { recomputeAggregates } from '../aggregate.service';
import { parsePeriod, periodLabel, type Period } from '../periods';
import {
	detectDecimal,
	detectLayout,
	parseNumber,
	isComputedOrigin,
	parseStatus,
	type DecimalMark,
	type TableLayout
} from './layout';
import { aggregatesPending, committingMarker, PENDING_KEY, stagingMarker } from './recovery';
import { stagingWriter, type Staged } from './staging';
import {
	type ByteSource,
	limitBytes,
	openFile,
	refuse,
	type FileFacts,
	type OpenedFile,
	type SourceRecord
} from './read';

export { CHUNK_ROWS } from './staging';

/** The advisory lock that lets one import commit at a time. */
const COMMIT_LOCK = 0x6d6f6e; // 'mon'
/** Data rows read before the decimal mark is decided. */
const SAMPLE_ROWS = 200;
/** Errors shown on the preview page (all of them are in the CSV download). */
export const PREVIEW_ERRORS = 200;

export const importMessages = {
	tooLarge: (mb: number) =>
		`Het bestand is groter dan ${mb} MB. Splits het of vraag de beheerder om MONITOR_IMPORT_MAX_MB te verhogen.`,
	unknownIndicator: (code: string) =>
		`Onbekende indicator "${code}": kies een indicator uit de catalogus.`,
	noIndicator: 'Kies de indicator: het bestand heeft geen kolom met een indicatorcode.',
	notFound: 'Deze import bestaat niet (meer).',
	committed: 'Deze import is al uitgevoerd.',
	stagingLost:
		'De voorbereide rijen van deze import zijn verloren gegaan (de databank werd herstart). Er is niets geïmporteerd: laad het bestand opnieuw op.',
	hasErrors: (n: number) =>
		`Er ${n === 1 ? 'is 1 fout' : `zijn ${n} fouten`} gevonden: verbeter het bestand en laad het opnieuw op. Er is niets geïmporteerd.`,
	nothing: 'Het bestand bevat geen enkele waarde om te importeren.',
	malformedNis: (raw: string) => `Ongeldige NIS-code "${raw}": een NIS-code heeft vijf cijfers.`,
	noNis: 'Geen NIS-code op deze regel.',
	badPeriod: (raw: string) =>
		`Ongeldige periode "${raw}": gebruik een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of datum (2024-03-15), tussen 1800 en 2100.`,
	notNumber: (raw: string) => `"${raw}" is geen getal.`,
	badStatus: (raw: string) =>
		`Onbekende status "${raw}": gebruik definitief, voorlopig, geschat, ontbrekend of vertrouwelijk.`,
	noCode: 'Geen indicatorcode op deze regel.',
	ceased: (name: string, nis: string, validTo: string, period: string) =>
		`${name} (${nis}) bestaat niet meer sinds ${formatDate(nextDay(validTo), 'nl')}: er kan geen waarde voor ${periodLabel(period)} zijn. Gebruik de code van de fusiegemeente.`,
	formula: (cells: string[]) =>
		`Formule in cel ${cells.join(', ')}: vervang formules door hun waarden.`
};

const nextDay = (iso: string) => {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
};

/** Imports are for monitor managers, and for API tokens with the `observations:write` scope. */
function authorizeImport(ctx: ServiceContext) {
	if (ctx.principal.kind === 'token') {
		if (hasScope(ctx.principal, 'observations:write')) return;
		throw new AppError(
			'forbidden',
			'Deze sleutel mag geen metingen schrijven (observations:write).'
		);
	}
	authorize(ctx.principal, 'monitor:manage', undefined, ctx.requestId);
}

/** What was understood of the file, shown before committing and kept with the import. */
export type ImportSummary = {
	format: string;
	delimiter?: string;
	decimal?: DecimalMark;
	bom?: boolean;
	lineEnding?: string;
	sheet?: string;
	layout?: 'long' | 'wide';
	headerLine?: number;
	nisColumn?: string;
	indicatorColumn?: string;
	periodColumn?: string;
	valueColumn?: string;
	statusColumn?: string;
	periodColumns?: string[];
	/** The indicator chosen from the catalogue (when the file has no indicator column). */
	indicatorCode?: string;
	/** Data lines read (after the header). */
	lines: number;
	/** Observations staged without errors. */
	valid: number;
	/** Empty value cells: no observation. */
	empty: number;
	/** Lines for valid NIS codes the platform does not know. */
	skipped: number;
	skippedCodes: string[];
	/** Lines the platform computes itself (origin aggregated or derived in its own downloads). */
	computed?: number;
	recomputed: number;
	errors: number;
	/** Staged observations whose indicator is not chosen yet. */
	unresolved: number;
};

type AreaInfo = {
	id: string;
	/** A small number for the duplicate keys. */
	n: number;
	name: string;
	validFrom: string | null;
	validTo: string | null;
};

/** What the checks need of an indicator. */
type IndicatorInfo = {
	id: string;
	n: number;
	code: string;
	minValue: number | null;
	maxValue: number | null;
};

/** The messages of the checks (the same as runChecks writes in SQL). */
export const checkMessages = {
	unknownIndicator: (code: string) =>
		`Onbekende indicator "${code}": voeg ze eerst toe aan de catalogus.`,
	belowMin: (value: number, min: number, code: string) =>
		`De waarde ${pgNumber(value)} ligt onder het minimum (${pgNumber(min)}) van indicator "${code}".`,
	aboveMax: (value: number, max: number, code: string) =>
		`De waarde ${pgNumber(value)} ligt boven het maximum (${pgNumber(max)}) van indicator "${code}".`,
	duplicate: (nis: string, period: string, code: string | null, first: number) =>
		`Dubbele waarde: NIS-code ${nis}, periode ${period}${code === null ? '' : `, indicator ${code}`} staat ook op regel ${first}.`
};

/**
 * A double as PostgreSQL writes it (shortest exact digits; exponent below 1e-4 and from 1e15,
 * with at least two exponent digits), with a decimal comma.
 */
export function pgNumber(n: number): string {
	const a = Math.abs(n);
	let text = String(n);
	if (a !== 0 && Number.isFinite(n) && (a < 1e-4 || a >= 1e15)) {
		const [mantissa, exponent] = n.toExponential().split('e');
		text = `${mantissa}e${exponent[0]}${exponent.slice(1).padStart(2, '0')}`;
	}
	return text.replace('.', ',');
}

/** Remove an import that will not be committed, with its staged rows. */
async function dropImport(db: DbOrTx, importId: string) {
	await db.delete(monitorImportRows).where(eq(monitorImportRows.importId, importId));
	await db.delete(monitorImports).where(eq(monitorImports.id, importId));
}

async function loadAreas(db: DbOrTx): Promise<Map<string, AreaInfo>> {
	const list = await db
		.select({
			id: areas.id,
			nis: areas.nisCode,
			name: areas.name,
			validFrom: areas.validFrom,
			validTo: areas.validTo
		})
		.from(areas)
		.where(isNotNull(areas.nisCode));
	return new Map(
		list.map((a, n) => [
			a.nis!,
			{ id: a.id, n, name: a.name.nl, validFrom: a.validFrom, validTo: a.validTo }
		])
	);
}

async function loadIndicators(db: DbOrTx): Promise<Map<string, IndicatorInfo>> {
	const list = await db
		.select({
			id: indicators.id,
			code: indicators.code,
			minValue: indicators.minValue,
			maxValue: indicators.maxValue
		})
		.from(indicators);
	return new Map(list.map((i, n) => [i.code, { ...i, n }]));
}

async function indicatorByCode(db: DbOrTx, code: string) {
	const [row] = await db
		.select({ id: indicators.id, code: indicators.code })
		.from(indicators)
		.where(eq(indicators.code, code));
	return row;
}

export type StageInput = {
	fileName: string;
	source: ByteSource;
	/** The indicator from the catalogue, for a file without an indicator column. */
	indicatorCode?: string;
	/** Bytes accepted; default MONITOR_IMPORT_MAX_MB. */
	maxBytes?: number;
	/** Called as bytes arrive (progress). */
	onBytes?: (total: number) => void;
};

/** Stage a file: read, validate and stage its rows; returns the import's id and summary. */
export async function stageImport(ctx: ServiceContext, input: StageInput) {
	authorizeImport(ctx);
	const maxMb = config().MONITOR_IMPORT_MAX_MB;
	const maxBytes = input.maxBytes ?? maxMb * 1024 * 1024;
	return stage(ctx, input.fileName, input.indicatorCode, async () =>
		openFile(
			limitBytes(
				input.source,
				maxBytes,
				importMessages.tooLarge(Math.round(maxBytes / 1024 / 1024) || 1),
				input.onBytes
			)
		)
	);
}

export type PushInput = {
	indicator: string;
	observations: { area: string; period: string; value: number | string | null; status?: string }[];
};

/** Stage an API push `{ indicator, observations: [{ area, period, value, status? }] }`. */
export async function stagePush(ctx: ServiceContext, input: PushInput) {
	authorizeImport(ctx);
	const list = input.observations;
	async function* records(): AsyncGenerator<SourceRecord> {
		yield { line: 0, cells: ['nis', 'periode', 'waarde', 'status'] };
		for (let i = 0; i < list.length; i++) {
			const o = list[i] ?? {};
			const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
			yield { line: i + 1, cells: [cell(o.area), cell(o.period), cell(o.value), cell(o.status)] };
		}
	}
	const facts: FileFacts = { format: 'api', typedNumbers: false };
	return stage(ctx, 'api', input.indicator, async () => ({ facts, records: records() }), '.');
}

async function stage(
	ctx: ServiceContext,
	fileName: string,
	indicatorCode: string | undefined,
	open: () => Promise<OpenedFile>,
	forcedDecimal?: DecimalMark
) {
	// A control character (a NUL from a hostile form) can be in no code, nor in a database text.
	// eslint-disable-next-line no-control-regex
	const code = indicatorCode?.replace(/[\u0000-\u001f\u007f]/g, '').trim() || undefined;
	const chosen = code ? await indicatorByCode(ctx.db, code) : undefined;
	if (code && !chosen) {
		throw new AppError('invalid_input', importMessages.unknownIndicator(code), {
			indicator: [importMessages.unknownIndicator(code)]
		});
	}
	// Staging rows of imports left unfinished for a day are dropped.
	await ctx.db.execute(sql`
		delete from monitor_import_rows where import_id in (
			select id from monitor_imports where status <> 'committed'
			and created_at < now() - interval '1 day')`);
	const areaMap = await loadAreas(ctx.db);
	const indicatorMap = await loadIndicators(ctx.db);
	const [created] = await ctx.db
		.insert(monitorImports)
		.values({
			fileName: cleanName(fileName),
			format: 'onbekend',
			createdByUserId: userIdOf(ctx),
			// Who reads the file: a crash while reading is recovered at the next start (recovery.ts).
			summary: stagingMarker()
		})
		.returning({ id: monitorImports.id });
	const importId = created.id;
	try {
		const summary = await readAndStage(
			ctx.db,
			importId,
			await open(),
			areaMap,
			indicatorMap,
			chosen ? indicatorMap.get(chosen.code) : undefined,
			forcedDecimal
		);
		summary.indicatorCode = chosen?.code;
		return await record(ctx.db, importId, summary);
	} catch (e) {
		// A refused file leaves nothing behind.
		await dropImport(ctx.db, importId);
		throw e;
	}
}

async function readAndStage(
	db: DbOrTx,
	importId: string,
	file: OpenedFile,
	areaMap: Map<string, AreaInfo>,
	indicatorMap: Map<string, IndicatorInfo>,
	chosen: IndicatorInfo | undefined,
	forcedDecimal?: DecimalMark
): Promise<ImportSummary> {
	const { facts } = file;
	const iterator = file.records[Symbol.asyncIterator]();
	// The header is among the first lines; the decimal mark is decided on a sample of values.
	const head: SourceRecord[] = [];
	let layout: TableLayout | undefined;
	while (!layout) {
		const next = await iterator.next();
		if (next.done) break;
		head.push(next.value);
		const found = detectLayout(head);
		if (!('error' in found)) layout = found;
		else if (head.length >= 20) throw refuse(found.error);
	}
	if (!layout) {
		const found = detectLayout(head);
		throw refuse('error' in found ? found.error : importMessages.nothing);
	}
	const sample: SourceRecord[] = head.filter((r) => r.line > layout!.headerLine);
	while (sample.length < SAMPLE_ROWS) {
		const next = await iterator.next();
		if (next.done) break;
		sample.push(next.value);
	}
	const valueCells = (r: SourceRecord) =>
		layout!.kind === 'long'
			? [r.cells[layout!.valueColumn!] ?? '']
			: layout!.periodColumns.map((c) => r.cells[c.column] ?? '');
	const decimal = forcedDecimal ?? detectDecimal(sample.flatMap(valueCells), facts.delimiter);

	const summary: ImportSummary = {
		format: facts.format === 'csv' ? `statbel-csv-${layout.kind}` : facts.format,
		delimiter: facts.delimiter,
		decimal,
		bom: facts.bom,
		lineEnding: facts.lineEnding,
		sheet: facts.sheet,
		layout: layout.kind,
		headerLine: layout.headerLine,
		nisColumn: layout.headers[layout.nisColumn],
		indicatorColumn: col(layout, layout.indicatorColumn),
		periodColumn: col(layout, layout.periodColumn),
		valueColumn: col(layout, layout.valueColumn),
		statusColumn: col(layout, layout.statusColumn),
		periodColumns: layout.periodColumns.map((c) => layout!.headers[c.column]),
		lines: 0,
		valid: 0,
		empty: 0,
		skipped: 0,
		skippedCodes: [],
		computed: 0,
		recomputed: 0,
		errors: 0,
		unresolved: 0
	};
	const skippedCodes = new Set<string>();
	const byId = new Map([...indicatorMap.values()].map((i) => [i.id, i.n]));
	const writer = stagingWriter(db, importId);
	/** The first line of each key (indicator, area, period) among the rows without errors. */
	const firstLine = new Map<number, number>();
	let seq = 0;
	const push = (row: Staged) => {
		row.seq = ++seq;
		return writer.push(row);
	};
	const fail = (line: number, e: string, nis: string | null = null) => {
		summary.errors++;
		return push({
			seq: 0,
			line,
			ic: null,
			ii: null,
			nis,
			aid: null,
			p: null,
			ps: null,
			v: null,
			st: null,
			o: null,
			e,
			ce: null
		});
	};
	/** The checks runChecks does in SQL, for one row, in the same order. */
	const check = (
		ic: string | null,
		value: number | null
	): { ii: string | null; ce: string | null } => {
		const ind = ic === null ? chosen : indicatorMap.get(ic);
		if (!ind) {
			return { ii: null, ce: ic === null ? null : checkMessages.unknownIndicator(ic) };
		}
		if (value !== null && ind.minValue !== null && value < ind.minValue) {
			return { ii: ind.id, ce: checkMessages.belowMin(value, ind.minValue, ind.code) };
		}
		if (value !== null && ind.maxValue !== null && value > ind.maxValue) {
			return { ii: ind.id, ce: checkMessages.aboveMax(value, ind.maxValue, ind.code) };
		}
		return { ii: ind.id, ce: null };
	};
	// The key (indicator, area, period) as one number: indicator index (0: not chosen yet) ×
	// areas × periods + …, exact below 2^53 (periods are numbered as they are first seen).
	const periodIndex = new Map<string, number>();
	const indicatorCount = indicatorMap.size + 1;
	const areaCount = areaMap.size;
	const duplicate = (
		indicatorId: string | null,
		area: AreaInfo,
		period: Period,
		line: number,
		nis: string,
		ic: string | null
	) => {
		let p = periodIndex.get(period.period);
		if (p === undefined) periodIndex.set(period.period, (p = periodIndex.size));
		const i = indicatorId ? byId.get(indicatorId)! + 1 : 0;
		const key = (p * areaCount + area.n) * indicatorCount + i;
		const first = firstLine.get(key);
		if (first === undefined) {
			firstLine.set(key, line);
			return null;
		}
		return checkMessages.duplicate(nis, period.period, ic, first);
	};
	// Periods and statuses repeat: each distinct text is parsed once (bounded caches).
	const periods = new Map<string, Period | null>();
	const periodOf = (raw: string) => {
		let p = periods.get(raw);
		if (p === undefined) {
			p = parsePeriod(raw);
			if (periods.size < 10_000) periods.set(raw, p);
		}
		return p;
	};
	const statuses = new Map<string, ObservationStatus | undefined>();
	const statusOf = (raw: string) => {
		if (statuses.has(raw)) return statuses.get(raw);
		const st = parseStatus(raw);
		if (statuses.size < 1000) statuses.set(raw, st);
		return st;
	};

	const handle = async (r: SourceRecord) => {
		const L = layout!;
		if (r.cells.every((c) => c.trim() === '')) return;
		summary.lines++;
		if (r.formulas) return fail(r.line, importMessages.formula(r.formulas));
		if (L.originColumn !== undefined && isComputedOrigin(r.cells[L.originColumn] ?? '')) {
			summary.computed!++;
			return;
		}
		const rawNis = (r.cells[L.nisColumn] ?? '').trim();
		const values = valueCells(r);
		if (!rawNis) {
			if (values.every((v) => v.trim() === '')) return;
			return fail(r.line, importMessages.noNis);
		}
		const nis = facts.typedNumbers && /^\d{4}$/.test(rawNis) ? `0${rawNis}` : rawNis;
		if (!/^\d{5}$/.test(nis)) return fail(r.line, importMessages.malformedNis(rawNis));
		const area = areaMap.get(nis);
		if (!area) {
			summary.skipped++;
			if (skippedCodes.size < 50) skippedCodes.add(nis);
			return;
		}
		const ic =
			L.indicatorColumn === undefined ? null : (r.cells[L.indicatorColumn] ?? '').trim() || '';
		const rawStatus = L.statusColumn === undefined ? '' : (r.cells[L.statusColumn] ?? '');
		const cells: { period: Period | string; raw: string }[] =
			L.kind === 'long'
				? [{ period: (r.cells[L.periodColumn!] ?? '').trim(), raw: values[0] }]
				: L.periodColumns.map((c, i) => ({ period: c.period, raw: values[i] }));
		for (const cell of cells) {
			const raw = cell.raw.trim();
			const status = statusOf(rawStatus);
			const withoutValue = status === 'missing' || status === 'confidential';
			if (raw === '' && !withoutValue) {
				summary.empty++;
				continue;
			}
			if (ic === '') {
				await fail(r.line, importMessages.noCode, nis);
				continue;
			}
			if (!status) {
				await fail(r.line, importMessages.badStatus(rawStatus.trim()), nis);
				continue;
			}
			const period = typeof cell.period === 'string' ? periodOf(cell.period) : cell.period;
			if (!period) {
				await fail(r.line, importMessages.badPeriod(String(cell.period)), nis);
				continue;
			}
			const value = raw === '' ? null : parseNumber(raw, decimal);
			if (value !== null && !Number.isFinite(value)) {
				await fail(r.line, importMessages.notNumber(raw), nis);
				continue;
			}
			if (area.validTo && period.start > area.validTo) {
				await fail(r.line, importMessages.ceased(area.name, nis, area.validTo, period.period), nis);
				continue;
			}
			const origin: ObservationOrigin =
				area.validFrom && period.start < area.validFrom ? 'recomputed' : 'supplied';
			const checked = check(ic, value);
			const ce = checked.ce ?? duplicate(checked.ii, area, period, r.line, nis, ic);
			if (ce) summary.errors++;
			else {
				summary.valid++;
				if (!checked.ii) summary.unresolved++;
				if (origin === 'recomputed') summary.recomputed++;
			}
			await push({
				seq: 0,
				line: r.line,
				ic,
				ii: checked.ii,
				nis,
				aid: area.id,
				p: period.period,
				ps: period.start,
				v: value,
				st: status,
				o: origin,
				e: null,
				ce
			});
		}
	};

	try {
		for (const r of sample) await handle(r);
		for (;;) {
			const next = await iterator.next();
			if (next.done) break;
			await handle(next.value);
		}
		await writer.end();
	} catch (e) {
		await writer.abort(e);
		throw e;
	}
	summary.skippedCodes = [...skippedCodes];
	return summary;
}

const col = (layout: TableLayout, i: number | undefined) =>
	i === undefined ? undefined : layout.headers[i];

/** The set-based checks over the staged rows; resets and redoes them for another indicator. */
async function runChecks(db: DbOrTx, importId: string, chosenIndicatorId: string | undefined) {
	await db.execute(sql`
		update monitor_import_rows set check_error = null, indicator_id = null
		where import_id = ${importId} and (check_error is not null or indicator_id is not null)`);
	await db.execute(sql`
		update monitor_import_rows r set indicator_id = i.id from indicators i
		where r.import_id = ${importId} and r.error is null and i.code = r.indicator_code`);
	if (chosenIndicatorId) {
		await db.execute(sql`
			update monitor_import_rows set indicator_id = ${chosenIndicatorId}
			where import_id = ${importId} and error is null and indicator_code is null`);
	}
	await db.execute(sql`
		update monitor_import_rows
		set check_error = format('Onbekende indicator "%s": voeg ze eerst toe aan de catalogus.', indicator_code)
		where import_id = ${importId} and error is null and indicator_id is null and indicator_code is not null`);
	await db.execute(sql`
		update monitor_import_rows r set check_error = case
			when r.value < i.min_value then format('De waarde %s ligt onder het minimum (%s) van indicator "%s".',
				replace(r.value::text, '.', ','), replace(i.min_value::text, '.', ','), i.code)
			else format('De waarde %s ligt boven het maximum (%s) van indicator "%s".',
				replace(r.value::text, '.', ','), replace(i.max_value::text, '.', ','), i.code) end
		from indicators i
		where r.import_id = ${importId} and r.error is null and i.id = r.indicator_id
			and (r.value < i.min_value or r.value > i.max_value)`);
	await db.execute(sql`
		update monitor_import_rows r
		set check_error = format('Dubbele waarde: NIS-code %s, periode %s%s staat ook op regel %s.',
			r.nis_code, r.period, coalesce(', indicator ' || r.indicator_code, ''), d.first)
		from (
			select seq, first_value(line) over w as first, row_number() over w as n
			from monitor_import_rows
			where import_id = ${importId} and error is null and check_error is null
			window w as (partition by coalesce(indicator_id::text, indicator_code, ''), area_id, period
				order by line, seq)
		) d
		where r.import_id = ${importId} and r.seq = d.seq and d.n > 1`);
}

type Counts = { valid: number; errors: number; unresolved: number; recomputed: number };

async function countStaged(db: DbOrTx, importId: string): Promise<Counts> {
	const [c] = await rows<Counts>(
		db,
		sql`select
			count(*) filter (where error is null and check_error is null)::int as valid,
			count(*) filter (where error is not null or check_error is not null)::int as errors,
			count(*) filter (where error is null and check_error is null and indicator_id is null)::int as unresolved,
			count(*) filter (where error is null and check_error is null and origin = 'recomputed')::int as recomputed
		from monitor_import_rows where import_id = ${importId}`
	);
	return c;
}

async function finish(
	db: DbOrTx,
	importId: string,
	summary: ImportSummary,
	chosenIndicatorId: string | undefined
) {
	await runChecks(db, importId, chosenIndicatorId);
	Object.assign(summary, await countStaged(db, importId));
	return record(db, importId, summary);
}

/** Keep what was understood and counted with the import. */
async function record(db: DbOrTx, importId: string, summary: ImportSummary) {
	await db
		.update(monitorImports)
		.set({
			format: summary.format,
			status: summary.errors ? 'failed' : 'staged',
			rows: summary.valid,
			skipped: summary.skipped,
			summary
		})
		.where(eq(monitorImports.id, importId));
	return { importId, summary };
}

/** Choose (another) indicator for a staged file without an indicator column: checks again. */
export async function chooseIndicator(ctx: ServiceContext, importId: string, code: string) {
	authorizeImport(ctx);
	const imp = await loadImport(ctx.db, importId);
	if (imp.status === 'committed') throw new AppError('conflict', importMessages.committed);
	const indicator = code ? await indicatorByCode(ctx.db, code.trim()) : undefined;
	if (!indicator) {
		const message = code ? importMessages.unknownIndicator(code) : importMessages.noIndicator;
		throw new AppError('invalid_input', message, { indicator: [message] });
	}
	const summary = { ...(imp.summary as ImportSummary), indicatorCode: indicator.code };
	return finish(ctx.db, importId, summary, indicator.id);
}

async function loadImport(db: DbOrTx, importId: string) {
	const [imp] = await db.select().from(monitorImports).where(eq(monitorImports.id, importId));
	if (!imp) throw new AppError('not_found', importMessages.notFound);
	return imp;
}

/** The import, what was understood, its first rows as they will be stored, and its errors. */
export async function importPreview(ctx: ServiceContext, importId: string, locale = ctx.locale) {
	authorizeImport(ctx);
	const imp = await loadImport(ctx.db, importId);
	const first = await ctx.db
		.select({
			line: monitorImportRows.line,
			nisCode: monitorImportRows.nisCode,
			areaName: areas.name,
			indicatorCode: sql<
				string | null
			>`coalesce(${indicators.code}, ${monitorImportRows.indicatorCode})`,
			period: monitorImportRows.period,
			value: monitorImportRows.value,
			status: monitorImportRows.status,
			origin: monitorImportRows.origin
		})
		.from(monitorImportRows)
		.leftJoin(areas, eq(areas.id, monitorImportRows.areaId))
		.leftJoin(indicators, eq(indicators.id, monitorImportRows.indicatorId))
		.where(
			and(
				eq(monitorImportRows.importId, importId),
				isNull(monitorImportRows.error),
				isNull(monitorImportRows.checkError)
			)
		)
		.orderBy(asc(monitorImportRows.seq))
		.limit(10);
	const errors = await importErrors(ctx.db, importId, PREVIEW_ERRORS);
	return {
		import: imp,
		summary: imp.summary as ImportSummary,
		firstRows: first.map((r) => ({
			...r,
			areaName: r.areaName?.[locale] ?? r.areaName?.nl ?? '',
			periodLabel: r.period ? periodLabel(r.period, locale) : ''
		})),
		errors
	};
}

/** The errors of an import by line (all of them without a limit). */
export async function importErrors(db: DbOrTx, importId: string, limit?: number) {
	const q = db
		.select({
			line: monitorImportRows.line,
			message: sql<string>`coalesce(${monitorImportRows.error}, ${monitorImportRows.checkError})`
		})
		.from(monitorImportRows)
		.where(
			and(
				eq(monitorImportRows.importId, importId),
				or(isNotNull(monitorImportRows.error), isNotNull(monitorImportRows.checkError))
			)
		)
		.orderBy(asc(monitorImportRows.line), asc(monitorImportRows.seq));
	return limit ? q.limit(limit) : q;
}

/**
 * Every error as CSV (UTF-8 with BOM, `;`): regel;fout. A route in another language passes its
 * header and the translation of the (Dutch) messages.
 */
export async function importErrorsCsv(
	ctx: ServiceContext,
	importId: string,
	options: { header?: string; message?: (dutch: string) => string } = {}
): Promise<string> {
	authorizeImport(ctx);
	await loadImport(ctx.db, importId);
	const list = await importErrors(ctx.db, importId);
	const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
	const message = options.message ?? ((m: string) => m);
	return (
		`\uFEFF${options.header ?? 'regel;fout'}\r\n` +
		list.map((e) => `${e.line};${quote(message(e.message))}\r\n`).join('')
	);
}

export type CommitResult = {
	importId: string;
	inserted: number;
	updated: number;
	unchanged: number;
	skipped: number;
	commitMs: number;
};

/**
 * Commit a staged import in one short transaction (upsert from staging on the natural key;
 * only changed values are written), then recompute the touched indicators' aggregates.
 * Observed in streek_import_duration_seconds{kind="monitor"}.
 */
export function commitImport(ctx: ServiceContext, importId: string): Promise<CommitResult> {
	return timedImport(
		'monitor',
		() => commitStaged(ctx, importId),
		(r) => r.inserted + r.updated + r.unchanged
	);
}

async function commitStaged(ctx: ServiceContext, importId: string): Promise<CommitResult> {
	authorizeImport(ctx);
	const imp = await loadImport(ctx.db, importId);
	if (imp.status === 'committed') throw new AppError('conflict', importMessages.committed);
	const summary = imp.summary as ImportSummary;
	if (imp.status === 'failed' || summary.errors) {
		throw new AppError('invalid_input', importMessages.hasErrors(summary.errors));
	}
	if (summary.unresolved) {
		throw new AppError('invalid_input', importMessages.noIndicator, {
			indicator: [importMessages.noIndicator]
		});
	}
	if (!summary.valid) throw new AppError('invalid_input', importMessages.nothing);
	const started = performance.now();
	const result = await mutate(ctx, async (tx) => {
		const [locked] = await rows<{ status: string }>(
			tx,
			sql`select status from monitor_imports where id = ${importId} for update`
		);
		if (locked?.status !== 'staged') throw new AppError('conflict', importMessages.committed);
		// The staging table is UNLOGGED: PostgreSQL empties it after a crash or an immediate stop.
		// Committing from what is left would report the file as imported ("unchanged").
		const [staged] = await rows<{ n: number }>(
			tx,
			sql`select count(*)::int as n from monitor_import_rows
				where import_id = ${importId} and error is null and check_error is null`
		);
		if (staged.n !== summary.valid) throw new AppError('unavailable', importMessages.stagingLost);
		// Imports commit one at a time. Changed values are updated first, then the new ones are
		// inserted (the rows just compared are skipped by the key): no per-row update path and no
		// anti-join, which keeps a large import near the speed of a COPY.
		await tx.execute(sql`select pg_advisory_xact_lock(${COMMIT_LOCK})`);
		const [updated] = await rows<{ n: number }>(
			tx,
			sql`with up as (
				update observations o set
					period_start = s.period_start, value = s.value, status = s.status, origin = s.origin,
					import_id = s.import_id, is_example = false, updated_at = now()
				from monitor_import_rows s
				where s.import_id = ${importId} and o.indicator_id = s.indicator_id
					and o.area_id = s.area_id and o.period = s.period
					and (o.value, o.status, o.origin, o.is_example)
						is distinct from (s.value, s.status, s.origin, false)
				returning 1
			) select count(*)::int as n from up`
		);
		const [inserted] = await rows<{ n: number }>(
			tx,
			sql`with ins as (
				insert into observations
					(indicator_id, area_id, period, period_start, value, status, origin, import_id, is_example, updated_at)
				select s.indicator_id, s.area_id, s.period, s.period_start, s.value, s.status, s.origin,
					s.import_id, false, now()
				from monitor_import_rows s
				where s.import_id = ${importId}
				on conflict (indicator_id, area_id, period) do nothing
				returning 1
			) select count(*)::int as n from ins`
		);
		const counts = { inserted: inserted.n, updated: updated.n };
		const [ids] = await rows<{ ids: string[] | null }>(
			tx,
			sql`select array_agg(distinct indicator_id)::text[] as ids from monitor_import_rows where import_id = ${importId}`
		);
		await tx.delete(monitorImportRows).where(eq(monitorImportRows.importId, importId));
		const unchanged = summary.valid - counts.inserted - counts.updated;
		const commitMs = Math.round(performance.now() - started);
		const changed = counts.inserted + counts.updated > 0;
		await tx
			.update(monitorImports)
			.set({
				status: 'committed',
				inserted: counts.inserted,
				updated: counts.updated,
				unchanged,
				commitMs,
				// Until the aggregates are recomputed (after this transaction): a crash before that
				// leaves the marker, and the next start recomputes them (recovery.ts).
				...(changed
					? {
							summary: sql`coalesce(${monitorImports.summary}, '{}'::jsonb) || ${JSON.stringify(aggregatesPending(ids?.ids ?? []))}::jsonb`
						}
					: {})
			})
			.where(eq(monitorImports.id, importId));
		const out = {
			importId,
			inserted: counts.inserted,
			updated: counts.updated,
			unchanged,
			skipped: imp.skipped,
			commitMs,
			indicatorIds: ids?.ids ?? []
		};
		return {
			result: out,
			audit: {
				action: 'monitor.import',
				recordType: 'monitor_import',
				recordId: importId,
				changes: {
					fileName: { after: imp.fileName },
					inserted: { after: out.inserted },
					updated: { after: out.updated },
					unchanged: { after: out.unchanged },
					skipped: { after: out.skipped }
				}
			}
		};
	});
	const { indicatorIds, ...commit } = result;
	if (commit.inserted + commit.updated > 0) {
		await recomputeAggregates(ctx.db, { indicatorIds });
		await ctx.db.execute(
			sql`update monitor_imports set summary = summary - ${PENDING_KEY}::text where id = ${importId}`
		);
	}
	return commit;
}

/** Stage and, without errors (and unless a dry run), commit: the CLI and the API. */
export async function importAll(
	ctx: ServiceContext,
	staged: Promise<{ importId: string; summary: ImportSummary }>,
	options: { dryRun?: boolean } = {}
) {
	const { importId, summary } = await staged;
	if (summary.errors || summary.unresolved || options.dryRun || !summary.valid) {
		const errors = await importErrors(ctx.db, importId);
		// Without a preview page to show them, the errors are returned and nothing is kept.
		await dropImport(ctx.db, importId);
		return { importId, summary, errors, committed: null };
	}
	// Without a preview to come back to, an import whose process dies before the commit is failed
	// at the next start (recovery.ts) instead of staying staged.
	await ctx.db.execute(
		sql`update monitor_imports set summary = summary || ${JSON.stringify(committingMarker())}::jsonb
			where id = ${importId}`
	);
	return { importId, summary, errors: [], committed: await commitImport(ctx, importId) };
}
