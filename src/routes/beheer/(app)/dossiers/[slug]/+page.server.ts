import { translate } from '$lib/i18n';
import { dossierActions, dossierWorkspacePage } from '$lib/server/dossiers/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await dossierWorkspacePage(event);
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...page,
		crumbs: [
			{ label: t('ws.common.nav'), href: '/beheer' },
			{ label: t('ws.dossiers.title'), href: '/beheer/dossiers' },
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
