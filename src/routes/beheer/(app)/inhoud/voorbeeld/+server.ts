import { previewEndpoint } from '$lib/server/content/workspace.web';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = previewEndpoint;
