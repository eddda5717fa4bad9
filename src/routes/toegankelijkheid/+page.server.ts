import { translate } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/** The day the statement was prepared; update it with the statement (WCAG status, limitations). */
const STATEMENT_DATE = '2026-12-07';

/** The accessibility statement: text from the catalogue, contact details from the site settings. */
export const load: PageServerLoad = ({ locals }) => ({
	statementDate: STATEMENT_DATE,
	meta: { description: translate(locals.locale, 'a11y.status.body') },
	crumbs: [{ label: translate(locals.locale, 'a11y.title') }]
});
