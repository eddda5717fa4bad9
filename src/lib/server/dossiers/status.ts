/**
 * The stage of a dossier, computed from its facts — never typed: draft (no decision adopted the
 * position yet) → adopted → sent (to at least one addressee) → answered (every addressee it was
 * sent to answered) → followed up (answered, and plan actions follow it up) → closed (closed by
 * hand, with a note). Beside the stage: which addressees are overdue (sent more than `answerDays`
 * days ago without an answer). Pure: the same facts and day give the same answer.
 */
import type { Locale } from '$lib/i18n';

// The stages live beside the labels components use (a component cannot import $lib/server).
import type { DossierStage } from '../../labels/dossiers';
export { dossierStages, stageLabels, stageSlugs, type DossierStage } from '../../labels/dossiers';

export type DossierFacts = {
	/** Statuses of the linked decisions; only 'adopted' ones adopt the position. */
	decisionStatuses: string[];
	addressees: { name: string; sentOn: string | null; answeredOn: string | null }[];
	/** Plan actions linked to the dossier (its follow-up). */
	followUpActions: number;
	closedOn: string | null;
	answerDays: number;
};

export type DossierStatus = {
	stage: DossierStage;
	/** Addressees sent to more than answerDays ago without an answer (never when closed). */
	overdue: string[];
	/** Why the stage is what it is, in the locale. */
	explanation: string;
};

/** `day` plus `days` days, both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** The day an answer from an addressee sent on `sentOn` is due. */
export const answerDue = (sentOn: string, answerDays: number) => addDays(sentOn, answerDays);

const belgian = (day: string) => day.split('-').reverse().join('/');

export function dossierStatus(
	facts: DossierFacts,
	today: string,
	locale: Locale = 'nl'
): DossierStatus {
	const en = locale === 'en';
	const sent = facts.addressees.filter((a) => a.sentOn);
	const answered = sent.filter((a) => a.answeredOn);
	const adopted = facts.decisionStatuses.includes('adopted');
	const overdue = facts.closedOn
		? []
		: sent
				.filter((a) => !a.answeredOn && answerDue(a.sentOn!, facts.answerDays) < today)
				.map((a) => a.name);
	const status = (stage: DossierStage, explanation: string) => ({ stage, overdue, explanation });

	if (facts.closedOn) {
		return status(
			'closed',
			en ? `Closed on ${belgian(facts.closedOn)}.` : `Afgesloten op ${belgian(facts.closedOn)}.`
		);
	}
	if (sent.length && answered.length === sent.length) {
		if (facts.followUpActions > 0) {
			const n = facts.followUpActions;
			return status(
				'followed_up',
				en
					? `Every addressee answered; ${n} plan action${n === 1 ? '' : 's'} follow${n === 1 ? 's' : ''} it up.`
					: `Elke geadresseerde antwoordde; ${n === 1 ? '1 actie' : `${n} acties`} uit een plan ${n === 1 ? 'volgt' : 'volgen'} het op.`
			);
		}
		return status(
			'answered',
			en
				? `Every addressee it was sent to answered (${answered.length}).`
				: `Elke geadresseerde aan wie het verstuurd werd, antwoordde (${answered.length}).`
		);
	}
	if (sent.length) {
		const late = overdue.length
			? en
				? ` No answer in time from ${overdue.join(', ')}.`
				: ` Geen antwoord binnen de termijn van ${overdue.join(', ')}.`
			: '';
		return status(
			'sent',
			(en
				? `Sent to ${sent.length} addressee${sent.length === 1 ? '' : 's'}; ${answered.length} answered.`
				: `Verstuurd aan ${sent.length} geadresseerde${sent.length === 1 ? '' : 'n'}; ${answered.length} antwoordde${answered.length === 1 ? '' : 'n'}.`) +
				late
		);
	}
	if (adopted) {
		return status(
			'adopted',
			en
				? 'A decision adopted the position; it has not been sent yet.'
				: 'Een besluit nam het standpunt aan; het is nog niet verstuurd.'
		);
	}
	return status(
		'draft',
		en ? 'No decision has adopted the position yet.' : 'Nog geen besluit nam het standpunt aan.'
	);
}
