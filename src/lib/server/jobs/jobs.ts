/** The platform's scheduled jobs. Later issues add theirs here. */
import { sql } from 'drizzle-orm';
import { pruneTokens } from '../accounts/links.service';
import { pruneRateLimits } from '../accounts/rate-limit';
import { pruneSessions } from '../accounts/sessions.service';
import { sendAlerts } from '../alerts/send';
import { previousWeek, sendWeeklyDigest } from '../notifications/digest';
import { sendDossierReminders } from '../dossiers/reminders';
import { sendMinutesReminders } from '../notifications/minutes-reminder';
import { sendPlanReminders } from '../plans/reminders';
import { applyRetention } from '../privacy/privacy.service';
import { prunePublicForms } from '../privacy/public-forms';
import { config } from '../config';
import { dailyBackup } from '../operations/backup.service';
import { recoverPendingAggregates } from '../monitor/import/recovery';
import type { Job } from './scheduler';

export const jobs: Job[] = [
	{
		// A backup of the database and the uploaded files, BACKUP_KEEP days kept (0 = none).
		name: 'operations.backup',
		schedule: { daily: { atHour: 2 } },
		async run(ctx, { period }) {
			const { BACKUP_KEEP, DATABASE_URL, backupDir } = config();
			if (BACKUP_KEEP === 0) return 'uitgeschakeld (BACKUP_KEEP=0)';
			const done = await dailyBackup(
				{ db: ctx.db, driver: DATABASE_URL ? 'postgres' : 'pglite' },
				{ dir: backupDir, keep: BACKUP_KEEP, day: period }
			);
			return `${done.file}: ${done.rows} rijen, verwijderd: ${done.removed.length}`;
		}
	},
	{
		// Aggregates an import committed but could not recompute (PostgreSQL went away in between):
		// recomputed once the database is back, without waiting for a restart.
		name: 'monitor.aggregates',
		schedule: { everyMinutes: 10 },
		async run(ctx) {
			const imports = await recoverPendingAggregates(ctx.db);
			return `herberekend voor ${imports.length} import(s)`;
		}
	},
	{
		// The embedded database never autovacuums, so the planner would keep the statistics of an
		// empty database (bench/README.md: inbox and trails several times slower at scale).
		// On PostgreSQL this only refreshes what autovacuum keeps.
		name: 'db.analyze',
		schedule: { daily: { atHour: 5 } },
		async run(ctx) {
			await ctx.db.execute(sql`analyze`);
			return 'statistieken bijgewerkt';
		}
	},
	{
		name: 'accounts.cleanup',
		schedule: { daily: { atHour: 3 } },
		async run(ctx) {
			const sessions = await pruneSessions(ctx.db);
			const tokens = await pruneTokens(ctx.db);
			const limits = await pruneRateLimits(ctx.db, new Date(Date.now() - 24 * 3600_000));
			return `sessies: ${sessions}, links: ${tokens}, tellers: ${limits}`;
		}
	},
	{
		// People nobody needs any more (RETENTION_YEARS after their last membership) are anonymised;
		// old contact messages and never-confirmed alert subscriptions are deleted.
		name: 'privacy.retention',
		schedule: { daily: { atHour: 4 } },
		async run(ctx, { now }) {
			const done = await applyRetention(ctx, now);
			const forms = await prunePublicForms(ctx.db, now);
			return `geanonimiseerd: ${done.length}, contactberichten: ${forms.contactMessages}, onbevestigde volgers: ${forms.unconfirmedSubscriptions}`;
		}
	},
	{
		// Secretaries of meetings held more than MINUTES_REMINDER_DAYS ago without minutes.
		name: 'notifications.minutes_reminder',
		schedule: { daily: { atHour: 8 } },
		async run(ctx, { now }) {
			const r = await sendMinutesReminders(ctx.db, now);
			return `vergaderingen zonder verslag: ${r.meetings}, verstuurd: ${r.sent}, mislukt: ${r.failed}`;
		}
	},
	{
		// Owners of actions waiting for an update (per plan monthly or quarterly): one digest each.
		name: 'plans.reminders',
		schedule: { daily: { atHour: 9 } },
		async run(ctx, { now }) {
			const r = await sendPlanReminders(ctx.db, now);
			return `acties die wachten: ${r.actions}, eigenaars: ${r.owners}, verstuurd: ${r.sent}, mislukt: ${r.failed}`;
		}
	},
	{
		// Dossiers sent without an answer past their answer time: the secretary, once per sending.
		name: 'dossiers.reminders',
		schedule: { daily: { atHour: 9 } },
		async run(ctx, { now }) {
			const r = await sendDossierReminders(ctx.db, now);
			return `zonder antwoord: ${r.due}, herinnerd: ${r.reminded}, verstuurd: ${r.sent}, mislukt: ${r.failed}`;
		}
	},
	{
		// The public's e-mail alerts: what a followed body published since the last run, once each.
		name: 'alerts.send',
		schedule: { everyMinutes: 60 },
		async run(ctx, { now }) {
			const r = await sendAlerts(ctx.db, now);
			return `meldingen te versturen: ${r.due}, verstuurd: ${r.sent}, mislukt: ${r.failed}`;
		}
	},
	{
		// Mondays: each member's digest of the previous ISO week in their bodies.
		name: 'notifications.weekly_digest',
		schedule: { weekly: { weekday: 1, atHour: 7 } },
		async run(ctx, { period, now }) {
			const r = await sendWeeklyDigest(ctx.db, previousWeek(period), now);
			return `week ${r.week}: leden met nieuws: ${r.withNews}, verstuurd: ${r.sent}, mislukt: ${r.failed}`;
		}
	}
];
