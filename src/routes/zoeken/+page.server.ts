import { publicSearchPage } from '$lib/server/search/search.web';
import type { PageServerLoad } from './$types';

/** Search everything public: a GET form, so it works without JavaScript. */
export const load: PageServerLoad = (event) => publicSearchPage(event);
