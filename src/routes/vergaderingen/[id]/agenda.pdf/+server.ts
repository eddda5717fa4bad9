import { meetingPdfResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => meetingPdfResponse(event, 'agenda', 'public');
