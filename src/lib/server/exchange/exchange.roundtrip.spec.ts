import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, useTestDatabase } from '../../../../tests/helpers/db';
import {
	buildMembership,
	buildOrganisation,
	buildParticipant
} from '../../../../tests/helpers/factories';
import type { ServiceContext } from '../context';
import { bodies, memberships, participants } from '../db/schema';
import { system } from '../policy';
import { toCsv } from './csv';
import { applyImport, exportMemberships, previewImport } from './exchange.service';
import { parseExchangeFile } from './parse';
import { toXlsx } from './xlsx';

/** Its own database: the round trip needs a platform with nothing but the scenario in it. */
const t = useTestDatabase();

describe('round trip', () => {
	it('exports to XLSX, imports into a fresh database and exports the same content', async () => {
		const all = await t.db.select().from(bodies);
		expect(all.length).toBeGreaterThan(0);
		const org = await buildOrganisation(t.db, { slug: 'voorbeeld-rondreis' });
		let i = 0;
		for (const body of all) {
			await buildParticipant(t.db, { bodyId: body.id, organisationId: org.id });
			await buildMembership(t.db, {
				bodyId: body.id,
				role: 'chair',
				startOn: '2025-01-01',
				publicName: true,
				publicNameConsentAt: new Date('2025-01-01T09:30:00Z'),
				organisationId: org.id,
				givenName: `Voorbeeld${++i}`,
				familyName: 'Publiek'
			});
			await buildMembership(t.db, {
				bodyId: body.id,
				role: 'member',
				note: 'voorbeeld; met "aanhalingstekens"',
				givenName: `Voorbeeld${++i}`,
				familyName: 'Besloten'
			});
		}
		for (const body of all) {
			const [p] = await t.db
				.select({ n: count() })
				.from(participants)
				.where(eq(participants.bodyId, body.id));
			const [m] = await t.db
				.select({ n: count() })
				.from(memberships)
				.where(eq(memberships.bodyId, body.id));
			expect(p.n).toBeGreaterThan(0);
			expect(m.n).toBeGreaterThan(1);
		}
		const first = await exportMemberships(t.ctx());
		expect(first.some((r) => r.public_name === 'ja')).toBe(true);
		expect(first.some((r) => r.public_name === 'nee')).toBe(true);
		const file = await toXlsx(first);

		const fresh = await openTestDatabase();
		try {
			// The fresh database lacks the example organisation: import refuses until it exists.
			const ctx: ServiceContext = {
				db: fresh.db,
				actor: { type: 'cli', label: 'test' },
				locale: 'nl',
				principal: system
			};
			const parsed = await parseExchangeFile(new Uint8Array(file));
			expect(parsed.errors).toEqual([]);
			const refused = await previewImport(ctx, parsed.rows);
			expect(refused.errors[0].message).toMatch(
				/Onbekende organisatie: "voorbeeld-rondreis"|Onbekende persoon/
			);
			await buildOrganisation(fresh.db, { slug: 'voorbeeld-rondreis' });
			// Without keepIds the ids of another database are unknown here.
			expect((await previewImport(ctx, parsed.rows)).errors[0].message).toMatch(
				/Onbekende persoon/
			);
			await applyImport(ctx, parsed.rows, { keepIds: true });
			const second = await exportMemberships(ctx);
			expect(second).toEqual(first);
			expect(await toCsv(second)).toEqual(toCsv(first));
		} finally {
			await fresh.close();
		}
	});
});
