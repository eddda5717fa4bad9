/**
 * Plan reminders: a daily job mails each action owner ONE digest of the actions waiting for their
 * update (updates.service.ts dueActions: per plan monthly or quarterly, or never), with a link to
 * each action and to their own page. Once per owner and period — the month when one of the due
 * actions is in a monthly plan, else the quarter — whatever the number of runs or instances
 * (deliver.ts, kind `plan_reminder`, key `plan-reminder:<personId>:<2026-11 | 2026-Q4>`), governed
 * by the "herinneringen" preference. Example plans and actions (the demo) never remind anyone;
 * owners without an active account (none, disabled, anonymised) neither.
 *
 * Two queries whatever the number of plans and owners (the due actions, their owners' accounts),
 * plus the claim and bookkeeping of each mail (deliver.ts).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { today as clockToday } from '../clock';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { people, users } from '../db/schema';
import { log } from '../log';
import { translate, type Locale } from '../../i18n';
import { absoluteLink, type Block } from '../mail/templates';
import { periodLabel } from '../monitor/periods';
import { deliverOnce, type Recipient } from '../notifications/deliver';
import { dueActions, type DueAction } from './updates.service';

/** The owner's page: everything waiting for their update. */
export const ownerPagePath = '/beheer/plannen/mijn-acties';

/** The reminder period of `day`: its month (`2026-11`) or its quarter (`2026-Q4`). */
export function reminderPeriod(day: string, schedule: 'monthly' | 'quarterly'): string {
	const [y, m] = day.split('-');
	return schedule === 'monthly' ? `${y}-${m}` : `${y}-Q${Math.ceil(Number(m) / 3)}`;
}

/** Owners' accounts: active users linked to these people. One query. */
async function ownerAccounts(db: DbOrTx, personIds: string[]) {
	if (!personIds.length) return new Map<string, Recipient>();
	const rows = await db
		.select({
			personId: people.id,
			userId: users.id,
			email: users.email,
			givenName: people.givenName,
			familyName: people.familyName,
			mailPreferences: users.mailPreferences,
			locale: users.locale
		})
		.from(people)
		.innerJoin(users, eq(users.id, people.userId))
		.where(
			and(inArray(people.id, personIds), isNull(people.anonymisedAt), isNull(users.disabledAt))
		);
	return new Map(
		rows.map((r) => [
			r.personId,
			{
				userId: r.userId,
				email: r.email,
				name: `${r.givenName} ${r.familyName}`.trim(),
				mailPreferences: r.mailPreferences as Record<string, boolean> | null,
				locale: r.locale
			}
		])
	);
}

/** The due actions by plan, in `locale`. */
function digest(actions: DueAction[], url: (path: string) => string, locale: Locale): Block[] {
	const blocks: Block[] = [];
	let plan = '';
	for (const a of actions) {
		if (a.planId !== plan) {
			plan = a.planId;
			blocks.push({ text: translate(locale, 'ws.mail.planReminder.plan', { plan: a.planTitle }) });
		}
		blocks.push({
			link: url(a.path),
			label: `${a.externalId} ${a.title} (${
				a.lastReportedOn
					? translate(locale, 'ws.mail.planReminder.lastUpdate', {
							period: periodLabel(a.lastReportedOn, locale)
						})
					: translate(locale, 'ws.mail.planReminder.noUpdate')
			})`
		});
	}
	return blocks;
}

/**
 * Send each owner with actions waiting for an update on `now`'s Brussels day one digest for the
 * current period. Safe to run on several instances at once and again the next day.
 */
export async function sendPlanReminders(db: DbOrTx, now = new Date()) {
	const day = clockToday(now);
	const due = await dueActions(db, day, { includeExamples: false });
	const byOwner = new Map<string, DueAction[]>();
	for (const a of due) {
		const list = byOwner.get(a.ownerPersonId);
		if (list) list.push(a);
		else byOwner.set(a.ownerPersonId, [a]);
	}
	const accounts = await ownerAccounts(db, [...byOwner.keys()]);
	const origin = config().origin;
	const url = (locale: Locale) => (path: string) => absoluteLink(path, locale, origin);
	const total = { actions: due.length, owners: byOwner.size, sent: 0, failed: 0, skipped: 0 };
	for (const [personId, actions] of byOwner) {
		const recipient = accounts.get(personId);
		if (!recipient) {
			total.skipped++;
			continue;
		}
		const period = reminderPeriod(
			day,
			actions.some((a) => a.reminders === 'monthly') ? 'monthly' : 'quarterly'
		);
		const n = actions.length;
		const result = await deliverOnce(
			db,
			{
				kind: 'plan_reminder',
				subjectKey: `plan-reminder:${personId}:${period}`,
				preference: 'reminders',
				subject: (r) =>
					n === 1
						? translate(r.locale, 'ws.mail.planReminder.subjectOne')
						: translate(r.locale, 'ws.mail.planReminder.subjectMany', { count: n }),
				blocks: (r) => [
					{ text: translate(r.locale, 'ws.mail.greeting', { name: r.name }) },
					{
						text:
							n === 1
								? translate(r.locale, 'ws.mail.planReminder.bodyOne')
								: translate(r.locale, 'ws.mail.planReminder.bodyMany', { count: n })
					},
					...digest(actions, url(r.locale), r.locale),
					{
						link: url(r.locale)(ownerPagePath),
						label: translate(r.locale, 'ws.mail.planReminder.link')
					}
				]
			},
			[recipient]
		);
		total.sent += result.sent;
		total.failed += result.failed;
		total.skipped += result.skipped;
	}
	log().info({ day, ...total }, 'plan reminders');
	return total;
}
