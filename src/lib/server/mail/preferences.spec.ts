import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { auditEvents, users } from '../db/schema';
import type { Principal } from '../policy';
import { fallbackSettings } from '../settings/settings.service';
import {
	effectivePreferences,
	getMailPreferences,
	notificationKinds,
	updateMailPreferences,
	wantsMail
} from './preferences.service';
import { invitationMail, notificationMail } from './templates';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase({ seeded: false });

let n = 0;
async function buildUser() {
	const [row] = await t.db
		.insert(users)
		.values({ email: `melding${++n}@voorbeeld.test`, name: `Melding ${n}` })
		.returning();
	return row;
}
const as = (user: { id: string; name: string; email: string }): Principal => ({
	kind: 'user',
	userId: user.id,
	name: user.name,
	email: user.email,
	role: 'user',
	bodyRoles: {}
});
const auditCount = async () => (await t.db.select({ n: count() }).from(auditEvents))[0].n;

describe('mail preferences', () => {
	it('are on when missing', async () => {
		const user = await buildUser();
		expect(await getMailPreferences(t.db, user.id)).toEqual({
			meeting_invitations: true,
			agenda_changes: true,
			minutes: true,
			advice: true,
			reminders: true,
			digest: true,
			news: true
		});
		expect(wantsMail({ news: false }, 'news')).toBe(false);
		expect(wantsMail({ news: false }, 'minutes')).toBe(true);
		expect(effectivePreferences(null).agenda_changes).toBe(true);
	});

	it('are changed from the checked boxes, audited', async () => {
		const user = await buildUser();
		const ctx = t.ctx({ principal: as(user) });
		await updateMailPreferences(ctx, user.id, { kinds: ['minutes', 'news'] });
		expect(await getMailPreferences(t.db, user.id)).toEqual({
			meeting_invitations: false,
			agenda_changes: false,
			minutes: true,
			advice: false,
			reminders: false,
			digest: false,
			news: true
		});
		await updateMailPreferences(ctx, user.id, { kinds: 'agenda_changes' });
		await updateMailPreferences(ctx, user.id, {});
		const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
		expect(Object.values(row.mailPreferences)).toEqual(notificationKinds.map(() => false));
		const trail = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'user.mail_preferences'));
		expect(trail.filter((e) => e.recordId === user.id)).toHaveLength(3);
	});

	it('refuses unknown kinds and someone else — nothing changes', async () => {
		const user = await buildUser();
		const other = await buildUser();
		const before = await auditCount();
		const bad = await rejection(
			updateMailPreferences(t.ctx({ principal: as(user) }), user.id, {
				kinds: ['news', 'reclame']
			})
		);
		expect(bad.code).toBe('invalid_input');
		expect(bad.message).toBe('Uw meldingen zijn niet gewijzigd.');
		expect(Object.values(bad.fields ?? {}).flat()).toEqual([
			'Kies alleen soorten meldingen uit de lijst.'
		]);
		const forOther = await rejection(
			updateMailPreferences(t.ctx({ principal: as(other) }), user.id, { kinds: [] })
		);
		expect(forOther.code).toBe('forbidden');
		expect(forOther.message).toBe('U kunt alleen uw eigen meldingen instellen.');
		const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
		expect(row.mailPreferences).toEqual({});
		expect(await auditCount()).toBe(before);
	});
});

describe('notification mails', () => {
	it('carry a link to change the preferences; account mails do not', () => {
		const mail = notificationMail(fallbackSettings, {
			to: 'lid@voorbeeld.test',
			subject: 'Nieuw verslag',
			kind: 'minutes',
			origin: 'https://streek.voorbeeld.test',
			blocks: [{ text: 'Het verslag staat klaar.' }]
		});
		expect(mail.text).toContain('https://streek.voorbeeld.test/beheer/account#meldingen');
		expect(mail.text).toContain('„verslagen”');
		expect(mail.html).toContain('href="https://streek.voorbeeld.test/beheer/account#meldingen"');
		expect(mail.html).toContain('Meldingen wijzigen');
		const invitation = invitationMail(fallbackSettings, {
			to: 'x@voorbeeld.test',
			name: 'X',
			invitedBy: 'Y',
			link: 'https://streek.voorbeeld.test/beheer/uitnodiging/abc',
			expiresAt: 'morgen'
		});
		expect(invitation.text).not.toContain('#meldingen');
	});
});
