import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rows } from './client';
import { tableNames, tablesIn, tableWritten } from './changes';
import { bodies } from './schema';

const t = useTestDatabase();

describe('change notifications', () => {
	it('puts the trigger on every table but the quiet ones', async () => {
		const triggered = await rows<{ relname: string }>(
			t.db,
			sql`select c.relname from pg_trigger g join pg_class c on c.oid = g.tgrelid
				where g.tgname = 'sp_notify_change'`
		);
		const names = new Set(triggered.map((r) => r.relname));
		for (const table of ['bodies', 'areas', 'meetings', 'decisions', 'plans', 'dossiers'])
			expect(names).toContain(table);
		expect(names).not.toContain('sessions');
		expect(names).not.toContain('audit_events');
		// Every table of the schema is either triggered or deliberately quiet.
		const quiet = [...tableNames].filter((name) => !names.has(name));
		expect(quiet.sort()).toEqual(
			[
				'alert_deliveries',
				'audit_events',
				'contact_messages',
				'job_runs',
				'monitor_import_rows',
				'notification_deliveries',
				'one_time_tokens',
				'rate_limits',
				'recovery_codes',
				'sessions'
			].sort()
		);
	});

	it('tells a listener which table a committed write changed, and nothing for a rollback', async () => {
		const heard: string[] = [];
		const stop = await t.database.listen((table) => heard.push(table));
		try {
			await t.db
				.update(bodies)
				.set({ updatedAt: new Date() })
				.where(eq(bodies.slug, 'taskforce-spitsregio-leuven'));
			await expect.poll(() => heard, { timeout: 5000 }).toContain('bodies');
			heard.length = 0;
			await t.db
				.transaction(async (tx) => {
					await tx.update(bodies).set({ updatedAt: new Date() });
					throw new Error('rollback');
				})
				.catch(() => undefined);
			await t.db.execute(sql`select 1`);
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(heard).toEqual([]);
		} finally {
			await stop();
		}
	});
});

describe('tables named by a statement', () => {
	it('finds quoted, unquoted, joined and comma-joined tables, and only real ones', () => {
		expect(
			tablesIn(
				'select "bodies"."name" from "bodies" left join "memberships" on true where exists (select 1 from areas a, region_members rm)'
			).sort()
		).toEqual(['areas', 'bodies', 'memberships', 'region_members']);
		expect(tablesIn('select 1 from generate_series(1, 3) as unknown_table')).toEqual([]);
		expect(tableWritten('insert into "decisions" ("id") values ($1)')).toBe('decisions');
		expect(tableWritten('update "bodies" set "name" = $1')).toBe('bodies');
		expect(tableWritten('delete from "meetings" where "id" = $1')).toBe('meetings');
		expect(tableWritten('select * from "bodies"')).toBeNull();
	});
});
