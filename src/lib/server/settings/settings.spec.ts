import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { images } from '../../../../tests/helpers/images';
import { auditTrail } from '../audit/audit.service';
import { auditEvents, files, siteSettings } from '../db/schema';
import type { Principal } from '../policy';
import { postedFormValues, settingsFormInput, settingsFormProblems } from './settings.schema';
import {
	editSiteSettings,
	getSiteSettings,
	removeSiteLogo,
	setSiteLogo,
	updateSiteSettings
} from './settings.service';
import { rejection } from '../../../../tests/helpers/errors';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-settings-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();

const user = (role: 'admin' | 'staff'): Principal => ({
	kind: 'user',
	userId: '00000000-0000-4000-8000-000000000001',
	name: role,
	email: `${role}@voorbeeld.test`,
	role,
	bodyRoles: {}
});

const valid = {
	name: 'Streekplatform Test',
	tagline: { nl: 'Samen werken aan de regio', en: 'Working together' },
	legalName: 'Testpartnerschap vzw',
	address: 'Markt 1, 3000 Leuven',
	email: 'info@voorbeeld.be',
	phone: '016 00 00 00',
	website: 'https://voorbeeld.be',
	colours: { primary: '#1f4e79', accent: '#b3541e' },
	documentHeader: 'Streekplatform — verslag'
};

async function state() {
	const [row] = await t.db.select().from(siteSettings);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	const [f] = await t.db.select({ n: count() }).from(files);
	return { settings: row?.value, audit: a.n, files: f.n };
}

describe('editSiteSettings', () => {
	it('saves every field and audits the change, keeping the host organisation', async () => {
		const before = await getSiteSettings(t.db);
		const saved = await editSiteSettings(t.ctx({ requestId: 'req-settings' }), valid);
		expect(saved).toMatchObject({ ...valid, hostOrganisation: before.hostOrganisation });
		expect(await getSiteSettings(t.db)).toEqual(saved);
		const [last] = await auditTrail(t.db, 'site_settings', 'site');
		expect(last).toMatchObject({ action: 'settings.update', requestId: 'req-settings' });
		expect(last.changes?.legalName).toEqual({ before: before.legalName, after: valid.legalName });
	});

	it.each([
		[
			'an invalid colour',
			{ primary: 'blauw', accent: '#b3541e' },
			'Gebruik een kleurcode als #1f4e79.'
		],
		[
			'a primary colour too light for white text',
			{ primary: '#7fa6cc', accent: '#b3541e' },
			'Witte tekst op deze hoofdkleur heeft te weinig contrast (2,5:1, minstens 4,5:1 nodig). Kies een donkerdere kleur.'
		],
		[
			'a colour just under 4.5:1',
			{ primary: '#777777', accent: '#b3541e' },
			'Witte tekst op deze hoofdkleur heeft te weinig contrast (4,4:1, minstens 4,5:1 nodig). Kies een donkerdere kleur.'
		]
	])('refuses %s in Dutch and changes nothing', async (_, colours, message) => {
		const before = await state();
		const e = await rejection(editSiteSettings(t.ctx(), { ...valid, colours }));
		expect(e.code).toBe('invalid_input');
		expect(e.fields?.['colours.primary']).toEqual([message]);
		expect(await state()).toEqual(before);
	});

	it('clears an optional field left empty', async () => {
		const { address: _address, ...rest } = valid;
		const saved = await editSiteSettings(t.ctx(), rest);
		expect(saved).not.toHaveProperty('address');
		expect((await getSiteSettings(t.db)).address).toBeUndefined();
		await editSiteSettings(t.ctx(), valid);
	});

	it('accepts a colour at the limit (#767676 is 4.54:1)', async () => {
		const saved = await editSiteSettings(t.ctx(), {
			...valid,
			colours: { primary: '#767676', accent: '#b3541e' }
		});
		expect(saved.colours.primary).toBe('#767676');
		await editSiteSettings(t.ctx(), valid);
	});

	it('refuses other bad fields with Dutch messages, and unknown fields', async () => {
		const before = await state();
		const e = await rejection(
			editSiteSettings(t.ctx(), { ...valid, name: ' ', email: 'geen-adres', website: 'ftp://x' })
		);
		expect(e.fields).toMatchObject({
			name: ['Vul de naam in.'],
			email: ['Vul een geldig e-mailadres in, zoals info@voorbeeld.be.'],
			website: ['Vul een volledig webadres in, zoals https://voorbeeld.be.']
		});
		await rejection(editSiteSettings(t.ctx(), { ...valid, logoFileId: crypto.randomUUID() }));
		expect(await state()).toEqual(before);
	});

	it('saves the licence of the open data, and refuses one not in the list', async () => {
		const saved = await editSiteSettings(t.ctx(), {
			...valid,
			openDataLicence: 'modellicentie-gratis-hergebruik'
		});
		expect(saved.openDataLicence).toBe('modellicentie-gratis-hergebruik');
		expect((await getSiteSettings(t.db)).openDataLicence).toBe('modellicentie-gratis-hergebruik');
		const before = await state();
		const e = await rejection(editSiteSettings(t.ctx(), { ...valid, openDataLicence: 'gpl' }));
		expect(e.fields?.openDataLicence).toEqual(['Kies een licentie uit de lijst.']);
		expect(await state()).toEqual(before);
		await editSiteSettings(t.ctx(), valid);
		expect((await getSiteSettings(t.db)).openDataLicence).toBeUndefined();
	});

	it('is for administrators only', async () => {
		const before = await state();
		const e = await rejection(editSiteSettings(t.ctx({ principal: user('staff') }), valid));
		expect(e.code).toBe('forbidden');
		await rejection(updateSiteSettings(t.ctx({ principal: user('staff') }), valid));
		await rejection(
			setSiteLogo(t.ctx({ principal: user('staff') }), { name: 'l.png', data: images.png })
		);
		expect(await state()).toEqual(before);
		await editSiteSettings(t.ctx({ principal: user('admin') }), valid);
	});
});

describe('the settings form', () => {
	const posted = {
		name: ' Naam ',
		'tagline.nl': 'Onder',
		'tagline.en': '',
		email: '',
		'colours.primary': '#1f4e79',
		'colours.primaryPicker': '#123456',
		'colours.primaryShown': '#1f4e79',
		'colours.accent': '#aa0000',
		'colours.accentPicker': '#b3541e',
		'colours.accentShown': '#b3541e'
	};

	it('takes the picker when the text was not changed, else the text (no JavaScript)', () => {
		expect(settingsFormInput(posted)).toEqual({
			name: 'Naam',
			tagline: { nl: 'Onder', en: undefined },
			legalName: undefined,
			address: undefined,
			email: undefined,
			phone: undefined,
			website: undefined,
			colours: { primary: '#123456', accent: '#aa0000' },
			documentHeader: undefined
		});
		expect(postedFormValues(posted)['colours.primary']).toBe('#123456');
		expect(settingsFormInput({ ...posted, openDataLicence: 'cc-by-4.0' })).toMatchObject({
			openDataLicence: 'cc-by-4.0'
		});
		expect(postedFormValues({ ...posted, openDataLicence: 'cc-by-4.0' }).openDataLicence).toBe(
			'cc-by-4.0'
		);
	});

	it('lists the problems of a preview without saving', () => {
		expect(
			settingsFormProblems(settingsFormInput({ ...posted, 'colours.primaryPicker': '#ffff00' }))
		).toEqual({
			'colours.primary': [expect.stringContaining('te weinig contrast')]
		});
	});
});

describe('setSiteLogo', () => {
	it('stores a PNG as the logo, with the file and the settings change audited', async () => {
		const before = await state();
		const settings = await setSiteLogo(t.ctx(), { name: 'logo.png', data: images.png });
		expect(settings.logoFileId).toMatch(/^[0-9a-f-]{36}$/);
		expect((await getSiteSettings(t.db)).logoFileId).toBe(settings.logoFileId);
		const after = await state();
		expect(after.files).toBe(before.files + 1);
		expect(after.audit).toBe(before.audit + 2);
		const [change] = await auditTrail(t.db, 'site_settings', 'site');
		expect(change.changes?.logoFileId).toEqual({ after: settings.logoFileId });
		// Editing the other fields keeps the logo.
		expect((await editSiteSettings(t.ctx(), valid)).logoFileId).toBe(settings.logoFileId);
	});

	it('refuses an SVG and a text file named .png, changing nothing', async () => {
		const before = await state();
		for (const data of [images.svg, images.text]) {
			const e = await rejection(setSiteLogo(t.ctx(), { name: 'logo.png', data }));
			expect(e.fields?.logo?.[0]).toMatch(
				/^Dit bestand is .*Voor een logo zijn alleen PNG, JPEG of WebP toegestaan\.$/
			);
		}
		expect(await state()).toEqual(before);
	});

	it('removes the logo from the settings', async () => {
		const settings = await removeSiteLogo(t.ctx());
		expect(settings.logoFileId).toBeUndefined();
		expect((await getSiteSettings(t.db)).logoFileId).toBeUndefined();
	});
});
