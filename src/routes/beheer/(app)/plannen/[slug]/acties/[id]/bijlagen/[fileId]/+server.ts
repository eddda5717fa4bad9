import { workspaceAttachment } from '$lib/server/plans/attachments.web';
import type { RequestHandler } from './$types';

/** An attachment of one of the action's progress updates, for whoever may read the plan. */
export const GET: RequestHandler = (event) => workspaceAttachment(event);
