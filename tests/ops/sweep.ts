/**
 * The bad-input sweep (issue 12): a real server from the current build, on an embedded database
 * loaded with the e2e personas, gets generated requests — every operation of the OpenAPI
 * description and every form the personas reach — as logged out, as a member and as an
 * administrator. No answer may be a 5xx or show a stack trace or a database message. Afterwards
 * the server stops and the integrity check runs on its database.
 *
 *   npm run test:sweep -- [--requests 3000] [--seed S] [--port 3431]     (bounded, for CI)
 *   npm run bench:sweep -- [--requests 30000]                            (the long run)
 *   npm run test:sweep -- --seed S --path P                              (replay one request)
 *   npm run test:sweep -- --forms                     (list each form and the schema it matched)
 *
 * Needs a build (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { check, loadScenario, npmRun, root, script, startApp, tempDir } from './harness';
import { routeTree, urlOf } from '../e2e/support/routes';
import { apiTargets, type OpenApi } from './sweep/openapi';
import { formTarget, parseForms, skipped, type Form } from './sweep/forms';
import { inputSchemas, schemaOf } from './sweep/schemas';
import {
	acceptable,
	describe,
	send,
	type Outcome,
	type Persona,
	type SweepRequest
} from './sweep/request';

function option(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
}
const full = process.argv.includes('--full');
const requested = Number(option('--requests') ?? (full ? 30_000 : 3_000));
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const replayPath = option('--path');
const port = Number(option('--port') ?? 3431);

type Failure = { request: SweepRequest; outcome: Outcome; path: string };

const statuses = (counts: Map<number, number>) =>
	[...counts.entries()]
		.sort(([a], [b]) => a - b)
		.map(([s, n]) => `${s}: ${n}`)
		.join(', ');

script(full ? 'bench:sweep' : 'test:sweep', full ? 3 * 3600 : 420, async () => {
	const started = Date.now();
	const dataDir = tempDir('sweep');
	const env = { DATA_DIR: path.join(dataDir, 'data'), DATABASE_URL: '' };
	// --url U --scenario F: sweep a server someone started (no integrity check at the end).
	const external = option('--url');
	const scenarioFile = option('--scenario') ?? path.join(dataDir, 'scenario.json');
	const scenario = external
		? JSON.parse(fs.readFileSync(scenarioFile, 'utf8'))
		: loadScenario(env, scenarioFile);
	const base = external ?? `http://127.0.0.1:${port}`;
	const app = external
		? undefined
		: await startApp({
				port,
				env: { ...env, ORIGIN: base, API_RATE_LIMIT: '1000000', JOBS_ENABLED: 'false' }
			});
	const cookies: Record<Persona, string | undefined> = {
		anonymous: undefined,
		member: `sp_session=${scenario.member.sessionToken}`,
		admin: `sp_session=${scenario.admin.sessionToken}`
	};

	process.stdout.write(
		`scenario en server klaar na ${Math.round((Date.now() - started) / 1000)} s\n`
	);
	const byStatus = new Map<number, number>();
	const byKind = new Map<string, Map<number, number>>();
	const failures: Failure[] = [];
	let tried = 0;
	let slowest = 0;
	const record = (request: SweepRequest, outcome: Outcome, at: string) => {
		tried++;
		byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
		const kind = `${request.url.startsWith('/api/') ? 'API' : request.method === 'GET' ? 'pagina' : 'formulier'} als ${request.persona}`;
		const counts = byKind.get(kind) ?? new Map<number, number>();
		counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1);
		byKind.set(kind, counts);
		slowest = Math.max(slowest, outcome.ms);
		if (outcome.ms > 5_000)
			process.stdout.write(
				`TRAAG ${outcome.ms} ms, ${outcome.status}: ${describe(request).slice(0, 400)}\n`
			);
		if (!acceptable(outcome)) {
			failures.push({ request, outcome: { ...outcome, text: '' }, path: at });
			process.stdout.write(
				`FOUT ${outcome.status}${outcome.leak ? ` (${outcome.leak})` : ''}: ${describe(request)}\n    antwoord: ${outcome.excerpt?.replace(/\s+/g, ' ').slice(0, 300)}\n    opnieuw: npm run test:sweep -- --seed ${seed} --path ${at}\n`
			);
		}
	};

	// The forms: every page of the route tree, as the persona that reaches it.
	const forms = new Map<string, Form>();
	const pages = routeTree(path.join(root, 'src/routes')).filter((r) => r.kind === 'page');
	for (const route of pages) {
		let url: string;
		try {
			url = urlOf(route.id);
		} catch {
			continue;
		}
		const personas: Persona[] = route.id.startsWith('/beheer/(app)')
			? ['member', 'admin']
			: route.id.startsWith('/beheer/(pending)')
				? []
				: ['anonymous'];
		for (const persona of personas) {
			const request: SweepRequest = {
				persona,
				method: 'GET',
				url,
				headers: { accept: 'text/html' },
				summary: 'pagina lezen'
			};
			const outcome = await send(base, request, cookies[persona]);
			record(request, outcome, 'ontdekking');
			if (outcome.status !== 200) continue;
			for (const form of parseForms(outcome.text, url, persona)) {
				if (skipped.test(form.action)) continue;
				const key = `${persona} ${form.action} ${form.fields.map((f) => f.name).join(',')}`;
				if (!forms.has(key)) forms.set(key, form);
			}
		}
	}
	const openapi = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApi;
	const api = apiTargets(openapi, scenario);
	// Each form with the service's zod schema it posts to, where one matches its fields.
	const unloadable: string[] = [];
	const schemas = await inputSchemas(unloadable);
	for (const form of forms.values())
		form.schema = schemaOf(
			form.fields.filter((f) => f.type !== 'submit').map((f) => f.name),
			schemas
		);
	const withSchema = [...forms.values()].filter((f) => f.schema);
	const formTargets = [...forms.values()].map((f) => formTarget(f, base));
	process.stdout.write(
		`${api.length} API-operaties, ${formTargets.length} formulieren (${[...new Set([...forms.values()].map((f) => f.persona))].join(', ')}), waarvan ${withSchema.length} met het zod-schema van hun service (${new Set(withSchema.map((f) => f.schema!.name)).size} van ${schemas.length} schema's); seed ${seed}\n`
	);
	if (process.argv.includes('--forms') || full) {
		if (unloadable.length)
			process.stdout.write(`  niet geladen buiten SvelteKit: ${unloadable.join(', ')}\n`);
		for (const form of forms.values())
			process.stdout.write(
				`  ${form.persona} ${form.action} [${form.fields.map((f) => f.name).join(', ')}] → ${form.schema?.name ?? 'geen schema (velden uit de HTML)'}\n`
			);
	}
	const pick = (targets: { arbitrary: fc.Arbitrary<SweepRequest> }[]) =>
		fc.integer({ min: 0, max: targets.length - 1 }).chain((i) => targets[i].arbitrary);
	const arbitrary = fc.oneof(pick(api), pick(formTargets));

	let run = 0;
	const discovered = tried;
	const sweepStarted = Date.now();
	const property = fc.asyncProperty(arbitrary, async (request) => {
		const at = replayPath ?? String(run++);
		const outcome = await send(base, request, cookies[request.persona]);
		record(request, outcome, at);
		return replayPath ? acceptable(outcome) : true;
	});
	const numRuns = Math.max(1, requested - tried);
	const result = await fc.check(
		property,
		replayPath ? { seed, path: replayPath, numRuns: 1 } : { seed, numRuns }
	);
	if (result.failed) process.stdout.write(`${fc.defaultReportMessage(result)}\n`);
	check(replayPath || !result.failed, 'the sweep itself broke off (above)');

	// The sweep kept its sessions: the destructive actions were left alone.
	for (const persona of ['member', 'admin'] as const) {
		const res = await fetch(`${base}/beheer`, {
			headers: { cookie: cookies[persona]! },
			redirect: 'manual'
		});
		check(res.status === 200, `the ${persona}'s session did not survive the sweep (${res.status})`);
	}
	const seconds = (Date.now() - sweepStarted) / 1000;
	const exit = await app?.kill('SIGTERM');
	check(
		!app || exit === 0,
		`the server did not stop cleanly (${exit}): ${app?.output().slice(-1500)}`
	);

	process.stdout.write(
		`${tried} verzoeken, waarvan ${discovered} om te ontdekken, ${tried - discovered} gegenereerd in ${Math.round(seconds)} s (${Math.round((tried - discovered) / seconds)}/s); per status: ${statuses(byStatus)}; traagste ${slowest} ms\n`
	);
	for (const [kind, counts] of [...byKind.entries()].sort())
		process.stdout.write(`  ${kind}: ${statuses(counts)}\n`);
	const integrity = app ? npmRun('db:check', [], env) : { status: 0, stdout: '', stderr: '' };
	process.stdout.write(integrity.stdout);
	check(
		integrity.status === 0,
		`the integrity check failed after the sweep: ${integrity.stdout}${integrity.stderr}`
	);
	check(failures.length === 0, `${failures.length} answers with a server error or a leak (above)`);
	const errors = (app?.output() ?? '').split('\n').filter((l) => /"level":(50|60)/.test(l));
	if (errors.length)
		process.stdout.write(
			`server logged ${errors.length} errors, e.g. ${errors[0].slice(0, 400)}\n`
		);
});
