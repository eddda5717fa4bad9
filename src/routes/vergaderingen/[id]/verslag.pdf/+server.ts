import { meetingPdfResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

/** The approved minutes, public items only (404 until they are approved). */
export const GET: RequestHandler = (event) => meetingPdfResponse(event, 'minutes', 'public');
