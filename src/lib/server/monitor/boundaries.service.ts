/**
 * Municipal boundaries for the monitor's maps: read a GeoJSON FeatureCollection or a TopoJSON
 * topology (topojson-client converts it), find the property with the NIS code, validate every
 * geometry (@turf/boolean-valid), simplify it for the web (@turf/simplify, coordinates rounded to
 * 5 decimals ≈ 1 m), dissolve merged municipalities into their successor when the file has the
 * old ones and not the new (@turf/union), and store one simplified geometry per known area in
 * `area_boundaries`. All or nothing: one bad feature and nothing is stored.
 *
 * Coordinates must be WGS84 longitude/latitude (RFC 7946). Files in Belgian Lambert 72 or 2008
 * (EPSG:31370, EPSG:3812, as Statbel and NGI often publish them) are refused with a message that
 * says how to convert them (QGIS, or mapshaper's `-proj wgs84`): reprojecting here would need the
 * projection's full definition and grid shifts for a result the user can produce once, exactly.
 *
 * Uploads are staged under DATA_DIR (files/.tmp/<uuid>) by the preview; the import reads the same
 * staged file again by its id and recomputes everything, so what is stored is validated in the
 * same request that stores it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import { simplify } from '@turf/simplify';
import { union } from '@turf/union';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { mutate } from '../audit/audit.service';
import { config } from '../config';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { areaBoundaries, areas } from '../db/schema';
import { AppError, isUuid } from '../errors';
import {
	discardStaged,
	filesDir,
	stageBlob,
	TooLargeError,
	type UploadSource
} from '../files/storage';
import { authorize } from '../policy';

const MB = 1024 * 1024;
/** Simplification tolerance in degrees (≈ 30 m at Belgian latitudes). */
const TOLERANCE = 0.0003;
/** Errors listed at most; the count says how many there were. */
const MAX_ERRORS = 50;

export const boundaryLimits = () => ({ maxBytes: config().BOUNDARY_MAX_MB * MB });

/** Refused input: a Dutch message, and the feature errors when there are any. */
export class BoundariesRefused extends AppError {
	constructor(
		message: string,
		readonly errors: string[] = []
	) {
		super('invalid_input', message, { file: [message, ...errors] });
	}
}

type Geometry = Polygon | MultiPolygon;
type Source = { nis: string; name?: string; index: number; geometry: Geometry };

/** Property names that usually carry the NIS (REFNIS) code, lower-cased. */
const knownNisNames = [
	'cd_munty_refnis',
	'niscode',
	'nis_code',
	'nis',
	'refnis',
	'cd_refnis',
	'nis5',
	'ins',
	'code_ins',
	'inscode',
	'cd_munty'
];
const nameProperties = [
	'TX_MUNTY_DESCR_NL',
	'NameDUT',
	'naam',
	'name',
	'NAME',
	'Naam',
	'tx_munty_descr_nl'
];
const NIS = /^\d{5}$/;

export type NisChoice = { property: string; examples: string[] };

export type BoundaryPreview = {
	/** The staged upload: pass it to `importBoundaries`. */
	uploadId: string;
	fileName: string;
	format: 'GeoJSON' | 'TopoJSON';
	features: number;
	nisProperty: string;
	/** Areas that will get a boundary (known NIS codes), by name. */
	matched: { nis: string; name: string; bytes: number }[];
	/** Successors built from their predecessors (e.g. Pajottegem from Galmaarden, Gooik, Herne). */
	dissolved: { nis: string; name: string; from: string[] }[];
	/** Valid NIS codes the platform does not know: skipped. */
	skipped: number;
	skippedCodes: string[];
	/** Size of the simplified geometries (JSON bytes) against the file. */
	simplifiedBytes: number;
	fileBytes: number;
	/** A small SVG outline of what will be stored (path data per area, in a 300 × 300 box). */
	outline: { viewBox: string; paths: { nis: string; name: string; d: string }[] };
};

export type BoundaryResult = {
	preview: BoundaryPreview;
	/** Simplified geometry per area id. */
	geometries: Map<string, Geometry>;
};

/** When the NIS property is ambiguous: the candidates to choose from. */
export class NisPropertyAmbiguous extends BoundariesRefused {
	constructor(
		readonly uploadId: string,
		readonly fileName: string,
		readonly choices: NisChoice[]
	) {
		super(
			`Meer dan één eigenschap lijkt een NIS-code te bevatten (${choices.map((c) => c.property).join(', ')}). Kies welke.`
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Reading

function decode(bytes: Uint8Array): string {
	if (bytes.length === 0) throw new BoundariesRefused('Het bestand is leeg.');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new BoundariesRefused(
			'Het bestand is geen tekstbestand (UTF-8): kies een GeoJSON- of TopoJSON-bestand.'
		);
	}
	if (text.includes('\u0000')) {
		throw new BoundariesRefused(
			'Het bestand is geen tekstbestand: kies een GeoJSON- of TopoJSON-bestand.'
		);
	}
	return text.replace(/^\uFEFF/, '');
}

type Parsed = { format: 'GeoJSON' | 'TopoJSON'; features: Feature[] };

function parseJson(text: string): Parsed {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		throw new BoundariesRefused(
			'Het bestand is geen geldige JSON: kies een GeoJSON- of TopoJSON-bestand.'
		);
	}
	const d = doc as Record<string, unknown> | null;
	if (d && d.type === 'Topology' && d.objects && typeof d.objects === 'object') {
		const objects = Object.values(d.objects as Record<string, unknown>);
		// The object with the most geometries (files often carry one layer).
		const best = objects
			.map((o) => o as { type?: string; geometries?: unknown[] })
			.sort((a, b) => (b.geometries?.length ?? 0) - (a.geometries?.length ?? 0))[0];
		if (!best) throw new BoundariesRefused('De TopoJSON bevat geen objecten.');
		let fc: FeatureCollection | Feature;
		try {
			fc = topoFeature(d as unknown as Topology, best as never) as FeatureCollection | Feature;
		} catch {
			throw new BoundariesRefused('De TopoJSON kan niet gelezen worden (ongeldige bogen).');
		}
		return { format: 'TopoJSON', features: 'features' in fc ? fc.features : [fc] };
	}
	if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) {
		checkCrs(d.crs);
		return { format: 'GeoJSON', features: d.features as Feature[] };
	}
	throw new BoundariesRefused(
		'Het bestand is geen GeoJSON-FeatureCollection of TopoJSON-topologie.'
	);
}

const lambert =
	'Het bestand gebruikt Belgische Lambert-coördinaten (EPSG:31370 of EPSG:3812). Zet het eerst om naar WGS84 (EPSG:4326), bijvoorbeeld met QGIS of met mapshaper (-proj wgs84), en laad het dan opnieuw op.';

function checkCrs(crs: unknown) {
	const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
	if (typeof name !== 'string') return;
	if (/(31370|3812|31300|3447)\b/.test(name)) throw new BoundariesRefused(lambert);
	if (!/(4326|CRS84|4258)\b/i.test(name)) {
		throw new BoundariesRefused(
			`Het bestand gebruikt het coördinatenstelsel ${name}. Zet het eerst om naar WGS84 (EPSG:4326).`
		);
	}
}

// ---------------------------------------------------------------------------------------------
// NIS property

function propertyValue(f: Feature, key: string): string | undefined {
	const v = f.properties?.[key];
	if (typeof v === 'number' && Number.isInteger(v)) return String(v).padStart(5, '0');
	return typeof v === 'string' ? v.trim() : undefined;
}

/** Properties whose values are NIS-like for (almost) every feature. */
export function nisCandidates(features: Feature[]): NisChoice[] {
	const keys = new Set<string>();
	for (const f of features.slice(0, 200))
		for (const k of Object.keys(f.properties ?? {})) keys.add(k);
	const out: (NisChoice & { known: boolean; values: string })[] = [];
	for (const key of keys) {
		const values = features.map((f) => propertyValue(f, key));
		const nisLike = values.filter((v) => v !== undefined && NIS.test(v)).length;
		const known = knownNisNames.includes(key.toLowerCase());
		if (nisLike === 0 || nisLike < features.length * (known ? 0.5 : 0.9)) continue;
		out.push({
			property: key,
			examples: values.filter((v): v is string => !!v).slice(0, 3),
			known,
			values: values.join(',')
		});
	}
	// Properties with the same values for every feature are one choice (e.g. nis and NISCode).
	const unique = out.filter((c, i) => out.findIndex((o) => o.values === c.values) === i);
	const known = unique.filter((c) => c.known);
	return (known.length ? known : unique).map(({ property, examples }) => ({ property, examples }));
}

// ---------------------------------------------------------------------------------------------
// Geometry

const roundPos = (p: Position): Position => [
	Math.round(p[0] * 1e5) / 1e5,
	Math.round(p[1] * 1e5) / 1e5
];

function mapRings(g: Geometry, fn: (ring: Position[]) => Position[]): Geometry {
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: g.coordinates.map(fn) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(fn)) };
}

/** Rounded, with the repeated points rounding makes removed (a ring keeps its closing point). */
function rounded(g: Geometry): Geometry {
	return mapRings(g, (ring) => {
		const out: Position[] = [];
		for (const p of ring.map(roundPos)) {
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		return out;
	});
}

function allPositions(g: Geometry): Position[] {
	return g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
}

function isValid(g: Geometry): boolean {
	try {
		const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
		if (!rings.length || rings.some((r) => r.length < 4)) return false;
		// boolean-valid checks rings against each other; kinks finds a ring crossing itself.
		return booleanValid(g) === true && kinks(g).features.length === 0;
	} catch {
		return false;
	}
}

/** Simplified for the web; if simplifying breaks the geometry, a finer tolerance, else as is. */
function forWeb(g: Geometry): Geometry {
	for (const tolerance of [TOLERANCE, TOLERANCE / 4]) {
		const s = rounded(simplify(g, { tolerance, highQuality: true }) as Geometry);
		if (isValid(s)) return s;
	}
	return rounded(g);
}

const featureLabel = (s: { nis?: string; name?: string; index: number }) =>
	`object ${s.index + 1}${s.nis ? ` (NIS ${s.nis}${s.name ? `, ${s.name}` : ''})` : s.name ? ` (${s.name})` : ''}`;

/** What the features say, validated: sources per NIS code, or every error. */
function readFeatures(features: Feature[], nisProperty: string): Source[] {
	const errors: string[] = [];
	const sources: Source[] = [];
	const seen = new Map<string, number>();
	let lambertLike = false;
	features.forEach((f, index) => {
		if (errors.length > MAX_ERRORS) return;
		const nis = propertyValue(f, nisProperty);
		const name = nameProperties
			.map((k) => f?.properties?.[k])
			.find((v) => typeof v === 'string') as string | undefined;
		const label = featureLabel({ nis, name, index });
		if (!f || f.type !== 'Feature') return void errors.push(`${label}: geen GeoJSON-feature.`);
		if (!nis || !NIS.test(nis)) {
			return void errors.push(
				`${label}: de eigenschap ${nisProperty} is geen NIS-code van vijf cijfers${nis ? ` ("${nis}")` : ''}.`
			);
		}
		const g = f.geometry as Geometry | null;
		const type = (g as { type?: unknown } | null)?.type;
		if (!g || (type !== 'Polygon' && type !== 'MultiPolygon')) {
			return void errors.push(
				`${label}: de geometrie is geen vlak (Polygon of MultiPolygon) maar ${typeof type === 'string' ? type : 'leeg'}.`
			);
		}
		let positions: Position[];
		try {
			positions = allPositions(g);
		} catch {
			return void errors.push(`${label}: de coördinaten zijn onleesbaar.`);
		}
		if (positions.some((p) => !Array.isArray(p) || !p.slice(0, 2).every(Number.isFinite))) {
			return void errors.push(`${label}: de coördinaten zijn geen getallen.`);
		}
		if (positions.some((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
			lambertLike = true;
			return;
		}
		if (!isValid(g)) {
			return void errors.push(
				`${label}: ongeldige geometrie (een rand snijdt zichzelf, is niet gesloten of heeft te weinig punten).`
			);
		}
		if (seen.has(nis)) {
			return void errors.push(
				`${label}: de NIS-code ${nis} komt ook voor in object ${seen.get(nis)! + 1}.`
			);
		}
		seen.set(nis, index);
		sources.push({ nis, name, index, geometry: g });
	});
	if (lambertLike) throw new BoundariesRefused(lambert);
	if (errors.length) {
		const n = errors.length > MAX_ERRORS ? `meer dan ${MAX_ERRORS}` : String(errors.length);
		throw new BoundariesRefused(
			`Er is niets opgeslagen: ${n} ${errors.length === 1 ? 'fout' : 'fouten'} in het bestand.`,
			errors.slice(0, MAX_ERRORS)
		);
	}
	return sources;
}

// ---------------------------------------------------------------------------------------------
// The outline preview

function outline(items: { nis: string; name: string; geometry: Geometry }[]) {
	const points = items.flatMap((i) => allPositions(i.geometry));
	if (!points.length) return { viewBox: '0 0 300 300', paths: [] };
	const lat0 = (Math.min(...points.map((p) => p[1])) + Math.max(...points.map((p) => p[1]))) / 2;
	const k = Math.cos((lat0 * Math.PI) / 180);
	const xs = points.map((p) => p[0] * k);
	const ys = points.map((p) => -p[1]);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const scale = 290 / Math.max(x1 - x0, y1 - y0, 1e-9);
	const w = Math.ceil((x1 - x0) * scale + 10);
	const h = Math.ceil((y1 - y0) * scale + 10);
	const pt = (p: Position) =>
		`${((p[0] * k - x0) * scale + 5).toFixed(1)},${((-p[1] - y0) * scale + 5).toFixed(1)}`;
	const ringPath = (ring: Position[]) => `M${ring.map(pt).join('L')}Z`;
	return {
		viewBox: `0 0 ${w} ${h}`,
		paths: items.map((i) => ({
			nis: i.nis,
			name: i.name,
			d:
				i.geometry.type === 'Polygon'
					? i.geometry.coordinates.map(ringPath).join('')
					: i.geometry.coordinates.flatMap((poly) => poly.map(ringPath)).join('')
		}))
	};
}

// ---------------------------------------------------------------------------------------------
// The pipeline

type KnownArea = {
	id: string;
	nisCode: string;
	name: string;
	successorNis: string | null;
};

async function knownAreas(db: DbOrTx): Promise<Map<string, KnownArea>> {
	const successor = alias(areas, 'successor');
	const rows = await db
		.select({
			id: areas.id,
			nisCode: areas.nisCode,
			name: sql<string>`${areas.name}->>'nl'`,
			successorNis: successor.nisCode
		})
		.from(areas)
		.leftJoin(successor, eq(successor.id, areas.successorId))
		.where(and(isNotNull(areas.nisCode), ne(areas.level, 'regio')));
	return new Map(rows.map((r) => [r.nisCode!, { ...r, nisCode: r.nisCode! }]));
}

/**
 * Parse, validate, dissolve and simplify a boundary file. Throws BoundariesRefused (or
 * NisPropertyAmbiguous) on bad input; writes nothing.
 */
export async function analyseBoundaries(
	db: DbOrTx,
	bytes: Uint8Array,
	options: { uploadId: string; fileName: string; nisProperty?: string }
): Promise<BoundaryResult> {
	const { format, features } = parseJson(decode(bytes));
	if (features.length === 0) throw new BoundariesRefused('Het bestand bevat geen objecten.');
	let nisProperty = options.nisProperty?.trim();
	const candidates = nisCandidates(features);
	if (nisProperty) {
		if (!features.some((f) => f?.properties && nisProperty! in f.properties)) {
			throw new BoundariesRefused(`Geen object heeft de eigenschap ${nisProperty}.`);
		}
	} else if (candidates.length === 1) {
		nisProperty = candidates[0].property;
	} else if (candidates.length === 0) {
		throw new BoundariesRefused(
			'Geen eigenschap met NIS-codes gevonden (zoals CD_MUNTY_REFNIS, NISCode of nis). Elke gemeente heeft een NIS-code van vijf cijfers nodig.'
		);
	} else {
		throw new NisPropertyAmbiguous(options.uploadId, options.fileName, candidates);
	}
	const sources = readFeatures(features, nisProperty);
	const known = await knownAreas(db);
	const inFile = new Map(sources.map((s) => [s.nis, s]));

	const kept: { area: KnownArea; geometry: Geometry }[] = [];
	const skippedCodes: string[] = [];
	for (const s of sources) {
		const area = known.get(s.nis);
		if (area) kept.push({ area, geometry: s.geometry });
		else skippedCodes.push(s.nis);
	}

	// Successors missing from the file, built from their predecessors that are in it.
	const dissolved: BoundaryPreview['dissolved'] = [];
	const predecessorsOf = new Map<string, KnownArea[]>();
	for (const a of known.values()) {
		if (a.successorNis)
			predecessorsOf.set(a.successorNis, [...(predecessorsOf.get(a.successorNis) ?? []), a]);
	}
	for (const [successorNis, predecessors] of predecessorsOf) {
		const successor = known.get(successorNis);
		if (!successor || inFile.has(successorNis)) continue;
		const present = predecessors.filter((p) => inFile.has(p.nisCode));
		if (present.length === 0) continue;
		if (present.length < predecessors.length) {
			const missing = predecessors.filter((p) => !inFile.has(p.nisCode)).map((p) => p.name);
			throw new BoundariesRefused(
				`${successor.name} (${successorNis}) kan niet samengesteld worden: het bestand mist ${missing.join(', ')}.`
			);
		}
		const merged = union({
			type: 'FeatureCollection',
			features: present.map((p) => ({
				type: 'Feature' as const,
				properties: {},
				geometry: inFile.get(p.nisCode)!.geometry
			}))
		});
		if (!merged || !isValid(merged.geometry as Geometry)) {
			throw new BoundariesRefused(
				`${successor.name} (${successorNis}) kan niet samengesteld worden uit ${present.map((p) => p.name).join(', ')}: de samenvoeging is geen geldige geometrie.`
			);
		}
		kept.push({ area: successor, geometry: merged.geometry as Geometry });
		dissolved.push({
			nis: successorNis,
			name: successor.name,
			from: present.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'nl'))
		});
	}

	const geometries = new Map<string, Geometry>();
	const matched: BoundaryPreview['matched'] = [];
	const shown: { nis: string; name: string; geometry: Geometry }[] = [];
	const keptNis = new Set(kept.map((k) => k.area.nisCode));
	for (const { area, geometry } of kept) {
		const simple = forWeb(geometry);
		geometries.set(area.id, simple);
		matched.push({ nis: area.nisCode, name: area.name, bytes: JSON.stringify(simple).length });
		// The outline shows today's map: a predecessor is stored, not drawn under its successor.
		if (!(area.successorNis && keptNis.has(area.successorNis)))
			shown.push({ nis: area.nisCode, name: area.name, geometry: simple });
	}
	matched.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	if (matched.length === 0) {
		throw new BoundariesRefused(
			`Geen enkele NIS-code in het bestand hoort bij een gebied van het platform (${skippedCodes.length} overgeslagen). Er is niets opgeslagen.`
		);
	}
	return {
		geometries,
		preview: {
			uploadId: options.uploadId,
			fileName: options.fileName,
			format,
			features: features.length,
			nisProperty,
			matched,
			dissolved,
			skipped: skippedCodes.length,
			skippedCodes: skippedCodes.slice(0, 20),
			simplifiedBytes: matched.reduce((n, m) => n + m.bytes, 0),
			fileBytes: bytes.length,
			outline: outline(shown)
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Staging and commands

const stagedPath = (uploadId: string) => path.join(filesDir(), '.tmp', uploadId);

async function readStaged(uploadId: string): Promise<Uint8Array> {
	if (!uploadId.startsWith('grenzen-') || !isUuid(uploadId.slice('grenzen-'.length)))
		throw new BoundariesRefused(
			'De opgeladen kaart is niet meer beschikbaar. Laad het bestand opnieuw op.'
		);
	try {
		return new Uint8Array(await fs.readFile(stagedPath(uploadId)));
	} catch {
		throw new BoundariesRefused(
			'De opgeladen kaart is niet meer beschikbaar. Laad het bestand opnieuw op.'
		);
	}
}

/** Remove staged boundary uploads older than a day (previews that were never imported). */
async function sweepStaged() {
	const dir = path.join(filesDir(), '.tmp');
	const cutoff = Date.now() - 24 * 3600 * 1000;
	for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
		if (!name.startsWith('grenzen-')) continue;
		const stat = await fs.stat(path.join(dir, name)).catch(() => null);
		if (stat && stat.mtimeMs < cutoff) await fs.rm(path.join(dir, name), { force: true });
	}
}

/**
 * Stream an upload to a staged file (refused over BOUNDARY_MAX_MB while it streams) and show what
 * was understood. Nothing is stored in the database. The staged file is kept for the import (or
 * for choosing the NIS property) and removed on refusal.
 */
export async function previewBoundaryUpload(
	ctx: ServiceContext,
	upload: { name: string; data: UploadSource },
	options: { nisProperty?: string } = {}
): Promise<BoundaryPreview> {
	authorize(ctx.principal, 'monitor:manage');
	const { maxBytes } = boundaryLimits();
	let staged;
	try {
		staged = await stageBlob(upload.data, maxBytes);
	} catch (e) {
		if (e instanceof TooLargeError) {
			throw new BoundariesRefused(
				`Het bestand is groter dan ${config().BOUNDARY_MAX_MB} MB. Er is niets opgeslagen.`
			);
		}
		throw e;
	}
	const uploadId = `grenzen-${path.basename(staged.tmpPath)}`;
	await fs.rename(staged.tmpPath, stagedPath(uploadId));
	void sweepStaged();
	try {
		const bytes = await readStaged(uploadId);
		const { preview } = await analyseBoundaries(ctx.db, bytes, {
			uploadId,
			fileName: cleanFileName(upload.name),
			nisProperty: options.nisProperty
		});
		return preview;
	} catch (e) {
		// A choice of NIS property reuses the staged file; any other refusal discards it.
		if (!(e instanceof NisPropertyAmbiguous))
			await discardStaged({ ...staged, tmpPath: stagedPath(uploadId) });
		throw e;
	}
}

/** Preview a staged upload again (after choosing the NIS property). */
export async function previewStagedBoundaries(
	ctx: ServiceContext,
	uploadId: string,
	options: { fileName: string; nisProperty?: string }
): Promise<BoundaryPreview> {
	authorize(ctx.principal, 'monitor:manage');
	const bytes = await readStaged(uploadId);
	const { preview } = await analyseBoundaries(ctx.db, bytes, {
		uploadId,
		fileName: cleanFileName(options.fileName),
		nisProperty: options.nisProperty
	});
	return preview;
}

const cleanFileName = (name: string) =>
	[...name]
		.filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '/' && ch !== '\\')
		.join('')
		.slice(0, 200) || 'grenzen.geojson';

export type BoundaryImportSummary = {
	stored: number;
	inserted: number;
	updated: number;
	dissolved: BoundaryPreview['dissolved'];
	skipped: number;
	simplifiedBytes: number;
};

/** Store the geometries of an analysed file, replacing each area's boundary (one transaction). */
async function storeBoundaries(
	ctx: ServiceContext,
	result: BoundaryResult,
	options: { source: string; isExample: boolean }
): Promise<BoundaryImportSummary> {
	return mutate(ctx, async (tx) => {
		const ids = [...result.geometries.keys()];
		const existing = await tx
			.select({ areaId: areaBoundaries.areaId })
			.from(areaBoundaries)
			.where(inArray(areaBoundaries.areaId, ids));
		const now = new Date();
		await tx
			.insert(areaBoundaries)
			.values(
				ids.map((areaId) => ({
					areaId,
					geometry: result.geometries.get(areaId)! as unknown as Record<string, unknown>,
					source: options.source,
					isExample: options.isExample
				}))
			)
			.onConflictDoUpdate({
				target: areaBoundaries.areaId,
				set: {
					geometry: sql`excluded.geometry`,
					source: sql`excluded.source`,
					isExample: sql`excluded.is_example`,
					updatedAt: now
				}
			});
		const summary: BoundaryImportSummary = {
			stored: ids.length,
			inserted: ids.length - existing.length,
			updated: existing.length,
			dissolved: result.preview.dissolved,
			skipped: result.preview.skipped,
			simplifiedBytes: result.preview.simplifiedBytes
		};
		return {
			result: summary,
			audit: {
				action: 'monitor.boundaries.import',
				recordType: 'area_boundaries',
				changes: {
					file: { before: null, after: result.preview.fileName },
					stored: { before: null, after: summary.stored },
					skipped: { before: null, after: summary.skipped },
					dissolved: { before: null, after: summary.dissolved.map((d) => d.nis) }
				}
			}
		};
	});
}

/** Import a staged upload: analyse it again and store it, all or nothing; then drop the file. */
export async function importBoundaries(
	ctx: ServiceContext,
	uploadId: string,
	options: { fileName: string; nisProperty?: string }
): Promise<BoundaryImportSummary> {
	authorize(ctx.principal, 'monitor:manage');
	const bytes = await readStaged(uploadId);
	const fileName = cleanFileName(options.fileName);
	const result = await analyseBoundaries(ctx.db, bytes, {
		uploadId,
		fileName,
		nisProperty: options.nisProperty
	});
	const summary = await storeBoundaries(ctx, result, { source: fileName, isExample: false });
	await fs.rm(stagedPath(uploadId), { force: true });
	return summary;
}

/** Import a boundary file's bytes directly (CLI, tests, the example data). */
export async function importBoundaryFile(
	ctx: ServiceContext,
	bytes: Uint8Array,
	options: { fileName: string; nisProperty?: string; isExample?: boolean }
): Promise<BoundaryImportSummary> {
	authorize(ctx.principal, 'monitor:manage');
	if (bytes.length > boundaryLimits().maxBytes) {
		throw new BoundariesRefused(
			`Het bestand is groter dan ${config().BOUNDARY_MAX_MB} MB. Er is niets opgeslagen.`
		);
	}
	const result = await analyseBoundaries(ctx.db, bytes, {
		uploadId: 'direct',
		fileName: options.fileName,
		nisProperty: options.nisProperty
	});
	return storeBoundaries(ctx, result, {
		source: options.fileName,
		isExample: options.isExample ?? false
	});
}

/** How many areas have a boundary, and how many of those are example data. */
export async function boundaryStatus(db: DbOrTx) {
	const [row] = await db
		.select({
			total: sql<number>`count(*)::int`,
			examples: sql<number>`count(*) filter (where ${areaBoundaries.isExample})::int`,
			updatedAt: sql<Date | null>`max(${areaBoundaries.updatedAt})`
		})
		.from(areaBoundaries);
	return {
		total: row.total,
		examples: row.examples,
		updatedAt: row.updatedAt ? new Date(row.updatedAt) : null
	};
}

/** The stored outline (for the workspace page's preview of what is loaded). */
export async function storedOutline(db: DbOrTx) {
	const rows = await db
		.select({
			nis: areas.nisCode,
			name: sql<string>`${areas.name}->>'nl'`,
			geometry: areaBoundaries.geometry,
			validTo: areas.validTo
		})
		.from(areaBoundaries)
		.innerJoin(areas, eq(areas.id, areaBoundaries.areaId))
		.where(eq(areas.level, 'gemeente'));
	// Today's municipalities only (the predecessors lie under their successor).
	return outline(
		rows
			.filter((r) => !r.validTo)
			.map((r) => ({ nis: r.nis!, name: r.name, geometry: r.geometry as unknown as Geometry }))
	);
}
