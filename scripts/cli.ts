/**
 * Command-line tasks on the configured database: `migrate`, `seed`, `purge-examples`, `check`
 * (the integrity check: operations/integrity.ts), `backup`, `restore` and `db:move`
 * (operations/cli.ts).
 * On the embedded database a running server holds the data folder; then this refuses at once
 * with a message that says what to do, and touches nothing.
 */
import { createAdminLink } from '../src/lib/server/accounts/accounts.service';
import { cliContext } from '../src/lib/server/app';
import { describeStartupError } from '../src/lib/server/config';
import { openConfiguredDatabase } from '../src/lib/server/db';
import { seedAllExamples } from '../src/lib/server/seed/all-examples';
import { runMonitorImport } from '../src/lib/server/monitor/import/cli';
import { purgeExamples, seedStructure } from '../src/lib/server/seed/seed.service';
import { checkIntegrity } from '../src/lib/server/operations/integrity';
import { runOperation, usage, type OperationCommand } from '../src/lib/server/operations/cli';

const commands = [
	'migrate',
	'seed',
	'purge-examples',
	'admin:create',
	'monitor:import',
	'check',
	'backup',
	'restore',
	'db:move'
] as const;
type Command = (typeof commands)[number];

async function main(command: Command) {
	const database = await openConfiguredDatabase(
		`npm run ${command.includes(':') || command in usage ? command : `db:${command}`}`
	);
	try {
		if (command in usage) {
			process.stdout.write(
				await runOperation(command as OperationCommand, database, process.argv.slice(3))
			);
			return;
		}
		// The check reads the database as it is; every other command brings it up to date first.
		if (command !== 'check') await database.migrate();
		if (command === 'seed') {
			const counts = await seedStructure(cliContext(database));
			Object.assign(counts, await seedAllExamples(cliContext(database)));
			report('Nieuw toegevoegd', counts);
		} else if (command === 'purge-examples') {
			const counts = await purgeExamples(cliContext(database));
			report('Voorbeeldgegevens verwijderd', counts);
		} else if (command === 'monitor:import') {
			const r = await runMonitorImport(cliContext(database), process.argv.slice(3));
			process.stdout.write(r.out);
			process.stderr.write(r.err);
			process.exitCode = r.code;
		} else if (command === 'check') {
			const { problems, checked } = await checkIntegrity(database.db);
			for (const p of problems) process.stdout.write(`FOUT ${p}\n`);
			process.stdout.write(
				`${checked} controles, ${problems.length ? `${problems.length} problemen` : 'geen problemen'}.\n`
			);
			process.exitCode = problems.length ? 1 : 0;
		} else if (command === 'admin:create') {
			const email = option('--email');
			if (!email)
				throw new Error(
					'Gebruik: npm run admin:create -- --email u@voorbeeld.be [--name "Uw naam"]'
				);
			const { user, link, expiresAt } = await createAdminLink(cliContext(database), {
				email,
				name: option('--name')
			});
			process.stdout.write(
				`Beheerder ${user.email} is klaar. Kies een wachtwoord via deze eenmalige link (geldig tot ${expiresAt.toISOString()}):\n${link}\n`
			);
		} else {
			process.stdout.write('Migraties toegepast.\n');
		}
	} finally {
		await database.close();
	}
}

function option(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
}

function report(title: string, counts: Record<string, number>) {
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	const detail = Object.entries(counts)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => `${k}: ${n}`)
		.join(', ');
	process.stdout.write(`${title}: ${total}${detail ? ` (${detail})` : ''}.\n`);
}

const command = process.argv[2] as Command;
if (!commands.includes(command)) {
	process.stderr.write(`Gebruik: tsx scripts/cli.ts <${commands.join('|')}>\n`);
	process.exit(2);
}
main(command).then(
	() => process.exit(process.exitCode ?? 0),
	(e: unknown) => {
		process.stderr.write(`streekplatform: ${describeStartupError(e)}\n`);
		process.exit(1);
	}
);
