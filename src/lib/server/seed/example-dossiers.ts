/**
 * An example dossier for the embedded default, so the register and a timeline show on a fresh
 * start: the Burgemeestersoverleg Halle-Vilvoorde (the Toekomstforum's mayors) adopts a
 * memorandum on school infrastructure in a held meeting, sends it to the Vlaamse Regering and the
 * Vlaams Parlement; the Vlaamse Regering answered, the parliament not yet (and is past the answer
 * time, which the example never reminds anyone of). Every row is flagged is_example and its title
 * says "voorbeeld"; dates are relative to `now`; deterministic ids, so seeding twice changes
 * nothing. Needs the structure seed (bodies, organisations, policy domains).
 */
import { mutate } from '../audit/audit.service';
import { today } from '../clock';
import type { ServiceContext } from '../context';
import { dossierAddressees, dossierDecisions, dossierPolicyDomains, dossiers } from '../db/schema';
import { addDays } from '../dossiers/status';
import { decisionId, insertMeeting, type ExampleMeeting } from './example-advice';
import { seededId } from './ids';
import { bodyId, organisationId, policyDomainId } from './seed.service';

export const EXAMPLE_DOSSIER_SLUG = 'voorbeeld-memorandum-schoolinfrastructuur';
export const exampleDossierId = seededId('dossier', EXAMPLE_DOSSIER_SLUG);

const meeting: ExampleMeeting = {
	key: 'bhv-memorandum',
	body: 'burgemeestersoverleg-halle-vilvoorde',
	title: 'Burgemeestersoverleg Halle-Vilvoorde — memorandum (voorbeeld)',
	days: -120,
	status: 'held',
	item: {
		key: 'memorandum-scholen',
		title: 'Memorandum schoolinfrastructuur Halle-Vilvoorde (voorbeeld)',
		kind: 'decision',
		domain: 'onderwijs'
	},
	decision: {
		title: 'Memorandum schoolinfrastructuur goedgekeurd (voorbeeld)',
		text: 'Het burgemeestersoverleg keurt het memorandum over de schoolinfrastructuur in Halle-Vilvoorde goed en bezorgt het aan de Vlaamse Regering en het Vlaams Parlement. (Voorbeeld.)'
	}
};

const POSITION = `**Voorbeeld.** De burgemeesters van Halle-Vilvoorde vragen de Vlaamse Regering:

1. de capaciteitsmiddelen voor scholen toe te kennen volgens de bevolkingsgroei per gemeente, niet per provincie;
2. de rand rond Brussel te erkennen als regio met bijzondere druk op het basis- en secundair onderwijs;
3. samen met de gemeenten een meerjarenplan voor nieuwe plaatsen op te maken.`;

/** Load the example dossier (once). Returns the rows inserted. */
export async function seedExampleDossiers(ctx: ServiceContext, now = new Date()) {
	return mutate(ctx, async (tx) => {
		const made = await insertMeeting(tx, meeting, now);
		const day = today(now);
		const rows = await tx
			.insert(dossiers)
			.values({
				id: exampleDossierId,
				slug: EXAMPLE_DOSSIER_SLUG,
				bodyId: bodyId(meeting.body),
				title: 'Memorandum schoolinfrastructuur Halle-Vilvoorde (voorbeeld)',
				position: POSITION,
				isPublic: true,
				answerDays: 60,
				isExample: true
			})
			.onConflictDoNothing()
			.returning();
		if (rows.length) {
			await tx
				.insert(dossierDecisions)
				.values({ dossierId: exampleDossierId, decisionId: decisionId(meeting) });
			await tx.insert(dossierPolicyDomains).values({
				dossierId: exampleDossierId,
				policyDomainId: policyDomainId('onderwijs')
			});
			await tx.insert(dossierAddressees).values([
				{
					id: seededId('dossier-addressee', `${EXAMPLE_DOSSIER_SLUG}>vlaamse-regering`),
					dossierId: exampleDossierId,
					organisationId: organisationId('vlaamse-regering'),
					sentOn: addDays(day, -110),
					answeredOn: addDays(day, -60),
					answer:
						'**Voorbeeld.** De minister van Onderwijs neemt de vraag mee in de volgende oproep voor capaciteitsmiddelen en stelt een overleg met de gemeenten voor.'
				},
				{
					id: seededId('dossier-addressee', `${EXAMPLE_DOSSIER_SLUG}>vlaams-parlement`),
					dossierId: exampleDossierId,
					organisationId: organisationId('vlaams-parlement'),
					sentOn: addDays(day, -110)
				}
			]);
		}
		return {
			result: { dossierMeetings: made.inserted ? 1 : 0, dossiers: rows.length },
			audit: {
				action: 'seed.example_dossiers',
				recordType: 'seed',
				recordId: 'example-dossiers',
				changes: { inserted: { after: rows.length } }
			}
		};
	});
}
