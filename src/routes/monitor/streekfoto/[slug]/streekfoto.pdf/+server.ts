import { streekfotoPdf } from '$lib/server/monitor/streekfoto.web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => streekfotoPdf(event);
