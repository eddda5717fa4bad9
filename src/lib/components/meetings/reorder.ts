/**
 * Reordering one level of an agenda from the browser (drag and drop, keyboard): the new order of
 * the siblings is posted to the page's `reorder` action as a SvelteKit form action.
 */
import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';

/** `ids` with `id` moved by `delta` places (clamped); null when it cannot move. */
export function shifted(ids: string[], id: string, delta: number): string[] | null {
	const from = ids.indexOf(id);
	const to = Math.max(0, Math.min(ids.length - 1, from + delta));
	if (from < 0 || to === from) return null;
	const out = ids.filter((x) => x !== id);
	out.splice(to, 0, id);
	return out;
}

/** `ids` with `id` placed before or after `target`; null when nothing changes. */
export function placed(ids: string[], id: string, target: string, after: boolean): string[] | null {
	if (id === target || !ids.includes(id) || !ids.includes(target)) return null;
	const out = ids.filter((x) => x !== id);
	out.splice(out.indexOf(target) + (after ? 1 : 0), 0, id);
	return out.join() === ids.join() ? null : out;
}

/** Post a level's order to `?/reorder`; resolves to the action's result. */
export async function postOrder(parentId: string | null, order: string[]): Promise<ActionResult> {
	const body = new FormData();
	body.set('parentId', parentId ?? '');
	for (const id of order) body.append('order', id);
	const response = await fetch('?/reorder', {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true' }
	});
	return deserialize(await response.text());
}
