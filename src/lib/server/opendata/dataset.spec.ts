/**
 * The open-data ZIP: every CSV parses with its header, the README names every column of every
 * CSV and the licence, closed or unpublished data and private names are absent, and a change of
 * the data gives a new ZIP while no change serves the kept one.
 */
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMeeting, buildMembership } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import { decisions, meetings, siteSettings } from '../db/schema';
import { seedExampleDossiers } from '../seed/example-dossiers';
import { seedExampleMonitor } from '../seed/example-monitor';
import { seedExamplePlans } from '../seed/example-plans';
import { seedExampleMeetings } from '../seed/examples';
import { bodyId } from '../seed/seed.service';
import {
	buildOpenDataZip,
	currentOpenDataZip,
	dataVersion,
	openDataTables,
	toCsv
} from './dataset';
import { indicatorsTable } from './tables.monitor';

const t = useTestDatabase();
const origin = 'https://streek.example';
const taskforce = bodyId('taskforce-spitsregio-leuven');
const closedMeeting = '0d0d0d0d-0000-4000-8000-000000000001';
const heldMeeting = '0d0d0d0d-0000-4000-8000-000000000002';

beforeAll(async () => {
	await seedExampleMonitor(t.ctx());
	await seedExampleMeetings(t.ctx());
	await seedExamplePlans(t.ctx());
	await seedExampleDossiers(t.ctx());
	await buildMembership(t.db, {
		bodyId: taskforce,
		givenName: 'Openbare',
		familyName: 'Naamdrager',
		publicName: true,
		publicNameConsentAt: new Date()
	});
	await buildMembership(t.db, {
		bodyId: taskforce,
		givenName: 'Geheime',
		familyName: 'Naamloze',
		publicName: false
	});
	await buildMeeting(t.db, {
		id: closedMeeting,
		bodyId: taskforce,
		isPublic: false,
		status: 'held',
		title: 'Besloten vergadering XYZ'
	});
	await buildMeeting(t.db, {
		id: heldMeeting,
		bodyId: taskforce,
		status: 'held',
		title: 'Openbare vergadering XYZ',
		items: [
			{ title: 'Openbaar punt XYZ', durationMinutes: 20 },
			{ title: 'Besloten punt XYZ', isPublic: false, durationMinutes: 10 }
		]
	});
	await t.db.insert(decisions).values({
		bodyId: taskforce,
		year: 2026,
		number: 901,
		meetingId: closedMeeting,
		title: 'Besloten besluit XYZ',
		text: 'Geheim.'
	});
	const plan = await buildPlan(t.db, {
		bodyId: taskforce,
		title: { nl: 'Verborgen plan XYZ' },
		isPublic: false
	});
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme', title: 'Verborgen thema' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id,
		title: 'Verborgen doel'
	});
	await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		title: 'Verborgen actie'
	});
});

type Zip = Record<string, Uint8Array>;
const open = (bytes: Uint8Array): Zip => unzipSync(bytes);
const rowsOf = (zip: Zip, file: string) =>
	parse(strFromU8(zip[file]), { delimiter: ';', bom: true, columns: true }) as Record<
		string,
		string
	>[];

describe('open-data ZIP', () => {
	it('holds a README and one CSV per table; each parses with its header and has rows', async () => {
		const zip = open((await buildOpenDataZip(t.db, origin)).bytes);
		expect(Object.keys(zip).sort()).toEqual(
			['README.md', ...openDataTables.map((x) => x.file)].sort()
		);
		for (const table of openDataTables) {
			// UTF-8 with a byte-order mark, as the exchange's CSV.
			expect([...zip[table.file].slice(0, 3)], table.file).toEqual([0xef, 0xbb, 0xbf]);
			const text = strFromU8(zip[table.file]);
			const records = parse(text, { delimiter: ';', bom: true }) as string[][];
			expect(records[0], table.file).toEqual(table.columns.map((c) => c.name));
			expect(records.length, `${table.file} has rows`).toBeGreaterThan(1);
			for (const r of records) expect(r.length).toBe(table.columns.length);
		}
	});

	it('describes every column of every CSV and the licence in its README', async () => {
		const zip = open((await buildOpenDataZip(t.db, origin)).bytes);
		const text = strFromU8(zip['README.md']);
		expect(text).toContain('Creative Commons Attribution 4.0');
		for (const table of openDataTables) {
			const section = text.split(`## ${table.file}`)[1]?.split('\n## ')[0];
			expect(section, table.file).toBeDefined();
			const header = strFromU8(zip[table.file])
				.replace(/^\uFEFF/, '')
				.split('\r\n')[0];
			for (const name of header.split(';')) {
				expect(section, `${table.file}: ${name}`).toMatch(
					new RegExp(`^\\| \`${name}\` \\| \\w+ \\| .{10,}`, 'm')
				);
			}
		}
	});

	it('leaves out closed meetings, items and decisions, unpublished plans and private names', async () => {
		const zip = open((await buildOpenDataZip(t.db, origin)).bytes);
		const all = Object.values(zip)
			.map((b) => strFromU8(b))
			.join('\n');
		for (const secret of [
			'Besloten vergadering XYZ',
			'Besloten punt XYZ',
			'Besloten besluit XYZ',
			'Verborgen plan XYZ',
			'Verborgen thema',
			'Verborgen doel',
			'Verborgen actie',
			'Naamloze'
		]) {
			expect(all, secret).not.toContain(secret);
		}
		expect(rowsOf(zip, 'memberships.csv').map((r) => r.family_name)).toContain('Naamdrager');
		expect(rowsOf(zip, 'meetings.csv').map((r) => r.id)).toContain(heldMeeting);
		const items = rowsOf(zip, 'agenda_items.csv').filter((r) => r.meeting_id === heldMeeting);
		expect(items.map((r) => [r.number, r.title])).toEqual([['1', 'Openbaar punt XYZ']]);
		// Text that looks like a formula is guarded, a negative number is not.
		expect(toCsv(indicatorsTable, [{ code: '=1+1', decimals: -1 }])).toMatch(/'=1\+1;[^\r]*;-1;/);
		// No column for owners, authors, e-mail addresses of people or phone numbers.
		const header = openDataTables.flatMap((x) => x.columns.map((c) => `${x.file}:${c.name}`));
		expect(header.filter((h) => /owner|author|person|phone/.test(h))).toEqual([]);
	});

	it('is built again after a change, and served from memory while nothing changed', async () => {
		const first = await currentOpenDataZip(t.db, origin);
		const again = await currentOpenDataZip(t.db, origin);
		expect(again).toBe(first);
		expect(await dataVersion(t.db)).toBe(first.version);

		await t.db
			.update(meetings)
			.set({ title: 'Hernoemde vergadering XYZ' })
			.where(eq(meetings.id, heldMeeting));
		const changed = await currentOpenDataZip(t.db, origin);
		expect(changed.version).not.toBe(first.version);
		expect(changed.etag).not.toBe(first.etag);
		expect(strFromU8(open(changed.bytes)['meetings.csv'])).toContain('Hernoemde vergadering XYZ');

		// The licence is a site setting: the Flemish model licence when chosen.
		const [row] = await t.db.select().from(siteSettings);
		await t.db
			.update(siteSettings)
			.set({
				value: { ...(row.value as object), openDataLicence: 'modellicentie-gratis-hergebruik' }
			})
			.where(eq(siteSettings.key, row.key));
		const relicensed = await currentOpenDataZip(t.db, origin);
		expect(relicensed.version).not.toBe(changed.version);
		expect(strFromU8(open(relicensed.bytes)['README.md'])).toContain(
			'Flemish model licence for free re-use'
		);
	});
});
