/**
 * Loads a test scenario into the configured database BEFORE a server starts on it (never into a
 * live embedded data folder): `tsx scripts/scenario.ts e2e --out FILE`. Everything it makes is
 * example data (flagged, names marked "voorbeeld"); FILE receives the credentials and session
 * tokens the end-to-end tests use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Secret } from 'otpauth';
import { createApiToken } from '../src/lib/server/accounts/api-tokens.service';
import { hashPassword } from '../src/lib/server/accounts/passwords';
import { createSession } from '../src/lib/server/accounts/sessions.service';
import { cliContext } from '../src/lib/server/app';
import { describeStartupError } from '../src/lib/server/config';
import { openConfiguredDatabase, type Db } from '../src/lib/server/db';
import {
	memberships,
	people,
	planItems,
	plans,
	users,
	type MembershipRole,
	type PlatformRole
} from '../src/lib/server/db/schema';
import {
	bodyId,
	isSeeded,
	organisationId,
	seedStructure
} from '../src/lib/server/seed/seed.service';
import { seedAllExamples } from '../src/lib/server/seed/all-examples';

export const SCENARIO_PASSWORD = 'voorbeeld-wachtwoord-e2e-2026';

type Persona = {
	key: string;
	role: PlatformRole;
	body?: { slug: string; role: MembershipRole };
	totp: boolean;
};

const personas: Persona[] = [
	{ key: 'admin', role: 'admin', totp: true },
	{ key: 'adminB', role: 'admin', totp: true },
	{ key: 'staff', role: 'staff', totp: true },
	{
		key: 'secretary',
		role: 'user',
		body: { slug: 'taskforce-spitsregio-leuven', role: 'secretary' },
		totp: false
	},
	{
		key: 'member',
		role: 'user',
		body: { slug: 'taskforce-spitsregio-leuven', role: 'member' },
		totp: false
	},
	{
		key: 'otherMember',
		role: 'user',
		body: { slug: 'themawerkgroep-wonen', role: 'member' },
		totp: false
	},
	// Bodies working together: an advice from a working group through the Stuurgroep, and the
	// mayors who receive the Taskforce's report.
	{
		key: 'wgSecretary',
		role: 'user',
		body: { slug: 'themawerkgroep-mobiliteit', role: 'secretary' },
		totp: false
	},
	{
		key: 'stuurgroepSecretary',
		role: 'user',
		body: { slug: 'stuurgroep-toekomstforum', role: 'secretary' },
		totp: false
	},
	{
		key: 'mayorsSecretary',
		role: 'user',
		body: { slug: 'burgemeestersoverleg-oost-brabant', role: 'secretary' },
		totp: false
	}
];

async function main() {
	const out = process.argv[process.argv.indexOf('--out') + 1];
	if (process.argv[2] !== 'e2e' || !out || out.startsWith('--')) {
		throw new Error('Gebruik: tsx scripts/scenario.ts e2e --out FILE');
	}
	const database = await openConfiguredDatabase('het laden van een testscenario');
	try {
		await database.migrate();
		const ctx = cliContext(database);
		if (!(await isSeeded(database.db))) {
			await seedStructure(ctx);
			await seedAllExamples(ctx);
		}
		const passwordHash = await hashPassword(SCENARIO_PASSWORD);
		const result: Record<string, unknown> = {};
		const personOf: Record<string, string> = {};
		for (const p of personas) {
			const email = `${p.key.toLowerCase()}@voorbeeld.test`;
			const totpSecret = p.totp ? new Secret({ size: 20 }).base32 : null;
			await database.db.delete(users).where(eq(users.email, email));
			const [user] = await database.db
				.insert(users)
				.values({
					email,
					name: `${p.key} (voorbeeld)`,
					role: p.role,
					passwordHash,
					totpSecret,
					totpEnabledAt: totpSecret ? new Date() : null
				})
				.returning();
			if (p.body) {
				const [person] = await database.db
					.insert(people)
					.values({
						givenName: p.key,
						familyName: '(voorbeeld)',
						email,
						userId: user.id,
						isExample: true
					})
					.returning();
				personOf[p.key] = person.id;
				await database.db.insert(memberships).values({
					bodyId: bodyId(p.body.slug),
					personId: person.id,
					role: p.body.role,
					publicName: false,
					isExample: true
				});
			}
			const { token } = await createSession(database.db, user.id, {
				twoFactorDone: true,
				userAgent: 'scenario'
			});
			result[p.key] = {
				email,
				password: SCENARIO_PASSWORD,
				totpSecret,
				sessionToken: token,
				body: p.body?.slug ?? null
			};
		}
		const { token: apiToken } = await createApiToken(ctx, {
			organisationId: organisationId('provincie-vlaams-brabant'),
			name: 'Voorbeeldsleutel (e2e)',
			scopes: ['structure:read']
		});
		result.apiToken = apiToken;
		// A partner that pushes figures to the monitor.
		const { token: observationsToken } = await createApiToken(ctx, {
			organisationId: organisationId('provincie-vlaams-brabant'),
			name: 'Voorbeeldsleutel metingen (e2e)',
			scopes: ['observations:write']
		});
		result.observationsToken = observationsToken;
		await loadTestPlan(database.db, personOf.member);
		fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
		fs.writeFileSync(out, JSON.stringify(result, null, 2));
		process.stdout.write(`Testscenario geladen (${personas.length} gebruikers) → ${out}\n`);
	} finally {
		await database.close();
	}
}

/**
 * A published, running plan of the Taskforce for the plan specs (its title says "voorbeeld"): one
 * theme, one objective and an action per browser project owned by the member persona, halfway
 * through its time without any progress yet (so it is off track and waiting for an update).
 */
async function loadTestPlan(db: Db, ownerPersonId: string) {
	const day = (offset: number) =>
		new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	await db.delete(plans).where(eq(plans.slug, 'e2e-testplan'));
	const [plan] = await db
		.insert(plans)
		.values({
			slug: 'e2e-testplan',
			bodyId: bodyId('taskforce-spitsregio-leuven'),
			title: { nl: 'E2E-testplan (voorbeeld)' },
			vision: 'Een plan voor de end-to-end tests (voorbeeld).',
			periodStart: day(-365),
			periodEnd: day(365),
			status: 'running',
			isPublic: true,
			reminders: 'monthly'
		})
		.returning();
	const item = async (values: Partial<typeof planItems.$inferInsert>) =>
		(
			await db
				.insert(planItems)
				.values({
					planId: plan.id,
					position: 1,
					title: '',
					kind: 'theme',
					externalId: '',
					...values
				})
				.returning()
		)[0];
	const theme = await item({ kind: 'theme', externalId: 'T1', title: 'Testthema (voorbeeld)' });
	const objective = await item({
		kind: 'objective',
		parentId: theme.id,
		externalId: 'D1.1',
		title: 'Testdoelstelling (voorbeeld)',
		challenge: 'Een uitdaging om te testen.'
	});
	for (const [i, project] of ['js', 'nojs'].entries()) {
		await item({
			kind: 'action',
			parentId: objective.id,
			externalId: `A1.1.${i + 1}`,
			position: i + 1,
			title: `Testactie ${project}`,
			ownerPersonId,
			startDate: day(-60),
			dueDate: day(60)
		});
	}
}

main().then(
	() => process.exit(0),
	(e: unknown) => {
		process.stderr.write(`scenario: ${describeStartupError(e)}\n`);
		process.exit(1);
	}
);
