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
import { openConfiguredDatabase } from '../src/lib/server/db';
import {
	memberships,
	people,
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
import { seedExampleAdvice } from '../src/lib/server/seed/example-advice';
import { seedExampleMeetings } from '../src/lib/server/seed/examples';
import { seedExampleReports } from '../src/lib/server/seed/example-reports';
import { seedExampleMonitor } from '../src/lib/server/seed/example-monitor';
import { seedExamplePlans } from '../src/lib/server/seed/example-plans';

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
			await seedExampleMeetings(ctx);
			await seedExampleReports(ctx);
			await seedExampleAdvice(ctx);
			await seedExampleMonitor(ctx);
			await seedExamplePlans(ctx);
		}
		const passwordHash = await hashPassword(SCENARIO_PASSWORD);
		const result: Record<string, unknown> = {};
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
		fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
		fs.writeFileSync(out, JSON.stringify(result, null, 2));
		process.stdout.write(`Testscenario geladen (${personas.length} gebruikers) → ${out}\n`);
	} finally {
		await database.close();
	}
}

main().then(
	() => process.exit(0),
	(e: unknown) => {
		process.stderr.write(`scenario: ${describeStartupError(e)}\n`);
		process.exit(1);
	}
);
