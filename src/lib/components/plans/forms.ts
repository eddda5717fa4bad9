/**
 * The state of the several forms of one plan page: an action's result names its form
 * (`editing.web.ts`), so each form shows its own confirmation, refusal and kept values.
 */
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
		saved: (name: string) => {
			const f = r();
			return f && f.form === name ? f.saved : undefined;
		},
		/** A field's messages in a refused form. */
		errors: (name: string, key: string) => failed(name)?.fields[key] ?? [],
		/** What a refused form held, to fill it again. */
		kept: (name: string, key: string) => failed(name)?.values[key] ?? ''
	};
}
