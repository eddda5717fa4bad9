import { bodyRegisterExport } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => bodyRegisterExport(event, 'xlsx');
