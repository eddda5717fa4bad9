import type { MessageKey } from './nl';

/** English catalogue; a missing key falls back to Dutch. */
export const en: Partial<Record<MessageKey, string>> = {
	'site.skip': 'Skip to content',
	'site.backToTop': 'Back to top',
	'site.breadcrumbs': 'Breadcrumbs',
	'site.home': 'Home',
	'site.mainNav': 'Main navigation',
	'site.language': 'Language',
	'site.otherLanguage': 'Nederlands',
	'site.footer.contact': 'Contact',
	'site.footer.legal': 'Legal details',
	'site.footer.openSource': 'Made with Streekplatform, open-source software for regional policy.',
	'site.footer.api': 'Open data and API',
	'nav.regions': 'Regions',
	'home.title': 'Working together for the region',
	'home.regions': 'The regions',
	'bodyKind.mayors_consultation': "Mayors' consultation",
	'bodyKind.taskforce': 'Taskforce',
	'bodyKind.forum': 'Forum',
	'bodyKind.steering_group': 'Steering group',
	'bodyKind.executive': 'Executive',
	'bodyKind.working_group': 'Working group',
	'bodyKind.other': 'Body',
	'error.notFound.title': 'Page not found',
	'error.generic.title': 'Something went wrong',
	'error.toHome': 'Go to the home page',
	'api.title': 'API reference',
	'api.name': 'Name',
	'api.in': 'In',
	'openData.title': 'Open data'
};
