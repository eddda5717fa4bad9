import { workspaceDossierDocument } from '$lib/server/dossiers/dossiers.web';
import type { RequestHandler } from './$types';

/** A document of the dossier, for whoever may read the dossier in the workspace. */
export const GET: RequestHandler = (event) => workspaceDossierDocument(event);
