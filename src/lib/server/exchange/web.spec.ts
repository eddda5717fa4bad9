import type { RequestEvent } from '@sveltejs/kit';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership } from '../../../../tests/helpers/factories';
import { bodies, memberships, people } from '../db/schema';
import { system, type Principal } from '../policy';
import { exchangeColumns } from './columns';
import { parseCsv, toCsv } from './csv';
import { exportMemberships } from './exchange.service';
import { importAction, previewAction } from './web';

const t = useTestDatabase();

function event(body: FormData | string, principal: Principal = system): RequestEvent {
	const request = new Request('http://localhost/beheer/uitwisseling?/preview', {
		method: 'POST',
		body,
		...(typeof body === 'string'
			? { headers: { 'content-type': 'application/x-www-form-urlencoded' } }
			: {})
	});
	return {
		request,
		locals: { db: t.db, requestId: 'test', locale: 'nl', principal }
	} as unknown as RequestEvent;
}

const upload = (content: string | Uint8Array, name = 'voorbeeld.csv') => {
	const form = new FormData();
	form.set('bestand', new File([content as BlobPart], name));
	return form;
};

async function counts() {
	const [p] = await t.db.select({ n: count() }).from(people);
	const [m] = await t.db.select({ n: count() }).from(memberships);
	return { people: p.n, memberships: m.n };
}

describe('exchange form actions', () => {
	it('refuses a file over 5 MB with a Dutch message, before parsing it', async () => {
		for (const size of [5 * 1024 * 1024 + 1, 8 * 1024 * 1024]) {
			const big = new Uint8Array(size).fill(0x41);
			const result = await previewAction(event(upload(big)));
			expect(result).toMatchObject({
				status: 413,
				data: { message: 'Het bestand is te groot: hoogstens 5 MB.' }
			});
		}
	});

	it('asks for a file when none was chosen', async () => {
		const result = await previewAction(event(new FormData()));
		expect(result).toMatchObject({
			status: 400,
			data: { message: 'Kies een CSV- of XLSX-bestand.' }
		});
	});

	it('lists every bad row with its line and writes nothing', async () => {
		const [body] = await t.db.select().from(bodies).limit(1);
		const csv = [
			exchangeColumns.join(';'),
			`;Voorbeeld;Een;;;;${body.slug};member;;2025-05-01;2025-01-01;nee;;`,
			`;Voorbeeld;Twee;;;;bestaat-niet;member;;;;nee;;`
		].join('\n');
		const before = await counts();
		const result = await previewAction(event(upload(csv)));
		expect(result).toMatchObject({
			status: 400,
			data: {
				message: 'Er is niets geïmporteerd: 2 fouten in het bestand.',
				errors: [
					{ line: 2, message: expect.stringContaining('eindigt (2025-01-01) voor het begint') },
					{ line: 3, message: 'Onbekend orgaan: "bestaat-niet".' }
				]
			}
		});
		expect(await counts()).toEqual(before);
	});

	it('previews, then imports the rows carried by the confirmation', async () => {
		const [body] = await t.db.select().from(bodies).limit(1);
		const csv = [
			exchangeColumns.join(','),
			`,Voorbeeld,Bevestigd,,,,${body.slug},member,,2025-01-01,,nee,,`
		].join('\n');
		const before = await counts();
		const preview = await previewAction(event(upload(csv)));
		if (!('rows' in preview)) throw new Error('expected a preview');
		expect(preview.preview.changes).toHaveLength(2);
		expect(await counts()).toEqual(before);
		const result = await importAction(
			event(new URLSearchParams({ rijen: preview.rows }).toString())
		);
		expect(result).toEqual({
			imported: {
				peopleCreated: 1,
				peopleUpdated: 0,
				membershipsCreated: 1,
				membershipsUpdated: 0,
				unchanged: 0
			}
		});
		expect(await counts()).toEqual({
			people: before.people + 1,
			memberships: before.memberships + 1
		});
		const tampered = await importAction(
			event(new URLSearchParams({ rijen: '[[1,"x"]]' }).toString())
		);
		expect(tampered).toMatchObject({
			status: 400,
			data: { message: expect.stringContaining('Laad het bestand opnieuw op') }
		});
	});

	it('guards CSV cells that Excel would run as formulas, and reads them back unchanged', async () => {
		const [body] = await t.db.select().from(bodies).limit(1);
		const { membership } = await buildMembership(t.db, {
			bodyId: body.id,
			givenName: '=HYPERLINK("voorbeeld")',
			familyName: '+Formule'
		});
		const rows = await exportMemberships(t.ctx(), { bodySlug: body.slug });
		const csv = toCsv(rows);
		expect(csv).toContain(`'=HYPERLINK(""voorbeeld"")`);
		expect(csv).not.toMatch(/;"?=HYPERLINK/);
		const back = parseCsv(csv).rows.find((r) => r.values.membership_id === membership.id);
		expect(back?.values.given_name).toBe('=HYPERLINK("voorbeeld")');
		expect(back?.values.family_name).toBe('+Formule');
	});
});
