import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { auditTrail } from '../audit/audit.service';
import { auditEvents, organisations } from '../db/schema';
import { organisationId } from '../seed/seed.service';
import {
	createOrganisation,
	getOrganisationPage,
	listOrganisations,
	updateOrganisation
} from './organisations.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();

async function counts() {
	const [o] = await t.db.select({ n: count() }).from(organisations);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { organisations: o.n, audit: a.n };
}

describe('createOrganisation', () => {
	it('creates and writes an audit row with actor, request id and fields, in one transaction', async () => {
		const created = await createOrganisation(
			t.ctx({ actor: { type: 'cli', label: 'tester' }, requestId: 'req-42' }),
			{ slug: 'kenniscentrum-test', kind: 'knowledge_institution', name: { nl: 'Kenniscentrum' } }
		);
		const trail = await auditTrail(t.db, 'organisation', created.id);
		expect(trail).toHaveLength(1);
		expect(trail[0]).toMatchObject({
			action: 'organisation.create',
			actorType: 'cli',
			actorLabel: 'tester',
			requestId: 'req-42'
		});
		expect(trail[0].changes?.slug).toEqual({ after: 'kenniscentrum-test' });
	});

	it.each([
		[
			'an unknown kind',
			{ slug: 'x-y', kind: 'club', name: { nl: 'X' } },
			'kind',
			'Kies een soort organisatie.'
		],
		[
			'a missing Dutch name',
			{ slug: 'x-y', kind: 'other', name: { nl: ' ' } },
			'name.nl',
			'Vul de Nederlandse tekst in.'
		],
		[
			'a bad slug',
			{ slug: 'Met Spaties', kind: 'other', name: { nl: 'X' } },
			'slug',
			'Alleen kleine letters, cijfers en koppeltekens.'
		],
		[
			'an over-long slug',
			{ slug: 'a'.repeat(101), kind: 'other', name: { nl: 'X' } },
			'slug',
			'Een slug heeft hoogstens 100 tekens.'
		],
		[
			'an extra field (mass assignment)',
			{ slug: 'x-y', kind: 'other', name: { nl: 'X' }, isExample: true },
			'_',
			''
		],
		['a wrong type', { slug: 42, kind: 'other', name: { nl: 'X' } }, 'slug', '']
	])(
		'refuses %s with a field message and writes nothing',
		async (_label, input, field, message) => {
			const before = await counts();
			const error = await rejection(createOrganisation(t.ctx(), input));
			expect(error.code).toBe('invalid_input');
			expect(error.status).toBe(400);
			expect(error.message).toBe('Controleer de ingevulde gegevens.');
			expect(Object.keys(error.fields ?? {})).toContain(field);
			if (message) expect(error.fields?.[field]).toContain(message);
			expect(await counts()).toEqual(before);
		}
	);

	it('refuses a slug that is taken, leaving no change and no audit row', async () => {
		const before = await counts();
		const error = await rejection(
			createOrganisation(t.ctx(), { slug: 'acv', kind: 'union', name: { nl: 'Nog een ACV' } })
		);
		expect(error.code).toBe('conflict');
		expect(error.fields?.slug).toEqual(['Deze slug is al in gebruik door een andere organisatie.']);
		expect(await counts()).toEqual(before);
	});

	it('stores HTML in a name as text (pages escape it)', async () => {
		const created = await createOrganisation(t.ctx(), {
			slug: 'html-test',
			kind: 'other',
			name: { nl: '<script>alert(1)</script>' }
		});
		const page = await getOrganisationPage(t.db, created.slug);
		expect(page.organisation.name.nl).toBe('<script>alert(1)</script>');
	});
});

describe('updateOrganisation', () => {
	it('records only the changed fields, before and after', async () => {
		const id = organisationId('voka');
		await updateOrganisation(t.ctx(), id, { website: 'https://www.voka.be' });
		const [latest] = await auditTrail(t.db, 'organisation', id);
		expect(latest.changes).toEqual({ website: { before: null, after: 'https://www.voka.be' } });
	});

	it('gives not_found for an unknown id and writes nothing', async () => {
		const before = await counts();
		const error = await rejection(
			updateOrganisation(t.ctx(), '00000000-0000-4000-8000-000000000000', { shortName: 'X' })
		);
		expect(error.code).toBe('not_found');
		expect(await counts()).toEqual(before);
	});
});

describe('listOrganisations', () => {
	it('pages through every organisation with a cursor, without repeats', async () => {
		const seen = new Set<string>();
		let cursor: string | undefined;
		let pages = 0;
		do {
			const page = await listOrganisations(t.db, { limit: 20, cursor });
			for (const o of page.items) {
				expect(seen.has(o.id)).toBe(false);
				seen.add(o.id);
			}
			cursor = page.nextCursor ?? undefined;
			pages++;
		} while (cursor);
		const [total] = await t.db.select({ n: count() }).from(organisations);
		expect(seen.size).toBe(total.n);
		expect(pages).toBeGreaterThan(1);
	});

	it('refuses a forged cursor', async () => {
		const error = await rejection(listOrganisations(t.db, { limit: 10, cursor: 'bm90LWEtdXVpZA' }));
		expect(error.code).toBe('invalid_input');
	});
});
