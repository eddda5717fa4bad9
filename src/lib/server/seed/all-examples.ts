/**
 * Every example seed, in the order they depend on each other (meetings before the reports and
 * advice that sit on their agendas; the monitor before the plans that measure on it; the advice's
 * helper before the dossier's meeting). Used by the start, the CLI and the e2e scenario.
 */
import type { ServiceContext } from '../context';
import { seedExampleAdvice } from './example-advice';
import { seedExampleContent } from './example-content';
import { seedExampleDossiers } from './example-dossiers';
import { seedExampleMonitor } from './example-monitor';
import { seedExamplePlans } from './example-plans';
import { seedExampleReports } from './example-reports';
import { seedExampleMeetings } from './examples';

/** Load all example data (once: seeding again inserts nothing). Returns the rows inserted. */
export async function seedAllExamples(ctx: ServiceContext): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	Object.assign(counts, await seedExampleMeetings(ctx));
	Object.assign(counts, await seedExampleReports(ctx));
	Object.assign(counts, await seedExampleAdvice(ctx));
	Object.assign(counts, await seedExampleMonitor(ctx));
	Object.assign(counts, await seedExamplePlans(ctx));
	Object.assign(counts, await seedExampleDossiers(ctx));
	Object.assign(counts, await seedExampleContent(ctx));
	return counts;
}
