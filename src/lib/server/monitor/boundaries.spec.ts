import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { areaBoundaries, areas, auditEvents } from '../db/schema';
import { filesDir } from '../files/storage';
import type { Principal } from '../policy';
import {
	BoundariesRefused,
	boundaryStatus,
	importBoundaries,
	importBoundaryFile,
	NisPropertyAmbiguous,
	previewBoundaryUpload,
	previewStagedBoundaries,
	storedOutline
} from './boundaries.service';

let dataDir: string;
// config() is read once per test file: a 1 MB limit so it can be passed cheaply.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-boundaries-'));
	process.env.DATA_DIR = dataDir;
	process.env.BOUNDARY_MAX_MB = '1';
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const fixtures = path.resolve('tests/fixtures/monitor/boundaries');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const staff: Principal = {
	kind: 'user',
	userId: '00000000-0000-4000-8000-000000000001',
	name: 'Staf',
	email: 'staf@example.org',
	role: 'staff',
	bodyRoles: {}
};

async function counts() {
	const [b] = await t.db.select({ n: count() }).from(areaBoundaries);
	const [a] = await t.db
		.select({ n: count() })
		.from(auditEvents)
		.where(eq(auditEvents.action, 'monitor.boundaries.import'));
	return { boundaries: b.n, audits: a.n };
}
const staged = () => {
	const dir = path.join(filesDir(), '.tmp');
	return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
async function geometryOf(nis: string) {
	const [row] = await t.db
		.select({ geometry: areaBoundaries.geometry, isExample: areaBoundaries.isExample })
		.from(areaBoundaries)
		.innerJoin(areas, eq(areas.id, areaBoundaries.areaId))
		.where(eq(areas.nisCode, nis));
	return row;
}

/** Bad input: the message, nothing stored, no audit row, no staged file left behind. */
async function refusedWithNothingStored(run: () => Promise<unknown>, message: RegExp) {
	const before = await counts();
	const stagedBefore = new Set(staged());
	// Started only now: nothing may run (or reject unhandled) while the counts are taken.
	const e = await rejection(run());
	expect(e).toBeInstanceOf(BoundariesRefused);
	expect(e.code).toBe('invalid_input');
	expect([e.message, ...((e as BoundariesRefused).errors ?? [])].join(' ')).toMatch(message);
	expect(await counts()).toEqual(before);
	// The refused upload's staged file goes once its stream has closed: shortly after the refusal.
	await expect.poll(() => staged().filter((f) => !stagedBefore.has(f))).toEqual([]);
	return e as BoundariesRefused;
}

describe('bad input stores nothing', () => {
	const upload = (name: string, data: Uint8Array) =>
		previewBoundaryUpload(t.ctx({ principal: staff }), { name, data });

	it('refuses an invalid geometry, naming the feature', async () => {
		const e = await refusedWithNothingStored(
			() => upload('ongeldig.geojson', fixture('ongeldig.geojson')),
			/object 2 \(NIS 24062, Leuven\): ongeldige geometrie/
		);
		expect(e.message).toBe('Er is niets opgeslagen: 1 fout in het bestand.');
	});

	it('refuses a binary file renamed .geojson', async () => {
		const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
		await refusedWithNothingStored(
			() => upload('kaart.geojson', binary),
			/^Het bestand is geen tekstbestand/
		);
	});

	it('refuses JSON that is not GeoJSON, and text that is not JSON', async () => {
		await refusedWithNothingStored(
			() => upload('x.geojson', new TextEncoder().encode('{"type":"Feature"}')),
			/geen GeoJSON-FeatureCollection of TopoJSON-topologie/
		);
		await refusedWithNothingStored(
			() => upload('x.geojson', new TextEncoder().encode('NISCode;naam\n24062;Leuven')),
			/geen geldige JSON/
		);
	});

	it('refuses a file without NIS codes', async () => {
		await refusedWithNothingStored(
			() => upload('geen-nis.geojson', fixture('geen-nis.geojson')),
			/Geen eigenschap met NIS-codes gevonden/
		);
	});

	it('refuses Lambert coordinates with how to convert them', async () => {
		await refusedWithNothingStored(
			() => upload('lambert72.geojson', fixture('lambert72.geojson')),
			/Lambert-coördinaten \(EPSG:31370.*WGS84/
		);
		// The same coordinates without a crs member are recognised by their range.
		const bare = JSON.parse(new TextDecoder().decode(fixture('lambert72.geojson')));
		delete bare.crs;
		await refusedWithNothingStored(
			() => upload('lambert72.geojson', new TextEncoder().encode(JSON.stringify(bare))),
			/Lambert-coördinaten/
		);
	});

	it('refuses a file over the size limit while it streams in', async () => {
		const big = new Uint8Array(1024 * 1024 + 10).fill(0x20);
		await refusedWithNothingStored(
			() => upload('groot.geojson', big),
			/^Het bestand is groter dan 1 MB\. Er is niets opgeslagen\.$/
		);
	});

	it('refuses a successor when the file has only some of its predecessors', async () => {
		const doc = JSON.parse(new TextDecoder().decode(fixture('voorbeeld-gemeenten-2024.geojson')));
		doc.features = doc.features.filter(
			(f: { properties: { CD_MUNTY_REFNIS: string } }) => f.properties.CD_MUNTY_REFNIS !== '23032'
		);
		await refusedWithNothingStored(
			() => upload('zonder-herne.geojson', new TextEncoder().encode(JSON.stringify(doc))),
			/Pajottegem \(23106\) kan niet samengesteld worden: het bestand mist Herne/
		);
	});

	it('is refused to users without monitor:manage', async () => {
		const member = { ...staff, role: 'user' } as Principal;
		const before = await counts();
		const e = await rejection(
			previewBoundaryUpload(t.ctx({ principal: member }), {
				name: 'a.geojson',
				data: fixture('voorbeeld-gemeenten-2024.geojson')
			})
		);
		expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});
});

describe('choosing the NIS property', () => {
	it('asks when two properties hold different NIS-like codes, then uses the choice', async () => {
		const ctx = t.ctx({ principal: staff });
		const e = await rejection(
			previewBoundaryUpload(ctx, { name: 'dubbel.geojson', data: fixture('dubbelzinnig.geojson') })
		);
		expect(e).toBeInstanceOf(NisPropertyAmbiguous);
		const amb = e as NisPropertyAmbiguous;
		expect(amb.choices.map((c) => c.property).sort()).toEqual(['NISCode', 'nis']);
		expect(amb.message).toMatch(/Kies welke/);
		expect(staged()).toContain(amb.uploadId);
		const preview = await previewStagedBoundaries(ctx, amb.uploadId, {
			fileName: amb.fileName,
			nisProperty: 'nis'
		});
		expect(preview.matched.map((m) => m.nis).sort()).toEqual(['24001', '24007', '24008']);
		const before = await counts();
		const summary = await importBoundaries(ctx, amb.uploadId, {
			fileName: amb.fileName,
			nisProperty: 'nis'
		});
		expect(summary.stored).toBe(3);
		expect(await counts()).toEqual({
			boundaries: before.boundaries + 3,
			audits: before.audits + 1
		});
		expect(staged()).not.toContain(amb.uploadId);
	});
});

describe('importing the example boundaries', () => {
	it('previews without storing, then imports: predecessors dissolved, unknown codes skipped', async () => {
		const ctx = t.ctx({ principal: staff });
		await t.db.delete(areaBoundaries);
		const before = await counts();
		const preview = await previewBoundaryUpload(ctx, {
			name: 'voorbeeld-gemeenten-2024.geojson',
			data: fixture('voorbeeld-gemeenten-2024.geojson')
		});
		expect(await counts()).toEqual(before);
		expect(preview.format).toBe('GeoJSON');
		expect(preview.nisProperty).toBe('CD_MUNTY_REFNIS');
		expect(preview.features).toBe(66);
		expect(preview.skipped).toBe(1);
		expect(preview.skippedCodes).toEqual(['21004']);
		expect(preview.dissolved).toEqual([
			{ nis: '23106', name: 'Pajottegem', from: ['Galmaarden', 'Gooik', 'Herne'] }
		]);
		// 30 + 32 current, 3 predecessors, Pajottegem built from them.
		expect(preview.matched).toHaveLength(66);
		// The outline draws today's map: 63 municipalities.
		expect(preview.outline.paths).toHaveLength(63);
		expect(preview.outline.paths[0].d).toMatch(/^M[\d.]+,[\d.]+L/);

		const summary = await importBoundaries(ctx, preview.uploadId, { fileName: preview.fileName });
		expect(summary).toMatchObject({ stored: 66, inserted: 66, updated: 0, skipped: 1 });
		expect(await counts()).toEqual({ boundaries: 66, audits: before.audits + 1 });

		const pajottegem = await geometryOf('23106');
		const g = pajottegem.geometry as { type: string; coordinates: number[][][] };
		// One piece: the three cells share their edges.
		expect(g.type).toBe('Polygon');
		expect(g.coordinates).toHaveLength(1);
		// Simplified and rounded: a few KB at most, 5 decimals.
		for (const m of preview.matched) expect(m.bytes).toBeLessThan(4000);
		expect(JSON.stringify(g)).not.toMatch(/\.\d{6}/);
		expect((await boundaryStatus(t.db)).total).toBe(66);
		expect((await storedOutline(t.db)).paths).toHaveLength(63);
	});

	it('imports the TopoJSON variant over it (upsert per area), keyed on NISCode', async () => {
		const ctx = t.ctx({ principal: staff });
		const before = await counts();
		const summary = await importBoundaryFile(ctx, fixture('voorbeeld-gemeenten-2025.topojson'), {
			fileName: 'voorbeeld-gemeenten-2025.topojson',
			isExample: true
		});
		expect(summary).toMatchObject({ stored: 63, inserted: 0, updated: 63, skipped: 0 });
		expect(summary.dissolved).toEqual([]);
		expect(await counts()).toEqual({ boundaries: 66, audits: before.audits + 1 });
		expect((await geometryOf('24062')).isExample).toBe(true);
		// The predecessors keep the boundary of the earlier file.
		expect((await geometryOf('23023')).isExample).toBe(false);
	});

	it('re-importing the same file changes nothing but the update time', async () => {
		const ctx = t.ctx({ principal: staff });
		const rows = async () =>
			t.db
				.select({ areaId: areaBoundaries.areaId, geometry: areaBoundaries.geometry })
				.from(areaBoundaries)
				.where(
					inArray(
						areaBoundaries.areaId,
						t.db.select({ id: areas.id }).from(areas).where(eq(areas.level, 'gemeente'))
					)
				)
				.orderBy(areaBoundaries.areaId);
		const first = await rows();
		await importBoundaryFile(ctx, fixture('voorbeeld-gemeenten-2025.topojson'), {
			fileName: 'voorbeeld-gemeenten-2025.topojson',
			isExample: true
		});
		expect(await rows()).toEqual(first);
	});
});
