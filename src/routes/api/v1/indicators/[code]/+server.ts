import { api } from '$lib/server/http';
import { getIndicatorOut } from '$lib/server/monitor/api';

export const GET = api(({ locals, params }) => getIndicatorOut(locals.db, params.code ?? ''));
