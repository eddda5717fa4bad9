import { workspaceSearchPage } from '$lib/server/search/search.web';
import type { PageServerLoad } from './$types';

/** The same search as /zoeken, with what the principal may read in the workspace. */
export const load: PageServerLoad = (event) => workspaceSearchPage(event);
