/**
 * Load through nginx: deploy/nginx/streekplatform.conf (Debian's nginx, self-signed TLS) in front
 * of two instances on a throwaway PostgreSQL 15, then the same with one instance. A mixed
 * workload from many clients: public pages (home, a body, a municipality, the monitor, news),
 * search, API reads (with a token) and workspace edits (a body's form posted again, unchanged, by
 * three personas with their sessions). Prints p50/p95/p99 latency, requests/s, errors and each
 * instance's peak memory; any 4xx/5xx or socket error fails the run. It asserts no time.
 *
 *   npm run build && npm run bench:load                        200 clients, 60 s per setup
 *   npm run bench:load -- --clients 50 --seconds 10 --instances 2
 *
 * As root (or a user that may run PostgreSQL's initdb and nginx): PostgreSQL 15, nginx, openssl.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import {
	check,
	loadScenario,
	root,
	script,
	startApp,
	startPostgres,
	tempDir,
	type App
} from '../tests/ops/harness';
import {
	call,
	formFields,
	renderNginx,
	selfSignedCertificate,
	startNginx
} from '../tests/ops/nginx';
import { machineLine, out, positiveInt, usageError } from './support';

const USAGE =
	'usage: npm run bench:load -- [--clients N] [--seconds N] [--instances 2|1|2,1] (default 200, 60, 2,1)';
const options = { clients: 200, seconds: 60, setups: [2, 1] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	if (argv[i] === '--clients' || argv[i] === '--seconds')
		options[argv[i].slice(2) as 'clients' | 'seconds'] = positiveInt(argv[i], argv[++i], USAGE);
	else if (argv[i] === '--instances' && /^[12](,[12])*$/.test(argv[i + 1] ?? ''))
		options.setups = argv[++i].split(',').map(Number);
	else usageError(USAGE, argv[i] === '--help' ? undefined : `unknown argument ${argv[i]}`);
}

const PG_PORT = 54411;
const HTTPS_PORT = 8441;
const HTTP_PORT = 8440;
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const SETUP_PORTS: Record<number, number[]> = { 2: [3411, 3412], 1: [3413] };
/** Who edits what: a body each, posted again with its current values (safe to repeat). */
const EDITORS = [
	{ persona: 'admin', body: 'themawerkgroep-wonen' },
	{ persona: 'adminB', body: 'taskforce-spitsregio-leuven' },
	{ persona: 'staff', body: 'themawerkgroep-mobiliteit' }
];

type Scenario = Record<string, { sessionToken: string }> & { apiToken: string };
type Request = autocannon.Request;

/** Edits answered with anything but the redirect to the saved form (e.g. to the login page). */
let failedEdits = 0;

/** The mix each client cycles through, built from links on the running site. */
async function workload(site: string, scenario: Scenario): Promise<Request[]> {
	const region = await call(`${site}/regio/halle-vilvoorde`);
	const municipality = /href="(\/gemeenten\/[^"?#]+)"/.exec(region.text)?.[1];
	check(municipality, 'no municipality link on /regio/halle-vilvoorde');
	const news = await call(`${site}/nieuws`);
	const item = /href="(\/nieuws\/[^"?#]+)"/.exec(news.text)?.[1];
	check(item, 'no news item linked from /nieuws');
	const api = { authorization: `Bearer ${scenario.apiToken}` };
	const edits: Request[] = [];
	for (const { persona, body } of EDITORS) {
		const cookie = `sp_session=${scenario[persona].sessionToken}`;
		const page = await call(`${site}/beheer/organen/${body}`, { headers: { cookie } });
		check(page.status === 200, `${persona} cannot open /beheer/organen/${body}: ${page.status}`);
		edits.push({
			method: 'POST',
			path: `/beheer/organen/${body}?/updateBody`,
			headers: {
				cookie,
				origin: ORIGIN,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: formFields(page.text, '?/updateBody').toString(),
			onResponse: (status, _body, _context, headers) => {
				if (status !== 303 || !String(headers?.location ?? '').includes('bewaard')) failedEdits++;
			}
		});
	}
	const get = (p: string, headers?: Record<string, string>): Request => ({
		method: 'GET',
		path: p,
		headers
	});
	const reads = [
		get('/'),
		get('/organen/themawerkgroep-wonen'),
		get('/zoeken?q=wonen'),
		get('/api/v1/bodies', api),
		get(municipality),
		get('/monitor'),
		get('/nieuws'),
		get(item),
		get('/regio/halle-vilvoorde'),
		get('/zoeken?q=leuven'),
		get('/api/v1/organisations', api),
		get('/api/v1/news', api)
	];
	// Per client, three rounds of 12 reads (public pages, search, API) with an edit after the
	// fourth read of each round: a short run still exercises every kind.
	return edits.flatMap((edit) => [...reads.slice(0, 4), edit, ...reads.slice(4)]);
}

const percentile = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

async function run(site: string, requests: Request[], clients: number, seconds: number) {
	const times: number[] = [];
	failedEdits = 0;
	const statuses = new Map<number, number>();
	let socketErrors = 0;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{ url: site, connections: clients, duration: seconds, timeout: 30, requests },
			(e, r) => (e ? reject(e) : resolve(r))
		);
		instance.on('response', (_client, status, _bytes, ms) => {
			times.push(ms);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		});
		instance.on('reqError', () => socketErrors++);
	});
	times.sort((a, b) => a - b);
	const failed = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
	return {
		requests: times.length,
		rps: times.length / seconds,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		errors: failed + socketErrors + result.timeouts + failedEdits,
		statuses: [...statuses]
			.sort(([a], [b]) => a - b)
			.map(([s, c]) => `${s}: ${c}`)
			.join(', ')
	};
}

script('bench:load', 60 + options.setups.length * (options.seconds + 240), async () => {
	check(fs.existsSync(path.join(root, 'build/handler.js')), 'run npm run build first');
	const dir = tempDir('load');
	const pg = await startPostgres(PG_PORT);
	const databaseUrl = pg.createDatabase('streek_load');
	// Personas, sessions and an API token, loaded before any server starts on the database.
	const scenario = loadScenario<Scenario>(
		{ DATABASE_URL: databaseUrl },
		path.join(dir, 'scenario.json')
	);
	const certDir = selfSignedCertificate(path.join(dir, 'tls'));

	const rows: string[][] = [];
	let errors = 0;
	for (const count of options.setups) {
		const ports = SETUP_PORTS[count];
		const apps: App[] = await Promise.all(
			ports.map((port) =>
				startApp({
					port,
					cwd: root,
					env: {
						DATABASE_URL: databaseUrl,
						ORIGIN,
						ADDRESS_HEADER: 'X-Forwarded-For',
						XFF_DEPTH: '1',
						DATA_DIR: path.join(dir, 'data'),
						LOG_LEVEL: 'warn'
					}
				})
			)
		);
		const nginx = await startNginx(
			path.join(dir, `nginx-${count}`),
			renderNginx({ https: HTTPS_PORT, http: HTTP_PORT, upstreams: ports }, certDir),
			{ httpsPort: HTTPS_PORT, workers: 2 }
		);
		const site = `https://localhost:${HTTPS_PORT}`;
		const requests = await workload(site, scenario);
		process.stderr.write(
			`${count} instance(s): ${options.clients} clients, ${options.seconds} s, ${requests.length} requests a cycle\n`
		);
		const r = await run(site, requests, options.clients, options.seconds);
		const rss = apps.map((a) => `${Math.round(a.peakRssKb() / 1024)}`).join(' + ');
		errors += r.errors;
		rows.push([
			String(count),
			String(options.clients),
			String(r.requests),
			r.rps.toFixed(0),
			r.p50.toFixed(0),
			r.p95.toFixed(0),
			r.p99.toFixed(0),
			String(r.errors),
			rss
		]);
		process.stderr.write(`  status codes: ${r.statuses}\n`);
		await nginx.stop();
		for (const app of apps) await app.kill('SIGTERM');
	}

	out(`# Load through nginx (${new Date().toISOString()})`);
	out(machineLine());
	out(
		`${options.clients} clients for ${options.seconds} s per setup; mix per client: rounds of 12 public, search and API reads with a workspace edit after the 4th (3 personas)`
	);
	out();
	const head = [
		'instances',
		'clients',
		'requests',
		'req/s',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'errors',
		'peak RSS MB'
	];
	for (const row of [head, head.map((_, i) => (i === 0 ? '---' : '---:')), ...rows])
		out(`| ${row.join(' | ')} |`);
	check(errors === 0, `${errors} errors (4xx/5xx, socket errors or timeouts)`);
});
