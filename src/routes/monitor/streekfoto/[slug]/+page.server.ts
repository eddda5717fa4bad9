import { streekfotoPage } from '$lib/server/monitor/streekfoto.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await streekfotoPage(event);
	return {
		...page,
		crumbs: [{ label: 'Monitor', href: '/monitor' }, { label: page.streekfoto.title }]
	};
};
