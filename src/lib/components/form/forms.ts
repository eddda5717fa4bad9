/**
 * The state of the several forms of one page (a plan's or a dossier's edit page): an action's
 * result names its form (`form`; one form per row is e.g. `sent:<id>`), so each form shows its own
 * confirmation, refusal and kept values.
 */
import type { SubmitFunction } from '@sveltejs/kit';

type Result =
	| {
			form?: string;
			saved?: string;
			message?: string;
			fields?: Record<string, string[]>;
			values?: Record<string, unknown>;
			current?: Record<string, unknown>;
			/** A refused file's rows. */
			errors?: { line: number; message: string }[];
	  }
	| null
	| undefined;

export function formsOf(result: () => unknown) {
	const r = () => result() as Result;
	const failed = (name: string) => {
		const f = r();
		return f && f.form === name && f.message !== undefined
			? {
					message: f.message,
					fields: f.fields ?? {},
					values: f.values ?? {},
					current: f.current,
					rowErrors: f.errors
				}
			: undefined;
	};
	return {
		failed,
		/** The confirmation of a form whose name is one of `names`. */
		saved: (...names: string[]) => {
			const f = r();
			return f && f.form && names.includes(f.form) ? f.saved : undefined;
		},
		/** A field's messages in a refused form. */
		errors: (name: string, key: string) => failed(name)?.fields[key] ?? [],
		/** What a refused form held (to fill it again), else `fallback`. */
		kept: (name: string, key: string, fallback: unknown = '') => {
			const f = failed(name);
			return f ? (f.values[key] ?? '') : fallback;
		}
	};
}

export type Forms = ReturnType<typeof formsOf>;

/** use:enhance for forms that edit what is stored: keep the typed values (they are now stored). */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
