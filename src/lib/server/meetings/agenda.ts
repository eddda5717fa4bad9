/**
 * The agenda as a tree: numbering (1, 1.2…), planned start times and the duration rule. Pure
 * functions over rows, shared by the workspace, the public pages, the API and the feeds.
 */
import type { AgendaItemKind, agendaItems } from '../db/schema';

/** How each kind of agenda item reads in the UI. */
export const itemKindLabels: Record<AgendaItemKind, string> = {
	information: 'Ter informatie',
	discussion: 'Ter bespreking',
	decision: 'Ter beslissing',
	advice: 'Voor advies'
};

type ItemRow = Pick<
	typeof agendaItems.$inferSelect,
	'id' | 'parentId' | 'position' | 'durationMinutes'
>;

export type Numbered<T> = T & {
	number: string;
	depth: 0 | 1;
	/** Planned start: the meeting's start plus every earlier item's duration. */
	plannedStart: Date;
	/** Whether the item has sub-items (then its own duration covers its introduction). */
	hasChildren: boolean;
};

/** Items in agenda order (parents, each followed by its children), numbered and timed. */
export function numberAgenda<T extends ItemRow>(items: T[], startsAt: Date): Numbered<T>[] {
	const byPosition = (a: T, b: T) => a.position - b.position;
	const top = items.filter((i) => !i.parentId).sort(byPosition);
	const children = new Map<string, T[]>();
	for (const item of items) {
		if (item.parentId) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
	}
	const out: Numbered<T>[] = [];
	let clock = startsAt.getTime();
	const push = (item: T, number: string, depth: 0 | 1, hasChildren: boolean) => {
		out.push({ ...item, number, depth, plannedStart: new Date(clock), hasChildren });
		clock += (item.durationMinutes ?? 0) * 60_000;
	};
	top.forEach((item, i) => {
		const kids = (children.get(item.id) ?? []).sort(byPosition);
		push(item, String(i + 1), 0, kids.length > 0);
		kids.forEach((kid, j) => push(kid, `${i + 1}.${j + 1}`, 1, false));
	});
	return out;
}

/** Planned minutes of the whole agenda. */
export const plannedMinutes = (items: Pick<ItemRow, 'durationMinutes'>[]) =>
	items.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0);

/** Minutes between start and end. */
export const meetingMinutes = (m: { startsAt: Date; endsAt: Date }) =>
	Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000);

/** The message when the agenda does not fit in the meeting, or null. */
export function durationProblem(planned: number, available: number): string | null {
	return planned > available
		? `De geplande duur van de agendapunten (${planned} min.) is langer dan de vergadering (${available} min.).`
		: null;
}

/** An item is public only when the meeting, the item and (for a sub-item) its parent are. */
export function publicItems<T extends { id: string; parentId: string | null; isPublic: boolean }>(
	items: T[],
	meetingPublic: boolean
): T[] {
	if (!meetingPublic) return [];
	const closed = new Set(items.filter((i) => !i.isPublic).map((i) => i.id));
	return items.filter((i) => i.isPublic && !(i.parentId && closed.has(i.parentId)));
}

/** The title people see: the meeting's own, or "<body> — 12 maart 2026". */
export function meetingTitle(
	m: { title: string | null; startsAt: Date },
	bodyName: string,
	formatLong: (d: Date) => string
): string {
	return m.title?.trim() || `${bodyName} — ${formatLong(m.startsAt)}`;
}
