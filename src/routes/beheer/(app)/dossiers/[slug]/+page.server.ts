import { dossierActions, dossierWorkspacePage } from '$lib/server/dossiers/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await dossierWorkspacePage(event);
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Dossiers', href: '/beheer/dossiers' },
			{ label: page.dossier.title }
		]
	};
};

export const actions: Actions = {
	update: dossierActions.update,
	link: dossierActions.link,
	unlink: dossierActions.unlink,
	addAddressee: dossierActions.addAddressee,
	removeAddressee: dossierActions.removeAddressee,
	sent: dossierActions.sent,
	answer: dossierActions.answer,
	addDocument: dossierActions.addDocument,
	removeDocument: dossierActions.removeDocument,
	planItems: dossierActions.planItems,
	close: dossierActions.close,
	reopen: dossierActions.reopen,
	delete: dossierActions.delete
};
