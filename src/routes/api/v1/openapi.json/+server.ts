import { openApiDocument } from '$lib/server/api/openapi';
import { api } from '$lib/server/http';

export const GET = api(async () => openApiDocument());
