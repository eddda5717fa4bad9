/**
 * The deployment test: docs/deploy.md followed on loopback. A throwaway PostgreSQL 15, the guide's
 * `sh deploy-test` blocks run as written (bash -euo pipefail, with its variables set), the env file
 * made from deploy/env.example, two instances started together on the empty database through the
 * systemd unit's settings, and Debian's nginx with deploy/nginx/streekplatform.conf rendered for
 * the two ports and a self-signed certificate. Then: migrations recorded once, a login through
 * nginx (form + TOTP step) valid on the other instance, an edit posted through one instance fresh
 * at once on the other's cached public page, gzip, the immutable cache header, /metrics 404, the
 * http → https redirect, HTTP/2; the guide's upgrade block; graceful stops.
 *
 * `systemctl`, `nginx` and `npm` are stand-ins on the blocks' PATH (no systemd here; the
 * checkout's node_modules and build are used, so `npm ci` and `npm run build` are left out).
 *
 *   npm run build && npx tsx tests/ops/deploy.ts      (as root: PostgreSQL, nginx, openssl)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import tls from 'node:tls';
import { Secret, TOTP } from 'otpauth';
import {
	check,
	loadScenario,
	onCleanup,
	root,
	script,
	sleep,
	startApp,
	startPostgres,
	tempDir,
	waitFor,
	type App
} from './harness';
import {
	call,
	formFields,
	header,
	nginxArgs,
	nginxBinary,
	renderNginx,
	selfSignedCertificate,
	sessionCookie,
	startNginx,
	upstream
} from './nginx';

const PG_PORT = 54411;
const PORTS = [3411, 3412];
const HTTPS_PORT = 8441;
const HTTP_PORT = 8440;
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const DB_PASSWORD = 'deploy-test-password';
const BODY = 'themawerkgroep-wonen';

/** The guide's runnable blocks, in order. */
function guideBlocks(): string[] {
	const text = fs.readFileSync(path.join(root, 'docs/deploy.md'), 'utf8');
	return [...text.matchAll(/^```sh deploy-test\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

/** The guide's blocks in their order, each recognised by a command it must contain. */
const BLOCKS = {
	database: 'create database',
	build: 'npm run build',
	start: 'enable --now',
	nginx: 'nginx -t',
	upgrade: 'db:migrate',
	backup: 'npm run backup'
};

function namedBlocks(): Record<keyof typeof BLOCKS, string> {
	const blocks = guideBlocks();
	const names = Object.keys(BLOCKS) as (keyof typeof BLOCKS)[];
	check(
		blocks.length === names.length,
		`docs/deploy.md: ${names.length} deploy-test blocks expected (${names.join(', ')}), found ${blocks.length}`
	);
	names.forEach((name, i) =>
		check(
			blocks[i].includes(BLOCKS[name]),
			`docs/deploy.md: block ${i + 1} (${name}) lacks "${BLOCKS[name]}"`
		)
	);
	return Object.fromEntries(names.map((name, i) => [name, blocks[i]])) as Record<
		keyof typeof BLOCKS,
		string
	>;
}

/** KEY=VALUE lines of an env file (systemd's EnvironmentFile: quotes removed). */
function parseEnvFile(text: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
		if (m) env[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
	}
	return env;
}

/** deploy/env.example with the test's database, address and folder. */
function renderEnvFile(dataDir: string, backupDir: string): string {
	const example = fs.readFileSync(path.join(root, 'deploy/env.example'), 'utf8');
	const values = parseEnvFile(example);
	check(!('PORT' in values), 'deploy/env.example must not set PORT (the unit sets it)');
	const overrides: Record<string, string | null> = {
		ORIGIN,
		DATABASE_URL: `postgres://streekplatform:${DB_PASSWORD}@127.0.0.1:${PG_PORT}/streekplatform`,
		DATA_DIR: dataDir,
		BACKUP_DIR: backupDir,
		SMTP_URL: null, // mails go to DATA_DIR/outbox
		LOG_LEVEL: 'warn'
	};
	for (const key of Object.keys(overrides))
		check(key in values, `deploy/env.example has no ${key}= line`);
	return example
		.split('\n')
		.flatMap((line) => {
			const key = /^([A-Z_][A-Z0-9_]*)=/.exec(line)?.[1];
			if (!key || !(key in overrides)) return [line];
			const value = overrides[key];
			return value === null ? [] : [`${key}=${value}`];
		})
		.join('\n');
}

/** The unit's Environment= settings with %i filled in. */
function unitEnvironment(port: number): Record<string, string> {
	const unit = fs.readFileSync(path.join(root, 'deploy/systemd/streekplatform@.service'), 'utf8');
	check(
		/^EnvironmentFile=\/etc\/streekplatform\/env$/m.test(unit),
		'the unit reads /etc/streekplatform/env'
	);
	const env: Record<string, string> = {};
	for (const [, line] of unit.matchAll(/^Environment=(.*)$/gm))
		for (const pair of line.split(/\s+/)) {
			const [key, ...value] = pair.split('=');
			env[key] = value.join('=').replaceAll('%i', String(port));
		}
	check(env.PORT === String(port), 'the unit sets PORT from its instance name');
	return env;
}

/** Instances started by the systemctl stand-in, by port. */
const instances = new Map<number, Promise<App>>();
const exitCodes: number[] = [];

/** The systemctl stand-in's other half: starts, restarts and stops instances; reloads nginx. */
function controlServer(envFile: string, reloadNginx: () => void) {
	const envFor = (port: number) => ({
		...unitEnvironment(port),
		// systemd: EnvironmentFile= wins over Environment=.
		...parseEnvFile(fs.readFileSync(envFile, 'utf8'))
	});
	const units = (args: string[]) =>
		args
			.filter((a) => !a.startsWith('-'))
			.map((unit) => {
				const port = Number(/^streekplatform@(\d+)(\.service)?$/.exec(unit)?.[1]);
				check(PORTS.includes(port), `systemctl stand-in: unknown unit ${unit}`);
				return port;
			});
	const act = async (argv: string[]) => {
		const [command, ...args] = argv;
		if (command === 'daemon-reload') return;
		if (command === 'reload' && args[0] === 'nginx') return reloadNginx();
		if (command === 'enable' || command === 'start') {
			if (command === 'enable' && !args.includes('--now')) return;
			for (const port of units(args)) {
				if (instances.has(port)) continue;
				const started = startApp({ port, env: envFor(port), cwd: root });
				started.catch(() => {}); // awaited by the test
				instances.set(port, started);
			}
			return;
		}
		if (command === 'restart' || command === 'stop') {
			for (const port of units(args)) {
				const app = await instances.get(port);
				check(app, `systemctl ${command}: instance ${port} is not running`);
				exitCodes.push((await app.kill('SIGTERM')) ?? -1);
				if (command === 'stop') instances.delete(port);
				else {
					// restart() reuses the first start's settings; the env file is read again by a real
					// systemd, and the test does not change it.
					const again = app.restart().then(() => app);
					again.catch(() => {});
					instances.set(port, again);
				}
			}
			return;
		}
		throw new Error(`systemctl stand-in: ${argv.join(' ')} is not known`);
	};
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			act(body.trim().split(/\s+/)).then(
				() => res.end('ok\n'),
				(e: Error) => {
					res.statusCode = 500;
					res.end(`${e.message}\n`);
				}
			);
		});
	});
	onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return new Promise<string>((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address() as { port: number };
			resolve(`http://127.0.0.1:${address.port}/`);
		})
	);
}

/** Executables that stand in for systemctl, nginx and npm on the blocks' PATH. */
function standIns(dir: string, args: string[]) {
	const npm = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
	const write = (name: string, text: string) =>
		fs.writeFileSync(path.join(dir, name), `#!/usr/bin/env bash\nset -euo pipefail\n${text}`, {
			mode: 0o755
		});
	write('systemctl', 'exec curl -fsS --max-time 200 --data-binary "$*" "$STREEK_SYSTEMCTL"\n');
	write('nginx', `exec ${nginxBinary()} ${args.join(' ')} "$@"\n`);
	write(
		'npm',
		`case "$1 \${2:-}" in
	"ci "*|"install "*|"prune "*) echo "deploy test: npm $1 left out (the checkout's node_modules is used)"; exit 0;;
	"run build") echo "deploy test: npm run build left out (the checkout's build is used)"; exit 0;;
esac
exec ${npm} "$@"
`
	);
}

async function runBlock(name: string, block: string, env: Record<string, string>) {
	const child = spawn('bash', ['-euo', 'pipefail', '-c', block], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const code = await new Promise((resolve) => child.once('exit', resolve));
	if (code !== 0) throw new Error(`docs/deploy.md block "${name}" failed (${code}):\n${output}`);
	process.stdout.write(`ok   docs/deploy.md block: ${name}\n`);
	return output;
}

script('deploy', 240, async () => {
	const dir = tempDir('deploy');
	const pg = await startPostgres(PG_PORT);
	const blocks = namedBlocks();

	// Files the guide installs, at the test's places.
	const envFile = path.join(dir, 'env');
	const dataDir = path.join(dir, 'data');
	fs.writeFileSync(envFile, renderEnvFile(dataDir, path.join(dir, 'nightly-backups')));
	const certDir = selfSignedCertificate(path.join(dir, 'tls'));

	const nginx: { current?: Awaited<ReturnType<typeof startNginx>> } = {};
	const systemctlUrl = await controlServer(envFile, () => nginx.current?.reload());
	const nginxDir = path.join(dir, 'nginx');
	const bin = path.join(dir, 'bin');
	fs.mkdirSync(bin);
	standIns(bin, nginxArgs(nginxDir));
	const env = {
		PATH: `${bin}:${process.env.PATH}:${pg.bin}`,
		APP_DIR: root,
		ENV_FILE: envFile,
		PORTS: PORTS.join(' '),
		DB_PASSWORD,
		PGHOST: '127.0.0.1',
		PGPORT: String(PG_PORT),
		PGUSER: 'app',
		PGDATABASE: 'postgres',
		STREEK_SYSTEMCTL: systemctlUrl,
		BACKUP_DIR: path.join(dir, 'backups'),
		RESTORE_TEST_URL: `postgres://streekplatform:${DB_PASSWORD}@127.0.0.1:${PG_PORT}/streekplatform_restore_test`
	};
	fs.mkdirSync(env.BACKUP_DIR);

	// PostgreSQL: role, database, pg_trgm, and nothing else in it.
	await runBlock('database', blocks.database, env);
	const tables = pg.psql(
		"select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
		'streekplatform'
	);
	check(tables === '0', `the new database has ${tables} tables`);
	await runBlock('build', blocks.build, env);

	// Two instances started together on the empty database.
	await runBlock('start the instances', blocks.start, env);
	const apps = await Promise.all(PORTS.map((p) => instances.get(p)!));
	const files = fs.readdirSync(path.join(root, 'drizzle')).filter((f) => f.endsWith('.sql'));
	const expected = files
		.map((f) =>
			createHash('sha256')
				.update(fs.readFileSync(path.join(root, 'drizzle', f), 'utf8'))
				.digest('hex')
		)
		.sort();
	const migrationHashes = () =>
		pg.psql('select hash from drizzle.__drizzle_migrations order by hash', 'streekplatform');
	check(
		migrationHashes() === expected.join('\n'),
		`migrations not recorded exactly once each: ${migrationHashes().split('\n').length} rows for ${files.length} files`
	);
	process.stdout.write(`ok   ${files.length} migrations recorded once each\n`);
	for (const app of apps) {
		const page = await call(`${app.url}/regio/halle-vilvoorde`);
		check(page.status === 200 && page.text.includes('Pajottegem'), `${app.url}: region page`);
	}

	// Test users (a second process on PostgreSQL, as the CLI in production; not on an embedded store).
	const { admin } = loadScenario<{
		admin: { email: string; password: string; totpSecret: string };
	}>(parseEnvFile(fs.readFileSync(envFile, 'utf8')), path.join(dir, 'scenario.json'));

	// nginx with the guide's configuration; the guide's check and reload.
	nginx.current = await startNginx(
		nginxDir,
		renderNginx({ https: HTTPS_PORT, http: HTTP_PORT, upstreams: PORTS }, certDir),
		{ httpsPort: HTTPS_PORT }
	);
	await runBlock('nginx -t and reload', blocks.nginx, env);
	await sleep(500);
	const site = `https://localhost:${HTTPS_PORT}`;

	const redirect = await call(`http://127.0.0.1:${HTTP_PORT}/organen/${BODY}?x=1`);
	check(
		redirect.status === 301 &&
			/^https:\/\/[^/]+\/organen\/themawerkgroep-wonen\?x=1$/.test(header(redirect, 'location')),
		`http → https redirect: ${redirect.status} ${header(redirect, 'location')}`
	);
	const h2 = await new Promise<string>((resolve, reject) => {
		const s = tls.connect({
			host: '127.0.0.1',
			port: HTTPS_PORT,
			servername: 'localhost',
			ALPNProtocols: ['h2', 'http/1.1'],
			rejectUnauthorized: false
		});
		s.once('secureConnect', () => (resolve(`${s.alpnProtocol} ${s.getProtocol()}`), s.end()));
		s.once('error', reject);
	});
	check(/^h2 TLSv1\.[23]$/.test(h2), `HTTP/2 over TLS 1.2+ expected, got ${h2}`);
	const metrics = await call(`${site}/metrics`);
	check(metrics.status === 404, `/metrics through nginx: ${metrics.status}`);

	const home = await call(`${site}/`, { headers: { 'accept-encoding': 'identity' } });
	check(home.status === 200, `home through nginx: ${home.status}`);
	// Public pages need no JavaScript (csr = false): their stylesheet is a build asset.
	const asset = /\/_app\/immutable\/[^"'\s)]+\.css/.exec(home.text)?.[0];
	check(asset, 'no /_app/immutable/ stylesheet on the home page');
	const css = await call(`${site}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
	check(css.status === 200, `${asset}: ${css.status} ${upstream(css)}`);
	check(
		header(css, 'cache-control') === 'public, max-age=31536000, immutable',
		`${asset}: cache-control ${header(css, 'cache-control')}`
	);
	check(header(css, 'content-encoding') === 'gzip', `${asset}: not gzipped`);
	process.stdout.write('ok   redirect, HTTP/2, /metrics 404, immutable cache header, gzip\n');

	// A real login through nginx: the form, then the TOTP step.
	const login = await call(`${site}/beheer/inloggen`, {
		method: 'POST',
		form: new URLSearchParams({ email: admin.email, password: admin.password })
	});
	check(login.status === 303, `login: ${login.status} ${login.text.slice(0, 300)}`);
	check(header(login, 'location').includes('/beheer/tweede-factor'), 'login: no TOTP step');
	const firstCookie = sessionCookie(login);
	check(firstCookie, 'login: no session cookie');
	const code = new TOTP({ secret: Secret.fromBase32(admin.totpSecret) }).generate();
	const second = await call(`${site}${header(login, 'location')}`, {
		method: 'POST',
		headers: { cookie: firstCookie },
		form: new URLSearchParams({ code })
	});
	check(second.status === 303, `TOTP step: ${second.status} ${second.text.slice(0, 300)}`);
	const cookie = sessionCookie(second) ?? firstCookie;
	const loggedInAt = upstream(second);
	check(
		PORTS.some((p) => loggedInAt.endsWith(`:${p}`)),
		`X-Upstream: ${loggedInAt}`
	);

	/** A workspace page through nginx, until the instance other than `not` answers it. */
	const onOther = async (pathname: string, not: string) => {
		for (let i = 0; i < 6; i++) {
			const r = await call(`${site}${pathname}`, {
				headers: { cookie: cookie!, 'accept-encoding': 'identity' }
			});
			if (upstream(r) !== not) return r;
		}
		throw new Error(`nginx never sent ${pathname} to the instance other than ${not}`);
	};
	const workspace = await onOther('/beheer', loggedInAt);
	check(workspace.status === 200, `logged in on the other instance: ${workspace.status}`);
	check(
		workspace.text.includes('/beheer/uitloggen'),
		'the other instance does not know the session'
	);
	process.stdout.write(
		`ok   logged in via ${loggedInAt}, still logged in on ${upstream(workspace)}\n`
	);

	// Public page cached on both instances, then an edit posted through one of them.
	const publicPath = `/organen/${BODY}`;
	for (const app of apps) {
		await call(`${app.url}${publicPath}`);
		const again = await call(`${app.url}${publicPath}`);
		check(/hit/i.test(header(again, 'x-cache')), `${app.url}${publicPath} not cached`);
	}
	const editPage = await call(`${site}/beheer/organen/${BODY}`, {
		headers: { cookie, 'accept-encoding': 'identity' }
	});
	check(editPage.status === 200, `body workspace page: ${editPage.status}`);
	const fields = formFields(editPage.text, '?/updateBody');
	const newName = `Themawerkgroep Wonen (deploytest ${Date.now()})`;
	check(fields.has('nameNl'), 'the body form has no nameNl');
	fields.set('nameNl', newName);
	const saved = await call(`${site}/beheer/organen/${BODY}?/updateBody`, {
		method: 'POST',
		headers: { cookie },
		form: fields
	});
	check(
		saved.status === 303 && header(saved, 'location').includes('bewaard'),
		`body edit: ${saved.status} ${header(saved, 'location')} ${saved.text.slice(0, 300)}`
	);
	const editedAt = upstream(saved);
	// The other instance first: the change reached it through PostgreSQL NOTIFY.
	const byOtherFirst = [
		...apps.filter((a) => !editedAt.endsWith(`:${a.port}`)),
		...apps.filter((a) => editedAt.endsWith(`:${a.port}`))
	];
	for (const app of byOtherFirst) {
		await waitFor(
			`the new name on ${app.url}${publicPath}`,
			async () => (await call(`${app.url}${publicPath}`)).text.includes(newName),
			2000
		);
	}
	process.stdout.write(
		`ok   edit posted via ${editedAt} is fresh on both instances' cached page\n`
	);

	// The guide's upgrade: migrate once, restart one by one; sessions and data stay.
	await runBlock('upgrade', blocks.upgrade, env);
	await Promise.all(PORTS.map((p) => instances.get(p)!));
	check(migrationHashes() === expected.join('\n'), 'the upgrade changed the migrations table');
	check(
		exitCodes.every((c) => c === 0),
		`instances stopped with codes ${exitCodes.join(', ')}`
	);
	const seen = new Set<string>();
	for (let i = 0; i < 4; i++) {
		const r = await call(`${site}/beheer`, { headers: { cookie, 'accept-encoding': 'identity' } });
		check(
			r.status === 200 && r.text.includes('/beheer/uitloggen'),
			`after the upgrade: ${r.status}`
		);
		seen.add(upstream(r));
	}
	check(seen.size === 2, `after the upgrade only ${[...seen].join()} answered`);
	const after = await call(`${site}${publicPath}`, { headers: { 'accept-encoding': 'identity' } });
	check(after.text.includes(newName), 'the edit is gone after the upgrade');
	process.stdout.write('ok   upgrade: migrated once, restarted one by one, still logged in\n');

	// The guide's backup while both instances serve, restored into a scratch database and checked.
	const restored = await runBlock('backup and a trial restore', blocks.backup, env);
	const [backupFile] = fs.readdirSync(env.BACKUP_DIR);
	check(backupFile?.endsWith('.ndjson.gz'), `no backup written (${backupFile})`);
	const mode = fs.statSync(path.join(env.BACKUP_DIR, backupFile)).mode & 0o777;
	check(mode === 0o600, `the backup is readable by others (${mode.toString(8)})`);
	check(/hersteld en gecontroleerd/.test(restored), `the restore did not confirm: ${restored}`);
	check(/geen problemen/.test(restored), `the integrity check of the restore: ${restored}`);
	check(
		pg.psql("select count(*) from pg_database where datname = 'streekplatform_restore_test'") ===
			'0',
		'the scratch database was not dropped'
	);
	process.stdout.write('ok   backup while serving, restored and checked in a scratch database\n');

	for (const app of apps) {
		const codeAtStop = await app.kill('SIGTERM');
		check(codeAtStop === 0, `instance ${app.port} stopped with ${codeAtStop}`);
	}
});
