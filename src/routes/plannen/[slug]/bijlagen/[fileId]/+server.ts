import { publicAttachment } from '$lib/server/plans/attachments.web';
import type { RequestHandler } from './$types';

/** An attachment of a progress update of a published plan. */
export const GET: RequestHandler = (event) => publicAttachment(event);
