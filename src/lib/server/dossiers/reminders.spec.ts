/**
 * Dossier reminders over a real SMTP server: the secretary of the dossier's body gets ONE mail
 * per addressee and sending that is past the answer time without an answer, however often the
 * job runs (also on two instances at once); answered addressees, closed and example dossiers and
 * sendings not yet due remind no one; a new sending may be reminded of again. The reminder shows
 * in the workspace timeline, never publicly.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildHeldDecision } from '../../../../tests/helpers/dossiers';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import { today } from '../clock';
import {
	dossierAddressees,
	dossierDecisions,
	dossierReminders,
	dossiers,
	notificationDeliveries
} from '../db/schema';
import { jobs } from '../jobs/jobs';
import { anonymous } from '../policy';
import { organisationId } from '../seed/seed.service';
import { dossierPage } from './dossiers.queries';
import { markSent } from './dossiers.service';
import { sendDossierReminders } from './reminders';
import { addDays } from './status';

// The SMTP server must be known before anything reads (and caches) the configuration.
const smtp = useSmtp();
const t = useTestDatabase();

const DAY = 86_400_000;
// The services check dates against the real today, so the job runs on the real clock too.
const now = new Date();
const ago = (days: number) => addDays(today(now), -days);
const belgian = (day: string) => day.split('-').reverse().join('/');
const parlement = organisationId('vlaams-parlement');
const regering = organisationId('vlaamse-regering');
const federaal = organisationId('federale-regering');

const { mailsTo } = smtp;
/** Let any mail in flight arrive before asserting that none came. */
const settle = () => new Promise((r) => setTimeout(r, 300));
const remindersOf = (addresseeIds: string[]) =>
	t.db.select().from(dossierReminders).where(inArray(dossierReminders.addresseeId, addresseeIds));

let seq = 0;
/** A dossier of a body, adopted by a held meeting's decision, with addressees as given. */
async function dossierOf(
	bodyId: string,
	values: Partial<typeof dossiers.$inferInsert>,
	addressees: { organisationId: string; sentOn?: string; answeredOn?: string }[]
) {
	const i = ++seq;
	const decision = await buildHeldDecision(t.db, bodyId, { daysAgo: 100 });
	const [dossier] = await t.db
		.insert(dossiers)
		.values({ slug: `herinnering-${i}`, bodyId, title: `Memorandum ${i}`, ...values })
		.returning();
	await t.db.insert(dossierDecisions).values({ dossierId: dossier.id, decisionId: decision.id });
	const rows = await t.db
		.insert(dossierAddressees)
		.values(addressees.map((a) => ({ dossierId: dossier.id, ...a })))
		.returning();
	return { dossier, addressees: rows };
}

describe('dossier reminders', () => {
	it('mails the secretary once per overdue addressee and sending, and again after a new sending', async () => {
		const body = await buildBody(t.db);
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const chair = await buildMemberUser(t.db, { bodyId: body.id, role: 'chair' });
		const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
		// Sent 60 days ago, 30 days to answer: the parliament is late, the government answered.
		const late = await dossierOf(
			body.id,
			{ title: 'Memorandum mobiliteit', answerDays: 30, isPublic: true },
			[
				{ organisationId: parlement, sentOn: ago(60) },
				{ organisationId: regering, sentOn: ago(60), answeredOn: ago(20) }
			]
		);
		const [vp] = late.addressees;
		const quiet = [
			// every addressee answered
			await dossierOf(body.id, { answerDays: 30 }, [
				{ organisationId: parlement, sentOn: ago(90), answeredOn: ago(10) }
			]),
			// closed
			await dossierOf(body.id, { answerDays: 30, closedOn: ago(5), closedNote: 'Klaar.' }, [
				{ organisationId: parlement, sentOn: ago(90) }
			]),
			// an example
			await dossierOf(body.id, { answerDays: 30, isExample: true }, [
				{ organisationId: parlement, sentOn: ago(90) }
			]),
			// due later, and not sent at all
			await dossierOf(body.id, { answerDays: 30 }, [
				{ organisationId: regering, sentOn: ago(10) },
				{ organisationId: federaal }
			])
		];
		const quietIds = quiet.flatMap((q) => q.addressees.map((a) => a.id));
		// Due today: late (and reminded of) only from tomorrow.
		const dueToday = await dossierOf(body.id, { title: 'Vandaag verwacht', answerDays: 30 }, [
			{ organisationId: parlement, sentOn: ago(30) }
		]);
		const [dueVp] = dueToday.addressees;

		const second = await t.secondInstance();
		try {
			await Promise.all([
				sendDossierReminders(t.db, now),
				sendDossierReminders(second.db, now),
				sendDossierReminders(t.db, now)
			]);
		} finally {
			await second.close();
		}
		await smtp.waitFor(1);
		await settle();
		const mine = mailsTo(secretary.user.email);
		expect(mine).toHaveLength(1);
		// (The subject ends with the site's name.)
		expect(mine[0].subject).toMatch(
			/^Herinnering: nog geen antwoord van Vlaams Parlement op „Memorandum mobiliteit”/
		);
		const text = mine[0].text!.replace(/\s+/g, ' ');
		expect(text).toContain(
			`Het standpunt „Memorandum mobiliteit” werd op ${belgian(ago(60))} aan Vlaams Parlement verstuurd. Een antwoord werd verwacht tegen ${belgian(ago(30))}`
		);
		expect(text).toContain(`https://streek.voorbeeld.test/beheer/dossiers/${late.dossier.slug}`);
		expect(smtp.received).toHaveLength(1);
		for (const nobody of [chair, member]) expect(mailsTo(nobody.user.email)).toHaveLength(0);
		expect((await remindersOf([vp.id])).map((r) => r.sentOn)).toEqual([ago(60)]);
		expect(await remindersOf([late.addressees[1].id, dueVp.id, ...quietIds])).toEqual([]);
		const delivered = await t.db
			.select()
			.from(notificationDeliveries)
			.where(eq(notificationDeliveries.kind, 'dossier_reminder'));
		expect(delivered.map((d) => [d.userId, d.subjectKey, d.sentAt !== null])).toEqual([
			[secretary.user.id, `dossier-reminder:${vp.id}:${ago(60)}`, true]
		]);

		// Again the same day: nothing. The next day only the one due today is reminded of.
		expect(await sendDossierReminders(t.db, now)).toMatchObject({ due: 1, reminded: 0, sent: 0 });
		expect(await sendDossierReminders(t.db, new Date(now.getTime() + DAY))).toMatchObject({
			due: 2,
			reminded: 1,
			sent: 1
		});
		await smtp.waitFor(2);
		await settle();
		expect(mailsTo(secretary.user.email)[1].subject).toMatch(
			/^Herinnering: nog geen antwoord van Vlaams Parlement op „Vandaag verwacht”/
		);
		expect((await remindersOf([vp.id])).map((r) => r.sentOn)).toEqual([ago(60)]);
		expect((await remindersOf([dueVp.id])).map((r) => r.sentOn)).toEqual([ago(30)]);
		expect(await remindersOf(quietIds)).toEqual([]);

		// Through the registered job: nothing more.
		const job = jobs.find((j) => j.name === 'dossiers.reminders')!;
		expect(job.schedule).toEqual({ daily: { atHour: 9 } });
		expect(await job.run(t.ctx(), { period: today(now), now })).toBe(
			'zonder antwoord: 1, herinnerd: 0, verstuurd: 0, mislukt: 0'
		);
		await settle();
		expect(smtp.received).toHaveLength(2);

		// The workspace timeline shows the reminder; the public page does not.
		const ws = await dossierPage(t.db, late.dossier.slug, 'workspace', t.ctx());
		expect(ws!.timeline.filter((e) => e.kind === 'reminder')).toEqual([
			{
				on: today(),
				kind: 'reminder',
				label: 'Herinnering: nog geen antwoord van Vlaams Parlement'
			}
		]);
		const pub = await dossierPage(t.db, late.dossier.slug, 'public', { principal: anonymous });
		expect(pub!.status.overdue).toEqual(['Vlaams Parlement']);
		expect(pub!.timeline.map((e) => e.kind)).not.toContain('reminder');

		// Sent again (35 days ago, already late again): one new reminder, through the job.
		await markSent(t.ctx(), vp.id, { sentOn: ago(35) });
		expect(await job.run(t.ctx(), { period: today(now), now })).toBe(
			'zonder antwoord: 1, herinnerd: 1, verstuurd: 1, mislukt: 0'
		);
		await smtp.waitFor(3);
		await settle();
		expect(mailsTo(secretary.user.email)).toHaveLength(3);
		expect(smtp.received).toHaveLength(3);
		expect((await remindersOf([vp.id])).map((r) => r.sentOn).sort()).toEqual([ago(60), ago(35)]);
		expect(await sendDossierReminders(t.db, now)).toMatchObject({ reminded: 0, sent: 0 });
	});

	it('mails the chair and vice-chair of a body without a secretary, not who turned reminders off', async () => {
		const before = smtp.received.length;
		const body = await buildBody(t.db);
		const chair = await buildMemberUser(t.db, { bodyId: body.id, role: 'chair' });
		const vice = await buildMemberUser(t.db, {
			bodyId: body.id,
			role: 'vice_chair',
			mailPreferences: { reminders: false }
		});
		const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
		const { addressees } = await dossierOf(body.id, { answerDays: 10 }, [
			{ organisationId: regering, sentOn: ago(11) }
		]);
		// (Still due: the first test's parliament, reminded of already.)
		expect(await sendDossierReminders(t.db, now)).toMatchObject({
			due: 2,
			reminded: 1,
			sent: 1,
			skipped: 1
		});
		await smtp.waitFor(before + 1);
		await settle();
		expect(mailsTo(chair.user.email)).toHaveLength(1);
		expect(mailsTo(vice.user.email)).toHaveLength(0);
		expect(mailsTo(member.user.email)).toHaveLength(0);
		expect(smtp.received).toHaveLength(before + 1);
		const claimed = await t.db
			.select()
			.from(dossierReminders)
			.where(
				and(
					eq(dossierReminders.addresseeId, addressees[0].id),
					eq(dossierReminders.sentOn, ago(11))
				)
			);
		expect(claimed).toHaveLength(1);
	});
});
