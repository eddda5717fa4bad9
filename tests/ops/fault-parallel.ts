/**
 * 50 parallel saves of the same minutes item and of the same plan item, all from the same
 * version: exactly one is accepted, 49 get the conflict answer (409), the stored value is the
 * accepted one, the version went up by one and the audit trail has one event.
 */
import { check } from './harness';
import { request, type FaultContext } from './fault-support';

const N = 50;

type Outcome = { i: number; status: number };

function tally(outcomes: Outcome[], accepted: number, what: string) {
	const winners = outcomes.filter((o) => o.status === accepted);
	const conflicts = outcomes.filter((o) => o.status === 409);
	const other = outcomes.filter((o) => o.status !== accepted && o.status !== 409);
	check(other.length === 0, `${what}: unexpected answers ${JSON.stringify(other.slice(0, 5))}`);
	check(winners.length === 1, `${what}: ${winners.length} saves accepted instead of 1`);
	check(conflicts.length === N - 1, `${what}: ${conflicts.length} conflicts instead of ${N - 1}`);
	return winners[0].i;
}

export async function parallelSaves(ctx: FaultContext) {
	const { app, pg, db, scenario } = ctx;
	const psql = (sql: string) => pg.psql(sql, db);
	const audits = (action: string, recordId: string) =>
		Number(
			psql(
				`select count(*) from audit_events where action = '${action}' and record_id = '${recordId}'`
			)
		);

	// Minutes: one agenda item of a held meeting.
	const [meetingId, itemId, version] = psql(
		`select m.id, a.id, coalesce(im.version, 0) from meetings m
		join agenda_items a on a.meeting_id = m.id
		left join item_minutes im on im.agenda_item_id = a.id
		where m.status in ('held', 'minutes_draft') order by m.starts_at desc, a.position limit 1`
	).split('|');
	check(itemId, 'no agenda item of a held meeting in the scenario');
	const minutesAudit = audits('minutes.save', itemId);
	const minutes = await Promise.all(
		Array.from({ length: N }, async (_, i) => {
			const r = await request(app, `/beheer/vergaderingen/${meetingId}/verslag?/save`, {
				persona: scenario.admin,
				form: { itemId, body: `Verslag van poging ${i}.`, baseVersion: version }
			});
			return { i, status: r.status };
		})
	);
	const minutesWinner = tally(minutes, 303, 'minutes');
	const [storedBody, storedVersion] = psql(
		`select body, version from item_minutes where agenda_item_id = '${itemId}'`
	).split('|');
	check(storedBody === `Verslag van poging ${minutesWinner}.`, `minutes: stored "${storedBody}"`);
	check(
		Number(storedVersion) === Number(version) + 1,
		`minutes: version ${version} → ${storedVersion}`
	);
	check(
		audits('minutes.save', itemId) === minutesAudit + 1,
		'minutes: not exactly one audit event'
	);

	// Plan: the test plan's theme.
	const [planItemId, externalId, revision] = psql(
		`select i.id, i.external_id, i.revision from plan_items i join plans p on p.id = i.plan_id
		where p.slug = 'e2e-testplan' and i.kind = 'theme' limit 1`
	).split('|');
	check(planItemId, 'no theme in the test plan');
	const planAudit = audits('plan.item.update', planItemId);
	const plan = await Promise.all(
		Array.from({ length: N }, async (_, i) => {
			const r = await request(app, `/beheer/plannen/e2e-testplan/onderdelen/${planItemId}?/item`, {
				persona: scenario.admin,
				form: { externalId, title: `Thema van poging ${i}`, revision }
			});
			return { i, status: r.status };
		})
	);
	const planWinner = tally(plan, 200, 'plan item');
	const [title, storedRevision] = psql(
		`select title, revision from plan_items where id = '${planItemId}'`
	).split('|');
	check(title === `Thema van poging ${planWinner}`, `plan item: stored "${title}"`);
	check(
		Number(storedRevision) === Number(revision) + 1,
		`plan item: revision ${revision} → ${storedRevision}`
	);
	check(
		audits('plan.item.update', planItemId) === planAudit + 1,
		'plan item: not exactly one audit event'
	);
	return `minutes: 1 × 303 + ${N - 1} × 409; plan item: 1 × 200 + ${N - 1} × 409; one audit event each`;
}
