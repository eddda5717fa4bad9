import { openDataPage } from '$lib/server/opendata/opendata.web';
import type { PageServerLoad } from './$types';

/** What the partnership publishes as open data: the ZIP, the licence, the API, feeds, OSLO. */
export const load: PageServerLoad = (event) => openDataPage(event);
