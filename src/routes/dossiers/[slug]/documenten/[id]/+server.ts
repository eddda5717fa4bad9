import { publicDossierDocument } from '$lib/server/dossiers/public.web';
import type { RequestHandler } from './$types';

/** A public document of a published dossier. */
export const GET: RequestHandler = (event) => publicDossierDocument(event);
