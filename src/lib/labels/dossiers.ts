/**
 * The stages of a dossier, their words and their URL slugs: shared by the server (status.ts) and
 * the components that show a stage (StageBadge), which cannot import server modules.
 */
export const dossierStages = [
	'draft',
	'adopted',
	'sent',
	'answered',
	'followed_up',
	'closed'
] as const;
export type DossierStage = (typeof dossierStages)[number];

export const stageLabels: Record<DossierStage, { nl: string; en: string }> = {
	draft: { nl: 'ontwerp', en: 'draft' },
	adopted: { nl: 'aangenomen', en: 'adopted' },
	sent: { nl: 'verstuurd', en: 'sent' },
	answered: { nl: 'beantwoord', en: 'answered' },
	followed_up: { nl: 'opgevolgd', en: 'followed up' },
	closed: { nl: 'afgesloten', en: 'closed' }
};

/** The slugs of the stages in URLs (the register's filter). */
export const stageSlugs: Record<DossierStage, string> = {
	draft: 'ontwerp',
	adopted: 'aangenomen',
	sent: 'verstuurd',
	answered: 'beantwoord',
	followed_up: 'opgevolgd',
	closed: 'afgesloten'
};
