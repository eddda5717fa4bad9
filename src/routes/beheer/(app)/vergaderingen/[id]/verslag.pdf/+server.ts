import { meetingPdfResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

/** The minutes (draft or approved), closed items included (body:read_closed). */
export const GET: RequestHandler = (event) => meetingPdfResponse(event, 'minutes', 'members');
