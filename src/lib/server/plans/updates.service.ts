/**
 * Progress updates of actions and measures: append-only (an update is never changed or removed).
 * An action's update carries its progress onto the action (and marks it completed at 100 % or
 * when it proposes "done"); a measure's update may bring a new observation for the monitor, which
 * is stored as a supplied value and aggregated to the larger areas. Owners see what is waiting for
 * their update (waitingForUpdate); the reminder job mails them (reminders.ts).
 */
import {
	and,
	asc,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	lt,
	ne,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import { blankToUndefined, optionalDate, optionalUuid } from '../bodies/memberships.schema';
import { today as clockToday } from '../clock';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	files,
	indicators,
	observations,
	people,
	planItems,
	planMeasures,
	plans,
	planUpdateAttachments,
	planUpdates,
	trackStatusValues,
	users
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { recomputeAggregates } from '../monitor/aggregate.service';
import { parsePeriod, periodLabel } from '../monitor/periods';
import { formatNumber } from '../../i18n';
import { authorizeUpdate } from './plans.policy';
import {
	discardAttachments,
	recordAttachments,
	stageAttachments,
	type AttachmentUpload,
	type StagedAttachment
} from './attachments';

const NOT_SAVED = 'De voortgang is niet opgeslagen.';
const PROGRESS = 'De voortgang ligt tussen 0 en 100 %.';

const refuse = (message: string, fields?: Record<string, string[]>): never => {
	throw new AppError('invalid_input', message, fields);
};

/** A number as forms write it (a decimal comma is fine). */
const decimal = (message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.replace(',', '.')) : v),
		z.coerce.number(message).refine(Number.isFinite, message)
	);

const targetFields = {
	itemId: optionalUuid('Kies een actie.'),
	measureId: optionalUuid('Kies een meting.')
};
const oneTarget = (d: { itemId?: string; measureId?: string }) =>
	(d.itemId === undefined) !== (d.measureId === undefined);
const ONE_TARGET = { path: ['itemId'], message: 'Een update hoort bij één actie of één meting.' };

/** What the update is about, read first: who may post depends on it. */
const targetInput = z.object(targetFields).refine(oneTarget, ONE_TARGET);

export const updateInput = z
	.strictObject({
		...targetFields,
		reportedOn: optionalDate,
		text: z
			.string('Beschrijf de voortgang.')
			.trim()
			.min(1, 'Beschrijf de voortgang.')
			.max(10_000, 'Hoogstens 10000 tekens.'),
		progress: z.preprocess(
			blankToUndefined,
			z.coerce
				.number('Geef de voortgang als getal tussen 0 en 100.')
				.int('Geef de voortgang als geheel getal.')
				.min(0, PROGRESS)
				.max(100, PROGRESS)
				.optional()
		),
		statusProposal: z.preprocess(
			blankToUndefined,
			z.enum(trackStatusValues, 'Kies een voorgestelde status.').optional()
		),
		observation: z
			.strictObject({
				period: z
					.string('Geef de periode van de meting.')
					.trim()
					.min(1, 'Geef de periode van de meting.'),
				value: decimal('Geef de gemeten waarde als getal.')
			})
			.optional()
	})
	.refine(oneTarget, ONE_TARGET);

export type UpdateInput = z.input<typeof updateInput>;

/** The person ids linked to the signed-in user (people.userId). */
export async function personIdsOf(ctx: ServiceContext): Promise<string[]> {
	const userId = userIdOf(ctx);
	if (!userId) return [];
	const rows = await ctx.db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.userId, userId), isNull(people.anonymisedAt)));
	return rows.map((r) => r.id);
}

async function loadTarget(db: DbOrTx, d: z.infer<typeof targetInput>) {
	if (d.itemId) {
		const [row] = await db
			.select({
				itemId: planItems.id,
				itemKind: planItems.kind,
				ownerPersonId: planItems.ownerPersonId,
				planId: plans.id,
				bodyId: plans.bodyId
			})
			.from(planItems)
			.innerJoin(plans, eq(plans.id, planItems.planId))
			.where(eq(planItems.id, d.itemId));
		if (!row) throw notFound('Actie niet gevonden.');
		return { kind: 'item' as const, ...row };
	}
	const [row] = await db
		.select({
			measureId: planMeasures.id,
			indicatorId: planMeasures.indicatorId,
			areaId: planMeasures.areaId,
			minValue: indicators.minValue,
			maxValue: indicators.maxValue,
			unit: indicators.unit,
			planId: plans.id,
			bodyId: plans.bodyId
		})
		.from(planMeasures)
		.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
		.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(eq(planMeasures.id, d.measureId!));
	if (!row) throw notFound('Meting niet gevonden.');
	return { kind: 'measure' as const, ...row };
}

/**
 * Post a progress update of an action (its owner or a keeper of the plan) or of a measure (a
 * keeper), with up to five attachments (attachments.ts). Who may post is checked before the input.
 * One transaction — the update, its attachments' files and rows, their audit rows — so a refused
 * file stores nothing; a new observation is aggregated afterwards.
 */
export async function postUpdate(
	ctx: ServiceContext,
	input: unknown,
	attachments: AttachmentUpload[] = []
) {
	const ids = targetInput.safeParse(input ?? {});
	if (!ids.success) throw invalidInput(ids.error, NOT_SAVED);
	const target = await loadTarget(ctx.db, ids.data);

	const mine = await personIdsOf(ctx);
	const owner = target.kind === 'item' ? target.ownerPersonId : null;
	authorizeUpdate(
		ctx,
		{ bodyId: target.bodyId },
		{
			personId: owner,
			userPersonId: owner && mine.includes(owner) ? owner : (mine[0] ?? null)
		}
	);
	const parsed = updateInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, NOT_SAVED);
	const d = parsed.data;

	const today = clockToday();
	const reportedOn = d.reportedOn ?? today;
	if (reportedOn > today) {
		refuse(NOT_SAVED, { reportedOn: ['De datum van een update ligt niet in de toekomst.'] });
	}
	if (target.kind === 'item' && target.itemKind !== 'action') {
		// Themes and objectives follow from their children; their measures have their own updates.
		refuse(
			'Voortgang wordt gemeld bij een actie of een meting, niet bij een thema of doelstelling.'
		);
	}
	if (target.kind === 'item' && d.observation) {
		refuse(NOT_SAVED, {
			observation: ['Een meetwaarde hoort bij een meting, niet bij een actie.']
		});
	}
	if (target.kind === 'measure' && d.progress !== undefined) {
		refuse(NOT_SAVED, { progress: ['Een meting heeft geen voortgangspercentage.'] });
	}
	let observation: { period: string; periodStart: string; value: number } | null = null;
	if (target.kind === 'measure' && d.observation) {
		const period = parsePeriod(d.observation.period);
		if (!period) {
			refuse(NOT_SAVED, {
				'observation.period': [
					'Geef de periode als jaar (2025), kwartaal (2025-Q1), maand (2025-03) of datum.'
				]
			});
		}
		const value = d.observation.value;
		const { minValue, maxValue } = target;
		if ((minValue !== null && value < minValue) || (maxValue !== null && value > maxValue)) {
			const range =
				minValue !== null && maxValue !== null
					? `tussen ${formatNumber(minValue, 'nl')} en ${formatNumber(maxValue, 'nl')}`
					: minValue !== null
						? `minstens ${formatNumber(minValue, 'nl')}`
						: `hoogstens ${formatNumber(maxValue!, 'nl')}`;
			refuse(NOT_SAVED, { 'observation.value': [`De waarde van deze indicator ligt ${range}.`] });
		}
		observation = { period: period!.period, periodStart: period!.start, value };
	}

	// Checked and streamed to temp files before the transaction, which then only records them.
	let staged: StagedAttachment[];
	try {
		staged = await stageAttachments(attachments);
	} catch (e) {
		if (e instanceof AppError && e.code === 'invalid_input') refuse(NOT_SAVED, e.fields);
		throw e;
	}
	try {
		return await writeUpdate(ctx, d, target, reportedOn, observation, staged);
	} finally {
		await discardAttachments(staged);
	}
}

/** The update, its attachments and the action or monitor it moves, in one transaction. */
async function writeUpdate(
	ctx: ServiceContext,
	d: z.infer<typeof updateInput>,
	target: Awaited<ReturnType<typeof loadTarget>>,
	reportedOn: string,
	observation: { period: string; periodStart: string; value: number } | null,
	staged: StagedAttachment[]
) {
	const result = await mutate(ctx, async (tx) => {
		const [row] = await tx
			.insert(planUpdates)
			.values({
				itemId: target.kind === 'item' ? target.itemId : null,
				measureId: target.kind === 'measure' ? target.measureId : null,
				reportedOn,
				text: d.text,
				progress: d.progress ?? null,
				statusProposal: d.statusProposal ?? null,
				authorUserId: userIdOf(ctx)
			})
			.returning();
		const changes: Record<string, { before: unknown; after: unknown }> = {
			text: { before: null, after: d.text },
			reportedOn: { before: null, after: reportedOn }
		};
		const attached = await recordAttachments({ ...ctx, db: tx }, row.id, staged);
		if (attached.length) changes.attachments = { before: null, after: attached };
		if (target.kind === 'item') {
			// Locked, so concurrent updates of one action apply one after the other.
			const [current] = await tx
				.select({ progress: planItems.progress, completedOn: planItems.completedOn })
				.from(planItems)
				.where(eq(planItems.id, target.itemId))
				.for('update');
			// The action carries the latest report: a late report of an earlier day only adds history.
			const [newer] = await tx
				.select({ id: planUpdates.id })
				.from(planUpdates)
				.where(
					and(eq(planUpdates.itemId, target.itemId), sql`${planUpdates.reportedOn} > ${reportedOn}`)
				)
				.limit(1);
			const progress = newer ? current.progress : (d.progress ?? current.progress);
			const completes = !newer && (progress >= 100 || d.statusProposal === 'done');
			// Completed stays completed until a report gives less than 100 % without "done".
			const completedOn = completes
				? (current.completedOn ?? reportedOn)
				: !newer && d.progress !== undefined
					? null
					: current.completedOn;
			if (progress !== current.progress || completedOn !== current.completedOn) {
				await tx
					.update(planItems)
					.set({ progress, completedOn })
					.where(eq(planItems.id, target.itemId));
				changes.progress = { before: current.progress, after: progress };
				if (completedOn !== current.completedOn) {
					changes.completedOn = { before: current.completedOn, after: completedOn };
				}
			}
		}
		if (target.kind === 'measure' && observation) {
			const [before] = await tx
				.select({ value: observations.value })
				.from(observations)
				.where(
					and(
						eq(observations.indicatorId, target.indicatorId),
						eq(observations.areaId, target.areaId),
						eq(observations.period, observation.period)
					)
				);
			const values = {
				periodStart: observation.periodStart,
				value: observation.value,
				status: 'final' as const,
				origin: 'supplied' as const,
				importId: null,
				isExample: false,
				updatedAt: new Date()
			};
			await tx
				.insert(observations)
				.values({
					indicatorId: target.indicatorId,
					areaId: target.areaId,
					period: observation.period,
					...values
				})
				.onConflictDoUpdate({
					target: [observations.indicatorId, observations.areaId, observations.period],
					set: values
				});
			changes.observation = {
				before: before ? { period: observation.period, value: before.value } : null,
				after: { period: observation.period, value: observation.value }
			};
		}
		if (d.statusProposal) changes.statusProposal = { before: null, after: d.statusProposal };
		return {
			result: { ...row, attachments: attached },
			audit: {
				action: 'plan.update_posted',
				recordType: 'plan_update',
				recordId: row.id,
				changes
			}
		};
	});
	if (target.kind === 'measure' && observation) {
		await recomputeAggregates(ctx.db, { indicatorIds: [target.indicatorId] });
	}
	return result;
}

/** The updates of an action or a measure, newest first, with their author and attachments. */
export async function updatesOf(db: DbOrTx, of: { itemId: string } | { measureId: string }) {
	const id = 'itemId' in of ? of.itemId : of.measureId;
	if (!isUuid(id)) return [];
	const rows = await db
		.select({
			id: planUpdates.id,
			itemId: planUpdates.itemId,
			measureId: planUpdates.measureId,
			reportedOn: planUpdates.reportedOn,
			text: planUpdates.text,
			progress: planUpdates.progress,
			statusProposal: planUpdates.statusProposal,
			authorUserId: planUpdates.authorUserId,
			authorName: users.name,
			isExample: planUpdates.isExample,
			createdAt: planUpdates.createdAt
		})
		.from(planUpdates)
		.leftJoin(users, eq(users.id, planUpdates.authorUserId))
		.where('itemId' in of ? eq(planUpdates.itemId, id) : eq(planUpdates.measureId, id))
		.orderBy(desc(planUpdates.reportedOn), desc(planUpdates.createdAt), desc(planUpdates.id));
	if (!rows.length) return [];
	const attachments = await db
		.select({
			updateId: planUpdateAttachments.updateId,
			fileId: planUpdateAttachments.fileId,
			title: planUpdateAttachments.title,
			mimeType: files.mimeType,
			size: files.size,
			name: files.originalName
		})
		.from(planUpdateAttachments)
		.innerJoin(files, eq(files.id, planUpdateAttachments.fileId))
		.where(
			inArray(
				planUpdateAttachments.updateId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(sql`lower(${planUpdateAttachments.title})`, asc(planUpdateAttachments.fileId));
	return rows.map((r) => ({
		...r,
		attachments: attachments
			.filter((a) => a.updateId === r.id)
			.map((a) => ({
				fileId: a.fileId,
				title: a.title,
				mimeType: a.mimeType,
				size: a.size,
				name: a.name
			}))
	}));
}

// ---------------------------------------------------------------------------------------------
// What is waiting for an update

/** The same calendar day `months` months earlier (clamped to the month's last day). */
export function monthsBefore(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const index = y * 12 + (m - 1) - months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Where an owner reports on an action (the page lives under the plan's workspace). */
export const actionPath = (planSlug: string, itemId: string) =>
	`/beheer/plannen/${planSlug}/acties/${itemId}`;

export type DueAction = {
	itemId: string;
	externalId: string;
	title: string;
	dueDate: string | null;
	progress: number;
	ownerPersonId: string;
	planId: string;
	planSlug: string;
	planTitle: string;
	reminders: 'monthly' | 'quarterly';
	/** The latest update's date; null when there is none. */
	lastReportedOn: string | null;
	planIsExample: boolean;
	path: string;
};

/**
 * Actions waiting for an update on `today`: owned, not done, in an adopted or running plan that
 * sends reminders, already started (or without a start date), and whose latest update is at least
 * one reminder period old (monthly: one month, quarterly: three months) or missing. One query.
 */
export async function dueActions(
	db: DbOrTx,
	today: string,
	filter: { personId?: string; includeExamples?: boolean } = {}
): Promise<DueAction[]> {
	const last = sql<
		string | null
	>`(select max(${planUpdates.reportedOn})::text from ${planUpdates} where ${planUpdates.itemId} = ${planItems.id})`;
	const conditions: (SQL | undefined)[] = [
		eq(planItems.kind, 'action'),
		filter.personId
			? eq(planItems.ownerPersonId, filter.personId)
			: isNotNull(planItems.ownerPersonId),
		isNull(planItems.completedOn),
		lt(planItems.progress, 100),
		or(isNull(planItems.statusOverride), ne(planItems.statusOverride, 'done')),
		or(isNull(planItems.startDate), sql`${planItems.startDate} <= ${today}`),
		inArray(plans.status, ['adopted', 'running']),
		ne(plans.reminders, 'none'),
		sql`(${last} is null
			or (${plans.reminders} = 'monthly' and ${last} <= ${monthsBefore(today, 1)})
			or (${plans.reminders} = 'quarterly' and ${last} <= ${monthsBefore(today, 3)}))`
	];
	if (filter.includeExamples === false) {
		conditions.push(eq(plans.isExample, false), eq(planItems.isExample, false));
	}
	const rows = await db
		.select({
			itemId: planItems.id,
			externalId: planItems.externalId,
			title: planItems.title,
			dueDate: planItems.dueDate,
			progress: planItems.progress,
			ownerPersonId: planItems.ownerPersonId,
			planId: plans.id,
			planSlug: plans.slug,
			planTitle: plans.title,
			reminders: plans.reminders,
			lastReportedOn: last,
			planIsExample: plans.isExample
		})
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(and(...conditions))
		.orderBy(asc(plans.slug), asc(planItems.externalId));
	return rows.map((r) => ({
		...r,
		ownerPersonId: r.ownerPersonId!,
		planTitle: r.planTitle.nl,
		reminders: r.reminders as DueAction['reminders'],
		path: actionPath(r.planSlug, r.itemId)
	}));
}

/** The owner's page: every action of `personId` waiting for an update on `today`. */
export function waitingForUpdate(db: DbOrTx, personId: string, today: string = clockToday()) {
	if (!isUuid(personId)) return Promise.resolve([]);
	return dueActions(db, today, { personId });
}

/** "3 maart 2026" / "nog nooit", for lists of due actions. */
export function lastReportedLabel(a: Pick<DueAction, 'lastReportedOn'>): string {
	return a.lastReportedOn ? `laatste update ${periodLabel(a.lastReportedOn)}` : 'nog geen update';
}
