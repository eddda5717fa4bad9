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
	'openData.title': 'Open data',
	'site.footer.privacy': 'Privacy statement',
	'orgChart.title': 'Organisation chart of {region}',
	'orgChart.count': '{count} bodies.',
	'orgChart.hasParts': '{name} consists of: {parts}.',
	'orgChart.reportsTo': '{name} reports to {to}.',
	'orgChart.advises': '{name} advises {to}.',
	'orgChart.legend': 'Legend',
	'orgChart.legendPartOf': 'is part of',
	'orgChart.legendReportsTo': 'reports to',
	'orgChart.legendAdvises': 'advises',
	'orgChart.list': 'As a list',
	'orgChart.drawing': 'As a chart',
	'privacy.title': 'Privacy statement',
	'privacy.intro':
		'{name} is the platform on which the partners of the regional consultation work together. This statement explains which personal data the platform keeps, why, for how long, and how to exercise your rights.',
	'privacy.controller.title': 'Who is responsible?',
	'privacy.controller.body': 'The data controller is {legalName}.',
	'privacy.controller.address': 'Address: {address}',
	'privacy.controller.email': 'E-mail:',
	'privacy.data.title': 'Which data do we keep?',
	'privacy.data.people':
		'People who sit on a body: first and last name, e-mail address and phone number (where known) and the organisation they represent.',
	'privacy.data.memberships':
		'Memberships: which body someone sits on, in which role and for which term, and whether their name may be shown publicly (with the date of that consent).',
	'privacy.data.accounts':
		'Workspace accounts: name, e-mail address, role, an encrypted password, two-factor and mail settings, and sessions (time, device and IP address).',
	'privacy.data.audit': 'The audit trail: who changed what, and when, in the workspace.',
	'privacy.why.title': 'Why?',
	'privacy.why.organise':
		'To run the regional consultation: preparing meetings, sending invitations, agendas and minutes, and keeping track of who sits on which body.',
	'privacy.why.public':
		'Members’ names appear on the public website only with their consent. Without it, we show only the participating organisations.',
	'privacy.why.security':
		'Accounts, sessions and the audit trail keep the workspace secure and show who made which change or decision.',
	'privacy.retention.title': 'For how long?',
	'privacy.retention.people':
		'People: until {years} years after their last membership ended, as long as they have no active account. They are then anonymised automatically: the name becomes “Geanonimiseerde persoon” (anonymised person), e-mail and phone are erased. That the seat existed is kept, so the history of bodies and decisions stays correct.',
	'privacy.retention.sessions':
		'Sessions: they expire after {idleMinutes} minutes of inactivity and at most {hours} hours after login, and are deleted afterwards.',
	'privacy.retention.audit':
		'The audit trail is kept for accountability. When a person is anonymised, their personal data in the audit trail about them is replaced too.',
	'privacy.rights.title': 'Your rights',
	'privacy.rights.body':
		'You have the right to access, correct or erase your data, to restrict its processing and to object to it. You can withdraw your consent to show your name publicly at any time.',
	'privacy.how.title': 'How to exercise your rights',
	'privacy.how.account':
		'With an account: on the “My account” page of the workspace you download all your data as a JSON file and ask for erasure.',
	'privacy.how.accountLink': 'Go to My account',
	'privacy.how.contact':
		'Without an account, or for other questions: contact {legalName}. We answer within one month.',
	'privacy.how.complaint':
		'If you disagree with how we handle your data, you can lodge a complaint with the data protection authority (in Belgium the Gegevensbeschermingsautoriteit).',
	'privacy.cookies.title': 'Cookies',
	'privacy.cookies.body':
		'The public website uses no cookies. The workspace uses one necessary cookie to keep you logged in.'
};
