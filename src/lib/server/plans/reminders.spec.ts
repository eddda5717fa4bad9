/**
 * Plan reminders over a real SMTP server: each owner with actions waiting for an update gets ONE
 * digest per period, however often the job runs (also on two instances at once); an owner with
 * nothing due, an owner who turned reminders off and the owners of example plans get none.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import { useSmtp } from '../../../../tests/helpers/smtp';
import { notificationDeliveries, planUpdates } from '../db/schema';
import { jobs } from '../jobs/jobs';
import { reminderPeriod, sendPlanReminders } from './reminders';

// The SMTP server must be known before anything reads (and caches) the configuration.
const smtp = useSmtp();
const t = useTestDatabase();

const DAY = 86_400_000;
const now = new Date('2026-11-27T07:30:00Z'); // 08:30 in Brussels
const { mailsTo } = smtp;
const deliveries = (userId: string) =>
	t.db
		.select()
		.from(notificationDeliveries)
		.where(
			and(
				eq(notificationDeliveries.userId, userId),
				eq(notificationDeliveries.kind, 'plan_reminder')
			)
		);

describe('plan reminders', () => {
	it('mails each owner with due actions one digest per period, never twice', async () => {
		const body = await buildBody(t.db);
		const busy = await buildMemberUser(t.db, { bodyId: body.id });
		const idle = await buildMemberUser(t.db, { bodyId: body.id });
		const quiet = await buildMemberUser(t.db, {
			bodyId: body.id,
			mailPreferences: { reminders: false }
		});
		const demo = await buildMemberUser(t.db, { bodyId: body.id });
		const plan = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'monthly',
			isExample: false,
			title: { nl: 'Actieplan Spitsregio' }
		});
		const quarterly = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'quarterly',
			isExample: false,
			title: { nl: 'Ruimteplan' }
		});
		const example = await buildPlan(t.db, { bodyId: body.id, reminders: 'monthly' });
		const action = async (
			planId: string,
			owner: string,
			title: string,
			reported?: string,
			isExample = false
		) => {
			const th = await buildItem(t.db, { planId, kind: 'theme', isExample });
			const a = await buildItem(t.db, {
				planId,
				kind: 'action',
				parentId: th.id,
				title,
				ownerPersonId: owner,
				externalId: `A-${title}`,
				isExample
			});
			if (reported) {
				await t.db
					.insert(planUpdates)
					.values({ itemId: a.id, reportedOn: reported, text: 'Update' });
			}
			return a;
		};
		const fietspad = await action(plan.id, busy.person.id, 'Fietspad', '2026-09-01');
		const pendel = await action(plan.id, busy.person.id, 'Pendelbus');
		await action(quarterly.id, busy.person.id, 'Bedrijventerrein', '2026-07-01');
		await action(plan.id, idle.person.id, 'Recent gemeld', '2026-11-20');
		await action(plan.id, quiet.person.id, 'Stil');
		await action(example.id, demo.person.id, 'Voorbeeldactie', undefined, true);

		const second = await t.secondInstance();
		try {
			await Promise.all([
				sendPlanReminders(t.db, now),
				sendPlanReminders(second.db, now),
				sendPlanReminders(t.db, now)
			]);
		} finally {
			await second.close();
		}
		await smtp.waitFor(1);
		const mine = mailsTo(busy.user.email);
		expect(mine).toHaveLength(1);
		expect(mine[0].subject).toMatch(/^Herinnering: 3 acties wachten op uw voortgangsmelding/);
		const text = mine[0].text!;
		expect(text).toContain(`Beste Lid`);
		expect(text).toContain('Actieplan Spitsregio:');
		expect(text).toContain('A-Fietspad Fietspad (laatste update 1 september 2026)');
		expect(text).toContain('A-Pendelbus Pendelbus (nog geen update)');
		expect(text).toContain('Ruimteplan:');
		expect(text).toContain(
			`https://streek.voorbeeld.test/beheer/plannen/${plan.slug}/acties/${fietspad.id}`
		);
		expect(text).toContain(
			`https://streek.voorbeeld.test/beheer/plannen/${plan.slug}/acties/${pendel.id}`
		);
		expect(text).toContain('https://streek.voorbeeld.test/beheer/plannen/mijn-acties');
		const rows = await deliveries(busy.user.id);
		expect(rows.map((r) => r.subjectKey)).toEqual([`plan-reminder:${busy.person.id}:2026-11`]);
		expect(rows[0].sentAt).not.toBeNull();

		for (const nobody of [idle, quiet, demo]) {
			expect(mailsTo(nobody.user.email)).toHaveLength(0);
			expect(await deliveries(nobody.user.id)).toHaveLength(0);
		}

		// The next day the same actions are still due: nothing is sent again this month.
		const before = smtp.received.length;
		const again = await sendPlanReminders(t.db, new Date(now.getTime() + DAY));
		expect(again).toMatchObject({ sent: 0 });
		// Run through the registered job too.
		const job = jobs.find((j) => j.name === 'plans.reminders')!;
		expect(job.schedule).toEqual({ daily: { atHour: 9 } });
		expect(
			await job.run(t.ctx(), { period: '2026-11-28', now: new Date(now.getTime() + DAY) })
		).toMatch(/verstuurd: 0/);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.received.length).toBe(before);
		expect(await deliveries(busy.user.id)).toHaveLength(1);

		// Next month: a new digest.
		await sendPlanReminders(t.db, new Date('2026-12-02T08:00:00Z'));
		await smtp.waitFor(before + 1);
		expect(mailsTo(busy.user.email)).toHaveLength(2);
		expect((await deliveries(busy.user.id)).map((r) => r.subjectKey).sort()).toEqual([
			`plan-reminder:${busy.person.id}:2026-11`,
			`plan-reminder:${busy.person.id}:2026-12`
		]);
	});

	it('keys the period by month or quarter', () => {
		expect(reminderPeriod('2026-11-27', 'monthly')).toBe('2026-11');
		expect(reminderPeriod('2026-11-27', 'quarterly')).toBe('2026-Q4');
		expect(reminderPeriod('2026-01-01', 'quarterly')).toBe('2026-Q1');
		expect(reminderPeriod('2026-06-30', 'quarterly')).toBe('2026-Q2');
	});
});
