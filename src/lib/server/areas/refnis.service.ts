/**
 * Adding the areas the platform does not know from Statbel's REFNIS list, so that an import of
 * figures for all of Belgium keeps the rows it would otherwise skip. Only new NIS codes are added
 * (parents first: a parent is an area the platform knows or one added from the same list);
 * existing areas are never changed. One transaction with its audit row: all or nothing.
 */
import { count, sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { areas, type AreaLevel, type Translatable } from '../db/schema';
import { authorize } from '../policy';
import { seededId, slugify } from '../seed/ids';
import {
	parseRefnis,
	REFNIS_MAX_BYTES,
	refnisLevels,
	RefnisRefused,
	type RefnisEntry,
	type RefnisLevel
} from './refnis';

export { REFNIS_MAX_BYTES, RefnisRefused } from './refnis';

/** The same lock as the seed's, which inserts areas too. */
const AREAS_LOCK = 720419002;
const CHUNK = 500;
const MAX_ERRORS = 50;

export type RefnisLevelCount = { level: RefnisLevel; added: number; known: number };

export type RefnisResult = {
	fileName: string;
	format: 'csv' | 'xlsx';
	/** Per level, highest first. */
	levels: RefnisLevelCount[];
	added: number;
	known: number;
	/** The first added areas (name and code), for the status message. */
	examples: { code: string; name: string }[];
};

export const refnisServiceMessages = {
	unknownParent: (line: number, code: string, parent: string) =>
		`Regel ${line}: het bovenliggende gebied ${parent} van ${code} staat niet in het platform en niet in de lijst.`,
	cycle: (line: number, code: string) =>
		`Regel ${line}: ${code} ligt (via zijn bovenliggende gebieden) onder zichzelf.`
};

type Known = { id: string; level: AreaLevel };

/** How many areas the platform knows per level (NIS areas and platform regions). */
export async function areaCountsByLevel(
	db: DbOrTx
): Promise<{ level: AreaLevel; count: number }[]> {
	const list = await db
		.select({ level: areas.level, count: count() })
		.from(areas)
		.groupBy(areas.level);
	const order: AreaLevel[] = [...refnisLevels, 'regio'];
	return order.map((level) => ({
		level,
		count: list.find((r) => r.level === level)?.count ?? 0
	}));
}

const slugBase = (e: RefnisEntry) =>
	slugify(e.name.replace(/^(arrondissement|provincie|province)\s+(de\s+|d'|du\s+)?/i, '')) ||
	e.code;

/**
 * Add every area of the REFNIS list whose NIS code the platform does not know yet. Requires
 * monitor:manage. Refuses (RefnisRefused, nothing added) a bad file, a bad line, or a parent
 * found neither in the platform nor in the list.
 */
export async function addAreasFromRefnis(
	ctx: ServiceContext,
	input: { fileName: string; bytes: Uint8Array; maxBytes?: number }
): Promise<RefnisResult> {
	authorize(ctx.principal, 'monitor:manage', undefined, ctx.requestId);
	const list = await parseRefnis(input.bytes, input.maxBytes ?? REFNIS_MAX_BYTES);

	return mutate(ctx, async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${AREAS_LOCK})`);
		const existing = await tx
			.select({ id: areas.id, nisCode: areas.nisCode, level: areas.level, slug: areas.slug })
			.from(areas);
		const known = new Map<string, Known>();
		const slugs = new Set<string>();
		for (const a of existing) {
			if (a.nisCode) known.set(a.nisCode, { id: a.id, level: a.level });
			slugs.add(`${a.level}:${a.slug}`);
		}
		// A region without a parent in the list belongs to the country, when the platform has one.
		const countries = existing.filter((a) => a.level === 'land');
		const country = countries.length === 1 ? countries[0].id : null;

		const inFile = new Map(list.entries.map((e) => [e.code, e]));
		const fresh = list.entries.filter((e) => !known.has(e.code));
		const errors: string[] = [];
		const parentId = new Map<string, string | null>();
		const depth = new Map<string, number>();

		// The depth of a new area among the new areas (0: its parent is known or it has none).
		const depthOf = (e: RefnisEntry, path: Set<string>): number => {
			const done = depth.get(e.code);
			if (done !== undefined) return done;
			if (path.has(e.code)) return -1;
			const parent = e.parentCode;
			let d = 0;
			if (parent && !known.has(parent)) {
				const p = inFile.get(parent);
				if (!p) return -2;
				path.add(e.code);
				const pd = depthOf(p, path);
				path.delete(e.code);
				if (pd < 0) return pd;
				d = pd + 1;
			}
			depth.set(e.code, d);
			return d;
		};
		for (const e of fresh) {
			if (errors.length > MAX_ERRORS) break;
			const d = depthOf(e, new Set());
			if (d === -1) errors.push(refnisServiceMessages.cycle(e.line, e.code));
			else if (d === -2) {
				// Name the line whose parent is missing, not a child further down.
				if (!inFile.has(e.parentCode!) && !known.has(e.parentCode!))
					errors.push(refnisServiceMessages.unknownParent(e.line, e.code, e.parentCode!));
			} else {
				const p = e.parentCode;
				parentId.set(
					e.code,
					p ? (known.get(p)?.id ?? seededId('area', p)) : e.level === 'gewest' ? country : null
				);
			}
		}
		if (errors.length) {
			const n = errors.length > MAX_ERRORS ? `meer dan ${MAX_ERRORS}` : String(errors.length);
			throw new RefnisRefused(
				errors.length === 1
					? `Er is niets toegevoegd: ${errors[0]}`
					: `Er is niets toegevoegd: ${n} fouten in de REFNIS-lijst.`,
				errors.slice(0, MAX_ERRORS)
			);
		}

		// Parents first; a slug already taken on the level gets the code.
		const ordered = [...fresh].sort(
			(a, b) => depth.get(a.code)! - depth.get(b.code)! || a.code.localeCompare(b.code)
		);
		const rowsToAdd = ordered.map((e) => {
			let slug = slugBase(e);
			if (slugs.has(`${e.level}:${slug}`)) slug = `${slug}-${e.code}`;
			slugs.add(`${e.level}:${slug}`);
			// The French name is kept beside the Dutch one (tr() shows Dutch or English).
			const name = (e.nameFr ? { nl: e.name, fr: e.nameFr } : { nl: e.name }) as Translatable;
			return {
				id: seededId('area', e.code),
				level: e.level,
				nisCode: e.code,
				slug,
				name,
				parentId: parentId.get(e.code) ?? null,
				validFrom: e.validFrom,
				validTo: e.validTo
			};
		});
		for (let i = 0; i < rowsToAdd.length; i += CHUNK) {
			await tx.insert(areas).values(rowsToAdd.slice(i, i + CHUNK));
		}

		const levels = refnisLevels.map((level) => ({
			level,
			added: fresh.filter((e) => e.level === level).length,
			known: list.entries.filter((e) => e.level === level && known.has(e.code)).length
		}));
		const result: RefnisResult = {
			fileName: input.fileName,
			format: list.format,
			levels,
			added: fresh.length,
			known: list.entries.length - fresh.length,
			examples: ordered.slice(0, 10).map((e) => ({ code: e.code, name: e.name }))
		};
		return {
			result,
			audit: {
				action: 'areas.refnis_import',
				recordType: 'area',
				changes: {
					file: { after: input.fileName },
					added: { after: Object.fromEntries(levels.map((l) => [l.level, l.added])) },
					known: { after: Object.fromEntries(levels.map((l) => [l.level, l.known])) }
				}
			}
		};
	});
}
