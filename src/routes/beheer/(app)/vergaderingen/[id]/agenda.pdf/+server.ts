import { meetingPdfResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

/** The whole agenda, closed items included (body:read_closed, checked in the service). */
export const GET: RequestHandler = (event) => meetingPdfResponse(event, 'agenda', 'members');
