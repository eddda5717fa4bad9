import { openDataZipResponse } from '$lib/server/opendata/opendata.web';
import type { RequestHandler } from './$types';

/** Every public table as CSV with a README, rebuilt when the data changed (opendata/dataset.ts). */
export const GET: RequestHandler = (event) => openDataZipResponse(event);
