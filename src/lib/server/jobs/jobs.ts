/** The platform's scheduled jobs. Later issues add theirs here. */
import { pruneTokens } from '../accounts/links.service';
import { pruneRateLimits } from '../accounts/rate-limit';
import { pruneSessions } from '../accounts/sessions.service';
import { applyRetention } from '../privacy/privacy.service';
import type { Job } from './scheduler';

export const jobs: Job[] = [
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
		// People nobody needs any more (RETENTION_YEARS after their last membership) are anonymised.
		name: 'privacy.retention',
		schedule: { daily: { atHour: 4 } },
		async run(ctx) {
			const done = await applyRetention(ctx);
			return `geanonimiseerd: ${done.length}`;
		}
	}
];
