import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import { auditEvents, organisationLinks } from '../db/schema';
import { bodyId, organisationId } from '../seed/seed.service';
import {
	addOrganisationLink,
	linkMessages,
	organisationLinksOf,
	removeOrganisationLink
} from './links.service';

const t = useTestDatabase();
const voka = organisationId('voka');

async function counts() {
	const [l] = await t.db.select({ n: count() }).from(organisationLinks);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { links: l.n, audit: a.n };
}

describe('organisation links', () => {
	it('adds and removes http(s) links, audited', async () => {
		const link = await addOrganisationLink(t.ctx(), voka, {
			label: 'Website',
			url: 'https://www.voka.be'
		});
		expect(await organisationLinksOf(t.db, voka)).toEqual([
			{ id: link.id, label: { nl: 'Website' }, url: 'https://www.voka.be' }
		]);
		await removeOrganisationLink(t.ctx(), voka, link.id);
		expect(await organisationLinksOf(t.db, voka)).toEqual([]);
	});

	it('keeps an English name beside the Dutch one, shown on the English page', async () => {
		await addOrganisationLink(t.ctx(), voka, {
			label: 'Ledenwerking',
			labelEn: 'Membership',
			url: 'https://www.voka.be/lid-worden'
		});
		await addOrganisationLink(t.ctx(), voka, {
			label: 'Nieuws',
			labelEn: '  ',
			url: 'https://www.voka.be/nieuws'
		});
		const labels = (await organisationLinksOf(t.db, voka)).map((l) => l.label);
		expect(labels).toEqual([{ nl: 'Ledenwerking', en: 'Membership' }, { nl: 'Nieuws' }]);
	});

	it.each([
		['javascript:alert(1)', 'url', linkMessages.url],
		['ftp://example.org', 'url', linkMessages.url],
		['geen adres', 'url', linkMessages.url]
	])('refuses %s in Dutch and writes nothing', async (url, field, message) => {
		const before = await counts();
		const e = await rejection(addOrganisationLink(t.ctx(), voka, { label: 'X', url }));
		expect(e.fields?.[field]).toEqual([message]);
		expect(await counts()).toEqual(before);
	});

	it('refuses a member before reading the input', async () => {
		const { principal } = await buildMemberUser(t.db, {
			bodyId: bodyId('taskforce-spitsregio-leuven')
		});
		const before = await counts();
		const e = await rejection(addOrganisationLink(t.ctx({ principal }), voka, {}));
		expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});
});
