import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody } from '../../../../tests/helpers/factories';
import { alertSubscriptions, contactMessages } from '../db/schema';
import { prunePublicForms } from './public-forms';

const t = useTestDatabase({ seeded: false });
const now = new Date('2026-12-07T04:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('retention of public form data', () => {
	it('deletes contact messages past their days and subscriptions nobody confirmed in time', async () => {
		const body = await buildBody(t.db);
		const message = (subject: string, createdAt: Date) => ({
			name: 'Voorbeeld Afzender',
			email: 'afzender@voorbeeld.test',
			subject,
			message: 'Voorbeeldbericht.',
			senderKey: 'k',
			createdAt
		});
		await t.db
			.insert(contactMessages)
			.values([message('oud', daysAgo(366)), message('recent', daysAgo(364))]);
		const subscription = (email: string, createdAt: Date, confirmedAt: Date | null) => ({
			email,
			bodyId: body.id,
			topic: 'news' as const,
			unsubscribeTokenHash: email,
			confirmTokenHash: confirmedAt ? null : `c-${email}`,
			confirmedAt,
			createdAt
		});
		await t.db
			.insert(alertSubscriptions)
			.values([
				subscription('bevestigd@voorbeeld.test', daysAgo(400), daysAgo(399)),
				subscription('verlopen@voorbeeld.test', daysAgo(8), null),
				subscription('wacht@voorbeeld.test', daysAgo(6), null)
			]);

		expect(await prunePublicForms(t.db, now, 365)).toEqual({
			contactMessages: 1,
			unconfirmedSubscriptions: 1
		});
		const subjects = (await t.db.select().from(contactMessages)).map((m) => m.subject);
		expect(subjects).toEqual(['recent']);
		const emails = (await t.db.select().from(alertSubscriptions)).map((s) => s.email).sort();
		expect(emails).toEqual(['bevestigd@voorbeeld.test', 'wacht@voorbeeld.test']);
		// A second run finds nothing more.
		expect(await prunePublicForms(t.db, now, 365)).toEqual({
			contactMessages: 0,
			unconfirmedSubscriptions: 0
		});
	});
});
