/**
 * A whole plan in and out of a spreadsheet: themes, objectives, measures and actions, one row per
 * node, keyed on the nodes' stable external ids. XLSX and CSV have THE SAME COLUMNS
 * (`planColumns`) both ways, so a plan kept in Excel can move in and out. CSV follows the other
 * exports (Belgian Excel): UTF-8 with a BOM, `;`, CRLF, numbers with a decimal comma; XLSX holds
 * numbers as numbers and everything else as text.
 *
 * Import reads either format (recognised by the content), validates every row and lists every
 * error with its line in Dutch; with any error nothing is saved. Otherwise the plan's tree is
 * replaced in one transaction: nodes whose external id exists are updated, new ones inserted,
 * the ones missing from the file deleted (with their updates). Milestones, partners and
 * intermediate targets of the nodes in the file are replaced. Audited as `plan.import`.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	areas,
	bodies,
	indicators,
	organisations,
	people,
	planActionPartners,
	planItems,
	planMeasures,
	planMeasureTargets,
	planMilestones,
	plans,
	type PlanItemKind
} from '../db/schema';
import { AppError, notFound } from '../errors';
import { guardFormula, unguardFormula } from '../exchange/csv';
import { ImportRefused } from '../exchange/exchange.service';
import { timedImport } from '../metrics/metrics';
import { parsePeriod } from '../monitor/periods';
import { canKeepPlan, authorizePlan } from './plans.policy';

/** The one column list: export writes these, import reads exactly these (in any order). */
export const planColumns = [
	'type',
	'external_id',
	'parent_external_id',
	'position',
	'title',
	'description',
	'challenge',
	'priority',
	'weight',
	'lead_organisation',
	'partners',
	'owner',
	'start_date',
	'due_date',
	'budget_planned',
	'budget_spent',
	'progress',
	'milestones',
	'indicator',
	'area',
	'baseline_value',
	'baseline_period',
	'target_value',
	'target_period',
	'intermediate_targets',
	'direction',
	'trajectory'
] as const;
export type PlanColumn = (typeof planColumns)[number];
/** A row as text, exactly as written to or read from a file (numbers with a decimal comma). */
export type PlanLine = Record<PlanColumn, string>;
export type PlanFileRow = { line: number; values: PlanLine };
export type RowError = { line: number; message: string };

const numberColumns: PlanColumn[] = [
	'position',
	'weight',
	'budget_planned',
	'budget_spent',
	'progress',
	'baseline_value',
	'target_value'
];

export const nodeTypes = {
	theme: 'thema',
	objective: 'doelstelling',
	measure: 'maatregel',
	action: 'actie'
} as const;
type NodeType = keyof typeof nodeTypes;
const typeOf = new Map<string, NodeType>(
	Object.entries(nodeTypes).map(([k, v]) => [v, k as NodeType])
);

export const SHEET = 'Plan';

// ---------------------------------------------------------------------------------------------
// Export

/** A number as the files write it: decimal comma, no thousands separator. */
const num = (n: number | null | undefined) =>
	n === null || n === undefined ? '' : String(n).replace('.', ',');

const emptyLine = (): PlanLine => Object.fromEntries(planColumns.map((c) => [c, ''])) as PlanLine;

/** The rows of a plan, depth-first: each objective followed by its measures, then its children. */
export async function planLines(db: DbOrTx, planId: string): Promise<PlanLine[]> {
	const items = await db
		.select({
			item: planItems,
			lead: organisations.slug,
			owner: people.email
		})
		.from(planItems)
		.leftJoin(organisations, eq(organisations.id, planItems.leadOrganisationId))
		.leftJoin(people, eq(people.id, planItems.ownerPersonId))
		.where(eq(planItems.planId, planId));
	const ids = items.map((i) => i.item.id);
	const [partners, milestones, measures] = ids.length
		? await Promise.all([
				db
					.select({ itemId: planActionPartners.itemId, slug: organisations.slug })
					.from(planActionPartners)
					.innerJoin(organisations, eq(organisations.id, planActionPartners.organisationId))
					.where(inArray(planActionPartners.itemId, ids)),
				db
					.select()
					.from(planMilestones)
					.where(inArray(planMilestones.itemId, ids))
					.orderBy(planMilestones.position, planMilestones.dueDate),
				db
					.select({
						m: planMeasures,
						code: indicators.code,
						nis: areas.nisCode,
						slug: areas.slug
					})
					.from(planMeasures)
					.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
					.innerJoin(areas, eq(areas.id, planMeasures.areaId))
					.where(inArray(planMeasures.itemId, ids))
			])
		: [[], [], []];
	const measureIds = measures.map((m) => m.m.id);
	const targets = measureIds.length
		? await db
				.select()
				.from(planMeasureTargets)
				.where(inArray(planMeasureTargets.measureId, measureIds))
		: [];

	const byParent = new Map<string | null, typeof items>();
	for (const i of items) {
		const list = byParent.get(i.item.parentId) ?? [];
		list.push(i);
		byParent.set(i.item.parentId, list);
	}
	const order = (a: { position: number; externalId: string }, b: typeof a) =>
		a.position - b.position || a.externalId.localeCompare(b.externalId);
	const externalOf = new Map(items.map((i) => [i.item.id, i.item.externalId]));
	const out: PlanLine[] = [];

	const visit = (row: (typeof items)[number]) => {
		const i = row.item;
		const line = emptyLine();
		Object.assign(line, {
			type: nodeTypes[i.kind],
			external_id: i.externalId,
			parent_external_id: i.parentId ? (externalOf.get(i.parentId) ?? '') : '',
			position: num(i.position),
			title: i.title,
			description: i.description,
			challenge: i.challenge,
			priority: i.isPriority ? 'ja' : 'nee',
			weight: num(i.weight)
		});
		if (i.kind === 'action') {
			Object.assign(line, {
				lead_organisation: row.lead ?? '',
				partners: partners
					.filter((p) => p.itemId === i.id)
					.map((p) => p.slug)
					.sort()
					.join(', '),
				owner: row.owner ?? '',
				start_date: i.startDate ?? '',
				due_date: i.dueDate ?? '',
				budget_planned: num(i.budgetPlanned),
				budget_spent: num(i.budgetSpent),
				progress: num(i.progress),
				milestones: milestones
					.filter((m) => m.itemId === i.id)
					.map((m) => `${m.dueDate} ${m.title}${m.doneOn ? ` (klaar ${m.doneOn})` : ''}`)
					.join('; ')
			});
		}
		out.push(line);
		for (const { m, code, nis, slug } of measures
			.filter((x) => x.m.itemId === i.id)
			.sort((a, b) => order(a.m, b.m))) {
			const l = emptyLine();
			Object.assign(l, {
				type: nodeTypes.measure,
				external_id: m.externalId,
				parent_external_id: i.externalId,
				position: num(m.position),
				weight: num(m.weight),
				indicator: code,
				area: nis ?? slug,
				baseline_value: num(m.baselineValue),
				baseline_period: m.baselinePeriod,
				target_value: num(m.targetValue),
				target_period: m.targetPeriod,
				intermediate_targets: targets
					.filter((t) => t.measureId === m.id)
					.sort((a, b) => a.periodStart.localeCompare(b.periodStart))
					.map((t) => `${t.period}=${num(t.value)}`)
					.join('; '),
				direction: m.direction,
				trajectory: m.trajectory
			});
			out.push(l);
		}
		for (const child of (byParent.get(i.id) ?? []).sort((a, b) => order(a.item, b.item)))
			visit(child);
	};
	for (const theme of (byParent.get(null) ?? []).sort((a, b) => order(a.item, b.item)))
		visit(theme);
	return out;
}

const numeric = /^-?\d+(,\d+)?$/;

/** CSV as Belgian Excel opens it: BOM, `;`, CRLF, formula-guarded text (numbers left alone). */
export function planCsv(lines: PlanLine[]): string {
	return (
		'\uFEFF' +
		stringify(
			lines.map((l) => planColumns.map((c) => (numeric.test(l[c]) ? l[c] : guardFormula(l[c])))),
			{ header: true, columns: [...planColumns], delimiter: ';', record_delimiter: '\r\n' }
		)
	);
}

/** One sheet, the columns as a header row; numbers as numbers, the rest as text. */
export async function planXlsx(lines: PlanLine[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Streekplatform';
	const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = planColumns.map((c) => ({
		header: c,
		key: c,
		width: ['title', 'description', 'challenge', 'milestones'].includes(c) ? 40 : 14,
		style: numberColumns.includes(c) ? {} : { numFmt: '@' }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const l of lines)
		sheet.addRow(
			planColumns.map((c) =>
				numberColumns.includes(c) && numeric.test(l[c]) ? Number(l[c].replace(',', '.')) : l[c]
			)
		);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type PlanExport = { filename: string; contentType: string; body: Buffer };

/**
 * A plan as a file; a public plan for anyone (without its owners' e-mail addresses), otherwise for
 * those who keep it.
 */
export async function exportPlan(
	ctx: ServiceContext,
	input: { planSlug: string; format: 'xlsx' | 'csv' }
): Promise<PlanExport> {
	const [plan] = await ctx.db.select().from(plans).where(eq(plans.slug, input.planSlug));
	if (!plan) throw notFound('Dit plan bestaat niet.');
	if (!plan.isPublic) authorizePlan(ctx, plan);
	// Owners are people: their e-mail addresses go only to those who keep the plan.
	const keeper = canKeepPlan(ctx.principal, plan);
	const lines = (await planLines(ctx.db, plan.id)).map((l) => (keeper ? l : { ...l, owner: '' }));
	return input.format === 'xlsx'
		? {
				filename: `${plan.slug}.xlsx`,
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				body: await planXlsx(lines)
			}
		: {
				filename: `${plan.slug}.csv`,
				contentType: 'text/csv; charset=utf-8',
				body: Buffer.from(planCsv(lines), 'utf8')
			};
}

// ---------------------------------------------------------------------------------------------
// Reading a file

export const fileMessages = {
	empty: 'Het bestand is leeg.',
	badCsv: (line: number) =>
		`Het CSV-bestand is niet leesbaar vanaf regel ${line} (controleer de aanhalingstekens).`,
	badXlsx: 'Dit is geen leesbaar Excel-bestand (.xlsx).',
	noSheet: 'Het Excel-bestand bevat geen werkblad.',
	missingColumns: (c: string[]) => `Ontbrekende kolommen: ${c.join(', ')}.`,
	unknownColumns: (c: string[]) =>
		`Onbekende kolommen: ${c.join(', ')}. Gebruik de kolommen van de export.`,
	duplicateColumns: (c: string[]) => `Dubbele kolommen: ${c.join(', ')}.`,
	formula: (cells: string[]) => `Formule in cel ${cells.join(', ')}: vervang formules door waarden.`
};

const isXlsx = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(cell: ExcelJS.Cell): string {
	const v = cell.value;
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return num(v);
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean') return v ? 'ja' : 'nee';
	if (v instanceof Date)
		return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
	if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
	return cell.text ?? '';
}

function rowsFrom(head: string[], body: { line: number; cells: string[] }[]) {
	const errors: RowError[] = [];
	const names = head.map((h) => h.trim().toLowerCase());
	const missing = planColumns.filter((c) => !names.includes(c));
	const unknown = names.filter((n) => n && !(planColumns as readonly string[]).includes(n));
	const duplicate = names.filter((n, i) => n && names.indexOf(n) !== i);
	if (missing.length) errors.push({ line: 1, message: fileMessages.missingColumns(missing) });
	if (unknown.length) errors.push({ line: 1, message: fileMessages.unknownColumns(unknown) });
	if (duplicate.length) errors.push({ line: 1, message: fileMessages.duplicateColumns(duplicate) });
	if (errors.length) return { rows: [], errors };
	const rows = body
		.filter((r) => r.cells.some((c) => c.trim() !== ''))
		.map((r) => {
			const values = emptyLine();
			names.forEach((n, i) => {
				if (n) values[n as PlanColumn] = (r.cells[i] ?? '').trim();
			});
			return { line: r.line, values };
		});
	return { rows, errors };
}

/** Read an export (or a hand-made file) of either format; the format is told by the content. */
export async function readPlanFile(
	bytes: Uint8Array
): Promise<{ format: 'xlsx' | 'csv'; rows: PlanFileRow[]; errors: RowError[] }> {
	if (!bytes.length)
		return { format: 'csv', rows: [], errors: [{ line: 1, message: fileMessages.empty }] };
	if (isXlsx(bytes)) {
		const workbook = new ExcelJS.Workbook();
		try {
			await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		} catch {
			return { format: 'xlsx', rows: [], errors: [{ line: 1, message: fileMessages.badXlsx }] };
		}
		const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
		if (!sheet)
			return { format: 'xlsx', rows: [], errors: [{ line: 1, message: fileMessages.noSheet }] };
		const errors: RowError[] = [];
		const lines: { line: number; cells: string[] }[] = [];
		const width = Math.max(sheet.columnCount, planColumns.length);
		sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
			const formulas: string[] = [];
			const cells: string[] = [];
			for (let col = 1; col <= width; col++) {
				const cell = row.getCell(col);
				const formula = cell.type === ExcelJS.ValueType.Formula || Boolean(cell.formula);
				if (formula) formulas.push(cell.address);
				cells.push(formula ? '' : cellText(cell));
			}
			if (formulas.length)
				errors.push({ line: rowNumber, message: fileMessages.formula(formulas) });
			lines.push({ line: rowNumber, cells });
		});
		const [head, ...body] = lines;
		if (!head)
			return { format: 'xlsx', rows: [], errors: [{ line: 1, message: fileMessages.empty }] };
		const read = rowsFrom(head.cells, body);
		return { format: 'xlsx', rows: read.rows, errors: [...errors, ...read.errors] };
	}
	const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter,
			info: true,
			relax_column_count: true,
			skip_empty_lines: false
		}) as unknown as typeof records;
	} catch (e) {
		const line = (e as { lines?: number }).lines ?? 1;
		return { format: 'csv', rows: [], errors: [{ line, message: fileMessages.badCsv(line) }] };
	}
	// A record starts on the line after the previous one ended (a quoted cell may span lines).
	const lines = records.map((r, i) => ({
		line: i === 0 ? 1 : records[i - 1].info.lines + 1,
		cells: r.record.map((c) => unguardFormula(c))
	}));
	const [head, ...body] = lines;
	if (!head) return { format: 'csv', rows: [], errors: [{ line: 1, message: fileMessages.empty }] };
	return { format: 'csv', ...rowsFrom(head.cells, body) };
}

// ---------------------------------------------------------------------------------------------
// Validation

export const rowMessages = {
	badType: (v: string) => `Onbekend type „${v}”: gebruik thema, doelstelling, maatregel of actie.`,
	noExternalId: 'De kolom external_id is leeg.',
	notForType: (col: string, type: string) =>
		`De kolom ${col} hoort niet bij een ${type}: laat die leeg.`,
	duplicateId: (id: string, line: number) =>
		`De external_id „${id}” komt al voor op regel ${line}.`,
	themeParent: 'Een thema staat bovenaan: laat parent_external_id leeg.',
	noParent: (type: string) =>
		`Een ${type} heeft een bovenliggend onderdeel nodig (parent_external_id).`,
	missingParent: (id: string) => `De bovenliggende external_id „${id}” staat niet in het bestand.`,
	wrongParent: (type: string, allowed: string) => `Een ${type} hoort onder een ${allowed}.`,
	cycle: (id: string) => `De doelstelling „${id}” ligt in een kring van bovenliggende onderdelen.`,
	noTitle: 'De titel (title) is leeg.',
	badNumber: (col: string, v: string) => `„${v}” in ${col} is geen getal.`,
	badInteger: (col: string, v: string) => `„${v}” in ${col} is geen geheel getal.`,
	negativePosition: 'De positie (position) mag niet negatief zijn.',
	negativeWeight: (v: string) => `Het gewicht (weight) mag niet negatief zijn (nu ${v}).`,
	negativeBudget: (col: string) => `Het budget (${col}) mag niet negatief zijn.`,
	badProgress: (v: string) => `De voortgang (progress) moet tussen 0 en 100 liggen (nu ${v}).`,
	badPriority: (v: string) => `„${v}” in priority: gebruik ja of nee.`,
	badDate: (col: string, v: string) =>
		`„${v}” in ${col} is geen geldige datum (gebruik JJJJ-MM-DD).`,
	dueBeforeStart: 'De einddatum (due_date) ligt vóór de startdatum (start_date).',
	unknownOrganisation: (col: string, slug: string) => `Onbekende organisatie „${slug}” in ${col}.`,
	unknownPerson: (email: string) => `Onbekende persoon met e-mailadres „${email}” in owner.`,
	badMilestone: (v: string) =>
		`Mijlpaal „${v}” niet leesbaar: schrijf „JJJJ-MM-DD titel” of „JJJJ-MM-DD titel (klaar JJJJ-MM-DD)”, gescheiden door „;”.`,
	required: (col: string) => `De kolom ${col} is verplicht voor een maatregel.`,
	unknownIndicator: (code: string) => `Onbekende indicator „${code}”.`,
	unknownArea: (area: string) =>
		`Onbekend gebied „${area}”: gebruik een NIS-code of de slug van een regio.`,
	badPeriod: (col: string, v: string) =>
		`„${v}” in ${col} is geen periode (bijvoorbeeld 2025, 2025-Q1, 2025-03).`,
	targetBeforeBaseline:
		'De doelperiode (target_period) moet na de nulmeting (baseline_period) liggen.',
	badIntermediate: (v: string) =>
		`Tussentijds doel „${v}” niet leesbaar: schrijf „periode=waarde”, gescheiden door „;” (bijvoorbeeld 2023=66; 2025=69).`,
	intermediateOutside: (p: string) =>
		`Het tussentijdse doel voor ${p} ligt niet tussen de nulmeting en de doelperiode.`,
	badDirection: (v: string) => `„${v}” in direction: gebruik higher_better of lower_better.`,
	noDirection: (code: string) =>
		`De indicator „${code}” heeft geen richting: vul direction in (higher_better of lower_better).`,
	badTrajectory: (v: string) => `„${v}” in trajectory: gebruik linear of stepped.`
};

type ItemNode = {
	line: number;
	kind: PlanItemKind;
	externalId: string;
	parent: string | null;
	position: number | null;
	title: string;
	description: string;
	challenge: string;
	isPriority: boolean;
	weight: number;
	lead: string | null;
	partners: string[];
	owner: string | null;
	startDate: string | null;
	dueDate: string | null;
	budgetPlanned: number | null;
	budgetSpent: number | null;
	progress: number;
	milestones: { title: string; dueDate: string; doneOn: string | null }[];
};
type MeasureNode = {
	line: number;
	externalId: string;
	parent: string;
	position: number | null;
	weight: number;
	indicator: string;
	area: string;
	baselineValue: number;
	baselinePeriod: string;
	baselinePeriodStart: string;
	targetValue: number;
	targetPeriod: string;
	targetPeriodStart: string;
	intermediate: { period: string; periodStart: string; value: number }[];
	direction: 'higher_better' | 'lower_better' | null;
	trajectory: 'linear' | 'stepped';
};

const parseNumber = (v: string) => {
	const s = v.replace(/[\s\u00a0]/g, '');
	return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : null;
};
const parseDate = (v: string) => {
	const p = parsePeriod(v);
	return p?.kind === 'date' ? p.start : null;
};
const priorities: Record<string, boolean> = {
	ja: true,
	nee: false,
	'': false,
	yes: true,
	no: false
};
const directions: Record<string, 'higher_better' | 'lower_better'> = {
	higher_better: 'higher_better',
	lower_better: 'lower_better',
	hoger: 'higher_better',
	lager: 'lower_better'
};
const trajectoryNames: Record<string, 'linear' | 'stepped'> = {
	'': 'linear',
	linear: 'linear',
	stepped: 'stepped',
	lineair: 'linear',
	trapsgewijs: 'stepped'
};
const common: PlanColumn[] = ['type', 'external_id', 'parent_external_id', 'position', 'weight'];
const itemColumns: PlanColumn[] = [...common, 'title', 'description', 'challenge', 'priority'];
const actionColumns: PlanColumn[] = planColumns.slice(
	planColumns.indexOf('lead_organisation'),
	planColumns.indexOf('milestones') + 1
);
const measureColumns: PlanColumn[] = planColumns.slice(planColumns.indexOf('indicator'));
/** The columns a row of each type may fill; the others stay empty. */
const columnsOf: Record<NodeType, Set<PlanColumn>> = {
	theme: new Set(itemColumns),
	objective: new Set(itemColumns),
	action: new Set([...itemColumns, ...actionColumns]),
	measure: new Set([...common, ...measureColumns])
};
const allowedParents: Record<NodeType, NodeType[]> = {
	theme: [],
	objective: ['theme', 'objective'],
	measure: ['objective'],
	action: ['objective']
};

/** Each row on its own: types, numbers, dates, ranges. */
function checkRows(rows: PlanFileRow[]) {
	const errors: RowError[] = [];
	const items: ItemNode[] = [];
	const measures: MeasureNode[] = [];
	for (const { line, values: v } of rows) {
		const fail = (message: string) => errors.push({ line, message });
		const type = typeOf.get(v.type.toLowerCase());
		if (!type) {
			fail(rowMessages.badType(v.type));
			continue;
		}
		if (!v.external_id) fail(rowMessages.noExternalId);
		const number = (col: PlanColumn, fallback: number | null): number | null => {
			if (v[col] === '') return fallback;
			const n = parseNumber(v[col]);
			if (n === null) fail(rowMessages.badNumber(col, v[col]));
			return n;
		};
		let position = number('position', null);
		if (position !== null && !Number.isInteger(position)) {
			fail(rowMessages.badInteger('position', v.position));
			position = null;
		} else if (position !== null && position < 0) fail(rowMessages.negativePosition);
		const weight = number('weight', 1) ?? 1;
		if (weight < 0) fail(rowMessages.negativeWeight(v.weight));
		if (type === 'theme' && v.parent_external_id) fail(rowMessages.themeParent);
		for (const col of planColumns)
			if (v[col] && !columnsOf[type].has(col)) fail(rowMessages.notForType(col, nodeTypes[type]));
		if (type !== 'theme' && !v.parent_external_id) fail(rowMessages.noParent(nodeTypes[type]));

		if (type === 'measure') {
			for (const col of [
				'indicator',
				'area',
				'baseline_value',
				'baseline_period',
				'target_value',
				'target_period'
			] as const)
				if (!v[col]) fail(rowMessages.required(col));
			const baseline = v.baseline_period ? parsePeriod(v.baseline_period) : null;
			const target = v.target_period ? parsePeriod(v.target_period) : null;
			if (v.baseline_period && !baseline)
				fail(rowMessages.badPeriod('baseline_period', v.baseline_period));
			if (v.target_period && !target) fail(rowMessages.badPeriod('target_period', v.target_period));
			if (baseline && target && target.start <= baseline.start)
				fail(rowMessages.targetBeforeBaseline);
			const intermediate: MeasureNode['intermediate'] = [];
			for (const part of v.intermediate_targets
				.split(';')
				.map((s) => s.trim())
				.filter(Boolean)) {
				const m = /^(.+?)\s*=\s*(.+)$/.exec(part);
				const period = m ? parsePeriod(m[1]) : null;
				const value = m ? parseNumber(m[2]) : null;
				if (!period || value === null) {
					fail(rowMessages.badIntermediate(part));
					continue;
				}
				if (baseline && target && (period.start <= baseline.start || period.start >= target.start))
					fail(rowMessages.intermediateOutside(period.period));
				intermediate.push({ period: period.period, periodStart: period.start, value });
			}
			const direction = v.direction ? directions[v.direction.toLowerCase()] : null;
			if (v.direction && !direction) fail(rowMessages.badDirection(v.direction));
			const trajectory = trajectoryNames[v.trajectory.toLowerCase()];
			if (!trajectory) fail(rowMessages.badTrajectory(v.trajectory));
			measures.push({
				line,
				externalId: v.external_id,
				parent: v.parent_external_id,
				position,
				weight,
				indicator: v.indicator,
				area: v.area,
				baselineValue: number('baseline_value', 0) ?? 0,
				baselinePeriod: baseline?.period ?? '',
				baselinePeriodStart: baseline?.start ?? '',
				targetValue: number('target_value', 0) ?? 0,
				targetPeriod: target?.period ?? '',
				targetPeriodStart: target?.start ?? '',
				intermediate,
				direction: direction ?? null,
				trajectory: trajectory ?? 'linear'
			});
			continue;
		}

		if (!v.title) fail(rowMessages.noTitle);
		const isPriority = priorities[v.priority.toLowerCase()];
		if (isPriority === undefined) fail(rowMessages.badPriority(v.priority));
		const date = (col: 'start_date' | 'due_date') => {
			if (!v[col]) return null;
			const d = parseDate(v[col]);
			if (!d) fail(rowMessages.badDate(col, v[col]));
			return d;
		};
		const startDate = date('start_date');
		const dueDate = date('due_date');
		if (startDate && dueDate && dueDate < startDate) fail(rowMessages.dueBeforeStart);
		const budgetPlanned = number('budget_planned', null);
		const budgetSpent = number('budget_spent', null);
		if (budgetPlanned !== null && budgetPlanned < 0)
			fail(rowMessages.negativeBudget('budget_planned'));
		if (budgetSpent !== null && budgetSpent < 0) fail(rowMessages.negativeBudget('budget_spent'));
		const progress = number('progress', 0) ?? 0;
		if (progress < 0 || progress > 100 || !Number.isInteger(progress))
			fail(rowMessages.badProgress(v.progress));
		const milestones: ItemNode['milestones'] = [];
		for (const part of v.milestones
			.split(';')
			.map((s) => s.trim())
			.filter(Boolean)) {
			const m = /^(\S+)\s+(.+?)(?:\s+\(klaar\s+(\S+)\))?$/.exec(part);
			const due = m ? parseDate(m[1]) : null;
			const done = m?.[3] ? parseDate(m[3]) : null;
			if (!m || !due || (m[3] && !done)) {
				fail(rowMessages.badMilestone(part));
				continue;
			}
			milestones.push({ title: m[2], dueDate: due, doneOn: done });
		}
		items.push({
			line,
			kind: type,
			externalId: v.external_id,
			parent: v.parent_external_id || null,
			position,
			title: v.title,
			description: v.description,
			challenge: v.challenge,
			isPriority: isPriority ?? false,
			weight,
			lead: v.lead_organisation || null,
			partners: v.partners
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
			owner: v.owner || null,
			startDate,
			dueDate,
			budgetPlanned,
			budgetSpent,
			progress,
			milestones
		});
	}
	return { errors, items, measures };
}

/** The tree: unique ids, parents present and of the right type, no cycles. */
function checkTree(rows: PlanFileRow[], items: ItemNode[], measures: MeasureNode[]): RowError[] {
	const errors: RowError[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, values } of rows) {
		const id = values.external_id;
		if (!id) continue;
		const seen = firstLine.get(id);
		if (seen !== undefined) errors.push({ line, message: rowMessages.duplicateId(id, seen) });
		else firstLine.set(id, line);
	}
	const kindOf = new Map<string, NodeType>();
	for (const i of items) if (!kindOf.has(i.externalId)) kindOf.set(i.externalId, i.kind);
	for (const m of measures) if (!kindOf.has(m.externalId)) kindOf.set(m.externalId, 'measure');
	const parentOf = new Map(items.map((i) => [i.externalId, i.parent]));
	const nodes: { line: number; type: NodeType; id: string; parent: string | null }[] = [
		...items.map((i) => ({
			line: i.line,
			type: i.kind as NodeType,
			id: i.externalId,
			parent: i.parent
		})),
		...measures.map((m) => ({
			line: m.line,
			type: 'measure' as const,
			id: m.externalId,
			parent: m.parent || null
		}))
	];
	for (const n of nodes) {
		if (!n.parent || n.type === 'theme') continue;
		const parentKind = kindOf.get(n.parent);
		if (!parentKind) {
			errors.push({ line: n.line, message: rowMessages.missingParent(n.parent) });
			continue;
		}
		const allowed = allowedParents[n.type];
		if (!allowed.includes(parentKind)) {
			errors.push({
				line: n.line,
				message: rowMessages.wrongParent(
					nodeTypes[n.type],
					allowed.map((a) => nodeTypes[a]).join(' of ')
				)
			});
			continue;
		}
		if (n.type === 'objective') {
			const seen = new Set([n.id]);
			let up: string | null = n.parent;
			while (up && kindOf.get(up) === 'objective') {
				if (seen.has(up)) {
					errors.push({ line: n.line, message: rowMessages.cycle(n.id) });
					break;
				}
				seen.add(up);
				up = parentOf.get(up) ?? null;
			}
		}
	}
	return errors;
}

type Refs = {
	organisations: Map<string, string>;
	people: Map<string, string>;
	indicators: Map<string, { id: string; direction: string | null }>;
	areas: Map<string, string>;
};

/** Look up the organisations, people, indicators and areas the rows name. */
async function resolveRefs(db: DbOrTx, items: ItemNode[], measures: MeasureNode[]): Promise<Refs> {
	const orgSlugs = [...new Set(items.flatMap((i) => [...(i.lead ? [i.lead] : []), ...i.partners]))];
	const emails = [...new Set(items.flatMap((i) => (i.owner ? [i.owner.toLowerCase()] : [])))];
	const codes = [...new Set(measures.map((m) => m.indicator).filter(Boolean))];
	const areaKeys = [...new Set(measures.map((m) => m.area).filter(Boolean))];
	const [orgRows, personRows, indicatorRows, areaRows] = await Promise.all([
		orgSlugs.length
			? db
					.select({ id: organisations.id, slug: organisations.slug })
					.from(organisations)
					.where(inArray(organisations.slug, orgSlugs))
			: [],
		emails.length
			? db
					.select({ id: people.id, email: people.email })
					.from(people)
					.where(
						and(inArray(sql`lower(${people.email})`, emails), sql`${people.anonymisedAt} is null`)
					)
					.orderBy(people.createdAt)
			: [],
		codes.length
			? db
					.select({ id: indicators.id, code: indicators.code, direction: indicators.direction })
					.from(indicators)
					.where(inArray(indicators.code, codes))
			: [],
		areaKeys.length
			? db
					.select({ id: areas.id, nis: areas.nisCode, slug: areas.slug, level: areas.level })
					.from(areas)
					.where(inArray(sql`coalesce(${areas.nisCode}, ${areas.slug})`, areaKeys))
			: []
	]);
	const peopleMap = new Map<string, string>();
	for (const p of personRows)
		if (p.email && !peopleMap.has(p.email.toLowerCase()))
			peopleMap.set(p.email.toLowerCase(), p.id);
	return {
		organisations: new Map(orgRows.map((o) => [o.slug, o.id])),
		people: peopleMap,
		indicators: new Map(indicatorRows.map((i) => [i.code, { id: i.id, direction: i.direction }])),
		areas: new Map(
			areaRows
				.filter((a) => a.nis !== null || a.level === 'regio')
				.map((a) => [a.nis ?? a.slug, a.id])
		)
	};
}

function checkRefs(items: ItemNode[], measures: MeasureNode[], refs: Refs): RowError[] {
	const errors: RowError[] = [];
	for (const i of items) {
		if (i.lead && !refs.organisations.has(i.lead))
			errors.push({
				line: i.line,
				message: rowMessages.unknownOrganisation('lead_organisation', i.lead)
			});
		for (const p of i.partners)
			if (!refs.organisations.has(p))
				errors.push({ line: i.line, message: rowMessages.unknownOrganisation('partners', p) });
		if (i.owner && !refs.people.has(i.owner.toLowerCase()))
			errors.push({ line: i.line, message: rowMessages.unknownPerson(i.owner) });
	}
	for (const m of measures) {
		const indicator = refs.indicators.get(m.indicator);
		if (m.indicator && !indicator)
			errors.push({ line: m.line, message: rowMessages.unknownIndicator(m.indicator) });
		if (m.area && !refs.areas.has(m.area))
			errors.push({ line: m.line, message: rowMessages.unknownArea(m.area) });
		if (
			indicator &&
			!m.direction &&
			indicator.direction !== 'higher_better' &&
			indicator.direction !== 'lower_better'
		)
			errors.push({ line: m.line, message: rowMessages.noDirection(m.indicator) });
	}
	return errors;
}

// ---------------------------------------------------------------------------------------------
// Import

export type NewPlanFields = {
	slug: string;
	title: string;
	/** The body that owns the plan (its slug); or a region. */
	bodySlug?: string;
	regionSlug?: string;
	periodStart: string;
	periodEnd: string;
};

export type PlanImportInput = {
	/** An existing plan, whose tree the file replaces … */
	planSlug?: string;
	/** … or a new plan with these fields. */
	plan?: NewPlanFields;
	bytes: Uint8Array;
	/** Checked against the content when given; otherwise told by the content. */
	format?: 'xlsx' | 'csv';
};

export type PlanImportResult = {
	planId: string;
	slug: string;
	format: 'xlsx' | 'csv';
	inserted: number;
	updated: number;
	deleted: number;
	unchanged: number;
};

const refuse = (message: string, field = 'plan') =>
	new AppError('invalid_input', message, { [field]: [message] });

/** Find the plan the file goes into (or check the new plan's fields) and authorise. */
async function target(ctx: ServiceContext, input: PlanImportInput) {
	if (input.planSlug) {
		const [plan] = await ctx.db.select().from(plans).where(eq(plans.slug, input.planSlug));
		if (!plan) throw notFound('Dit plan bestaat niet.');
		authorizePlan(ctx, plan);
		return { plan, create: null };
	}
	const p = input.plan;
	if (!p) throw refuse('Kies een plan of vul de gegevens van een nieuw plan in.');
	let bodyId: string | null = null;
	let regionId: string | null = null;
	if (p.bodySlug) {
		const [body] = await ctx.db
			.select({ id: bodies.id, regionId: bodies.regionId })
			.from(bodies)
			.where(eq(bodies.slug, p.bodySlug));
		if (!body) throw refuse(`Onbekend orgaan „${p.bodySlug}”.`, 'bodySlug');
		bodyId = body.id;
		regionId = body.regionId;
	}
	if (p.regionSlug) {
		const [region] = await ctx.db
			.select({ id: areas.id })
			.from(areas)
			.where(and(eq(areas.slug, p.regionSlug), eq(areas.level, 'regio')));
		if (!region) throw refuse(`Onbekende regio „${p.regionSlug}”.`, 'regionSlug');
		regionId = region.id;
	}
	authorizePlan(ctx, { bodyId });
	if (!bodyId && !regionId) throw refuse('Een plan hoort bij een orgaan of een regio.', 'bodySlug');
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.slug))
		throw refuse('De slug mag alleen kleine letters, cijfers en koppeltekens bevatten.', 'slug');
	if (['nieuw', 'mijn-acties'].includes(p.slug))
		throw refuse(`De slug „${p.slug}” is voorbehouden: kies een andere.`, 'slug');
	if (!p.title.trim()) throw refuse('De titel van het plan is leeg.', 'title');
	const start = parseDate(p.periodStart);
	const end = parseDate(p.periodEnd);
	if (!start || !end)
		throw refuse(
			'Vul een geldige begin- en einddatum van de periode in (JJJJ-MM-DD).',
			'periodStart'
		);
	if (end < start) throw refuse('Het einde van de periode ligt vóór het begin.', 'periodEnd');
	const [taken] = await ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.slug, p.slug));
	if (taken) throw refuse(`Er bestaat al een plan met de slug „${p.slug}”.`, 'slug');
	return {
		plan: null,
		create: {
			slug: p.slug,
			title: { nl: p.title.trim() },
			bodyId,
			regionId,
			periodStart: start,
			periodEnd: end
		}
	};
}

/**
 * Import a plan file: validate every row (all errors, with their lines, in one ImportRefused),
 * then replace the plan's tree in one audited transaction. Observed in
 * streek_import_duration_seconds{kind="plan"}.
 */
export function importPlan(ctx: ServiceContext, input: PlanImportInput): Promise<PlanImportResult> {
	return timedImport(
		'plan',
		() => applyPlanFile(ctx, input),
		(r) => r.inserted + r.updated + r.unchanged
	);
}

/**
 * Rows in parts small enough for one statement: PostgreSQL takes at most 65,535 parameters, and
 * a plan of thousands of actions has tens of thousands of partners and milestones.
 */
function* inBatches<T>(rows: T[], size = 2000): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function applyPlanFile(
	ctx: ServiceContext,
	input: PlanImportInput
): Promise<PlanImportResult> {
	const { plan: existing, create } = await target(ctx, input);
	const file = await readPlanFile(input.bytes);
	if (input.format && file.errors.length === 0 && input.format !== file.format)
		throw refuse(
			input.format === 'xlsx'
				? 'Dit is geen Excel-bestand (.xlsx); kies het formaat CSV of een ander bestand.'
				: 'Dit is een Excel-bestand (.xlsx), geen CSV; kies het formaat XLSX.',
			'file'
		);
	if (file.errors.length) throw new ImportRefused(file.errors);
	if (!file.rows.length)
		throw new ImportRefused([
			{ line: 1, message: 'Het bestand bevat geen rijen onder de kolomnamen.' }
		]);
	const checked = checkRows(file.rows);
	const errors = [...checked.errors, ...checkTree(file.rows, checked.items, checked.measures)];
	const refs = await resolveRefs(ctx.db, checked.items, checked.measures);
	errors.push(...checkRefs(checked.items, checked.measures, refs));
	if (errors.length) {
		errors.sort((a, b) => a.line - b.line);
		throw new ImportRefused(errors);
	}
	return mutate(ctx, async (tx) => {
		let plan = existing;
		if (!plan) {
			[plan] = await tx.insert(plans).values(create!).returning();
		} else {
			[plan] = await tx
				.update(plans)
				.set({ revision: sql`${plans.revision} + 1` })
				.where(eq(plans.id, plan.id))
				.returning();
		}
		const counts = await writeTree(tx, plan, checked.items, checked.measures, refs);
		return {
			result: { planId: plan.id, slug: plan.slug, format: file.format, ...counts },
			audit: {
				action: 'plan.import',
				recordType: 'plan',
				recordId: plan.id,
				changes: {
					format: { after: file.format },
					created: { after: existing === null },
					inserted: { after: counts.inserted },
					updated: { after: counts.updated },
					deleted: { before: counts.deleted },
					unchanged: { after: counts.unchanged }
				}
			}
		};
	});
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function writeTree(
	tx: Tx,
	plan: typeof plans.$inferSelect,
	items: ItemNode[],
	measures: MeasureNode[],
	refs: Refs
) {
	const counts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
	const before = await tx.select().from(planItems).where(eq(planItems.planId, plan.id));
	const beforeItems = new Map(before.map((i) => [i.externalId, i]));
	const beforeMeasures = before.length
		? await tx
				.select()
				.from(planMeasures)
				.where(
					inArray(
						planMeasures.itemId,
						before.map((i) => i.id)
					)
				)
		: [];
	const measureByExternal = new Map(beforeMeasures.map((m) => [m.externalId, m]));
	const idOf = new Map<string, string>(
		items.map((i) => [i.externalId, beforeItems.get(i.externalId)?.id ?? crypto.randomUUID()])
	);
	// Positions: as written, else the order among siblings in the file.
	const siblingIndex = new Map<string, number>();
	const positionOf = (parent: string | null, key: string, given: number | null) => {
		const k = `${parent ?? ''}>${key}`;
		const n = siblingIndex.get(k) ?? 0;
		siblingIndex.set(k, n + 1);
		return given ?? n;
	};
	const depth = (i: ItemNode): number => {
		let d = 0;
		let up = i.parent;
		while (up && d < items.length) {
			d++;
			up = items.find((x) => x.externalId === up)?.parent ?? null;
		}
		return d;
	};
	const ordered = items.map((i) => ({ i, d: depth(i) })).sort((a, b) => a.d - b.d);
	const itemIds: string[] = [];
	for (const { i } of ordered) {
		const id = idOf.get(i.externalId)!;
		itemIds.push(id);
		const values = {
			parentId: i.parent ? idOf.get(i.parent)! : null,
			kind: i.kind,
			position: positionOf(i.parent, 'item', i.position),
			title: i.title,
			description: i.description,
			challenge: i.challenge,
			isPriority: i.isPriority,
			weight: i.weight,
			leadOrganisationId: i.lead ? refs.organisations.get(i.lead)! : null,
			ownerPersonId: i.owner ? refs.people.get(i.owner.toLowerCase())! : null,
			startDate: i.startDate,
			dueDate: i.dueDate,
			budgetPlanned: i.budgetPlanned,
			budgetSpent: i.budgetSpent,
			progress: i.progress
		};
		const old = beforeItems.get(i.externalId);
		if (!old) {
			await tx.insert(planItems).values({
				id,
				planId: plan.id,
				externalId: i.externalId,
				isExample: plan.isExample,
				...values
			});
			counts.inserted++;
			continue;
		}
		const changed = (Object.keys(values) as (keyof typeof values)[]).some(
			(k) => !same(old[k], values[k])
		);
		if (changed) {
			await tx
				.update(planItems)
				.set({ ...values, revision: sql`${planItems.revision} + 1` })
				.where(eq(planItems.id, id));
		}
		const oldPartners = changed
			? []
			: await tx.select().from(planActionPartners).where(eq(planActionPartners.itemId, id));
		const oldMilestones = changed
			? []
			: await tx
					.select()
					.from(planMilestones)
					.where(eq(planMilestones.itemId, id))
					.orderBy(planMilestones.position);
		const partnersSame = same(
			oldPartners.map((p) => p.organisationId).sort(),
			i.partners.map((p) => refs.organisations.get(p)!).sort()
		);
		const milestonesSame = same(
			oldMilestones.map((m) => [m.title, m.dueDate, m.doneOn]),
			i.milestones.map((m) => [m.title, m.dueDate, m.doneOn])
		);
		if (changed || !partnersSame || !milestonesSame) counts.updated++;
		else counts.unchanged++;
	}
	// Partners and milestones of the nodes in the file: replaced.
	if (itemIds.length) {
		await tx.delete(planActionPartners).where(inArray(planActionPartners.itemId, itemIds));
		await tx.delete(planMilestones).where(inArray(planMilestones.itemId, itemIds));
	}
	const partners = items.flatMap((i) =>
		[...new Set(i.partners)].map((p) => ({
			itemId: idOf.get(i.externalId)!,
			organisationId: refs.organisations.get(p)!
		}))
	);
	for (const part of inBatches(partners)) await tx.insert(planActionPartners).values(part);
	const milestones = items.flatMap((i) =>
		i.milestones.map((m, position) => ({
			itemId: idOf.get(i.externalId)!,
			title: m.title,
			dueDate: m.dueDate,
			doneOn: m.doneOn,
			position,
			isExample: plan.isExample
		}))
	);
	for (const part of inBatches(milestones)) await tx.insert(planMilestones).values(part);

	// Measures: upsert by external id; intermediate targets replaced.
	const measureIds: string[] = [];
	for (const m of measures) {
		const old = measureByExternal.get(m.externalId);
		const id = old?.id ?? crypto.randomUUID();
		measureIds.push(id);
		const indicator = refs.indicators.get(m.indicator)!;
		const values = {
			itemId: idOf.get(m.parent)!,
			indicatorId: indicator.id,
			areaId: refs.areas.get(m.area)!,
			baselineValue: m.baselineValue,
			baselinePeriod: m.baselinePeriod,
			baselinePeriodStart: m.baselinePeriodStart,
			targetValue: m.targetValue,
			targetPeriod: m.targetPeriod,
			targetPeriodStart: m.targetPeriodStart,
			direction: m.direction ?? (indicator.direction as 'higher_better' | 'lower_better'),
			trajectory: m.trajectory,
			weight: m.weight,
			position: positionOf(m.parent, 'measure', m.position)
		};
		if (!old) {
			await tx
				.insert(planMeasures)
				.values({ id, externalId: m.externalId, isExample: plan.isExample, ...values });
			counts.inserted++;
			continue;
		}
		const oldTargets = await tx
			.select()
			.from(planMeasureTargets)
			.where(eq(planMeasureTargets.measureId, id))
			.orderBy(planMeasureTargets.periodStart);
		const changed = (Object.keys(values) as (keyof typeof values)[]).some(
			(k) => !same(old[k], values[k])
		);
		const targetsSame = same(
			oldTargets.map((t) => [t.period, t.value]),
			[...m.intermediate]
				.sort((a, b) => a.periodStart.localeCompare(b.periodStart))
				.map((t) => [t.period, t.value])
		);
		if (changed)
			await tx
				.update(planMeasures)
				.set({ ...values, revision: sql`${planMeasures.revision} + 1` })
				.where(eq(planMeasures.id, id));
		if (changed || !targetsSame) counts.updated++;
		else counts.unchanged++;
	}
	if (measureIds.length)
		await tx.delete(planMeasureTargets).where(inArray(planMeasureTargets.measureId, measureIds));
	const targets = measures.flatMap((m, k) =>
		m.intermediate.map((t) => ({
			measureId: measureIds[k],
			period: t.period,
			periodStart: t.periodStart,
			value: t.value
		}))
	);
	for (const part of inBatches(targets)) await tx.insert(planMeasureTargets).values(part);

	// What the file no longer holds: measures first, then items (children go with their parent).
	const keptMeasures = new Set(measures.map((m) => m.externalId));
	const goneMeasures = beforeMeasures.filter((m) => !keptMeasures.has(m.externalId));
	const keptItems = new Set(items.map((i) => i.externalId));
	const goneItems = before.filter((i) => !keptItems.has(i.externalId));
	// A measure under a deleted item goes with it; count each once.
	counts.deleted = goneMeasures.length + goneItems.length;
	if (goneMeasures.length)
		await tx.delete(planMeasures).where(
			inArray(
				planMeasures.id,
				goneMeasures.map((m) => m.id)
			)
		);
	if (goneItems.length)
		await tx.delete(planItems).where(
			inArray(
				planItems.id,
				goneItems.map((i) => i.id)
			)
		);
	return counts;
}

/** Whether the principal may import into (keep) this plan: for pages that show the button. */
export const canImportPlan = canKeepPlan;
