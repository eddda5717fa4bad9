/**
 * The state of the several forms of a dossier's workspace page: an action's result names its form
 * (dossiers/editing.web.ts; one form per addressee is `sent:<id>`, `answer:<id>`, …), so each form
 * shows its own confirmation, refusal and kept values.
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
	  }
	| null
	| undefined;

export type Failure = {
	message: string;
	fields: Record<string, string[]>;
	values: Record<string, unknown>;
	current?: Record<string, unknown>;
};

export function formState(result: () => unknown) {
	const r = () => result() as Result;
	const failed = (name: string): Failure | undefined => {
		const f = r();
		return f && f.form === name && f.message !== undefined
			? { message: f.message, fields: f.fields ?? {}, values: f.values ?? {}, current: f.current }
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

export type FormState = ReturnType<typeof formState>;

/** use:enhance for forms that edit what is stored: keep the typed values (they are now stored). */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
