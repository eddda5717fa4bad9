import { api } from '$lib/server/http';
import { listIndicatorsOut } from '$lib/server/monitor/api';

export const GET = api(({ locals }) => listIndicatorsOut(locals.db));
