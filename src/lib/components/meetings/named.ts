/**
 * A message split around one of its placeholders, so a name from the data can sit in its own
 * element (`<span translate="no">`) between the two parts, whatever the word order of the locale.
 */
import type { MessageKey, translator } from '$lib/i18n';

const MARK = '\u0000';

export function around(
	t: ReturnType<typeof translator>,
	key: MessageKey,
	name: string,
	params: Record<string, string | number> = {}
): [string, string] {
	const [before, after = ''] = t(key, { ...params, [name]: MARK }).split(MARK);
	return [before, after];
}
