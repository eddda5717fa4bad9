/**
 * deploy/nginx/streekplatform.conf on loopback, for the deployment test and the load benchmark:
 * rendered for given ports with a self-signed certificate, run by Debian's nginx in the
 * foreground with its own prefix, and an HTTPS client that accepts that certificate.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { DomUtils, parseDocument } from 'htmlparser2';
import { Agent, request } from 'undici';
import { check, onCleanup, root, waitFor } from './harness';

export type NginxPorts = { https: number; http: number; upstreams: number[] };

/** A certificate for localhost and 127.0.0.1, valid for a day (openssl req). */
export function selfSignedCertificate(dir: string) {
	fs.mkdirSync(dir, { recursive: true });
	const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'];
	args.push('-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
	args.push('-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`);
	const result = spawnSync('openssl', args, { encoding: 'utf8' });
	check(result.status === 0, `openssl req failed: ${result.stderr}`);
	return dir;
}

/** deploy/nginx/streekplatform.conf for loopback: the given ports, certificate and localhost. */
export function renderNginx(ports: NginxPorts, certDir: string): string {
	let conf = fs.readFileSync(path.join(root, 'deploy/nginx/streekplatform.conf'), 'utf8');
	const replace = (pattern: RegExp, by: string | ((m: string) => string)) => {
		check(pattern.test(conf), `deploy/nginx/streekplatform.conf: ${pattern} not found`);
		conf = conf.replace(pattern, by as string);
	};
	replace(/^([\t ]*)server 127\.0\.0\.1:\d+(.*)\n([\t ]*server 127\.0\.0\.1:\d+.*\n)*/m, (m) => {
		const [, indent, rest] = /^([\t ]*)server 127\.0\.0\.1:\d+(.*)$/m.exec(m)!;
		return ports.upstreams.map((p) => `${indent}server 127.0.0.1:${p}${rest}\n`).join('');
	});
	replace(/^[\t ]*listen \[::\]:.*\n/gm, '');
	replace(/listen 80;/, `listen 127.0.0.1:${ports.http};`);
	replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${ports.https} ssl http2;`);
	replace(/ssl_certificate \S+;/, `ssl_certificate ${certDir}/cert.pem;`);
	replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${certDir}/key.pem;`);
	replace(/server_name \S+;/g, 'server_name localhost;');
	return conf;
}

export function nginxBinary(): string {
	const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
	check(found, 'nginx not found: apt-get install nginx');
	return found;
}

/** The command-line arguments that point nginx at `dir` (its prefix, conf and error log). */
export const nginxArgs = (dir: string) => [
	'-p',
	dir,
	'-c',
	`${dir}/nginx.conf`,
	'-e',
	`${dir}/logs/error.log`
];

/**
 * Debian's nginx in the foreground with its own prefix, pid, logs and temp folders in `dir`,
 * serving `siteConf` (a rendered deploy/nginx/streekplatform.conf). Responses carry a test-only
 * `X-Upstream` header naming the instance that answered. Stopped at cleanup.
 */
export async function startNginx(
	dir: string,
	siteConf: string,
	options: { httpsPort: number; workers?: number }
) {
	for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs'])
		fs.mkdirSync(path.join(dir, sub), { recursive: true });
	fs.writeFileSync(path.join(dir, 'streekplatform.conf'), siteConf);
	const user = process.getuid?.() === 0 ? 'user root root;' : '';
	fs.writeFileSync(
		path.join(dir, 'nginx.conf'),
		`${user}
worker_processes ${options.workers ?? 1};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	# Test only: which instance answered (inherited by the site's server blocks).
	add_header X-Upstream $upstream_addr always;
	include ${dir}/streekplatform.conf;
}
`
	);
	const child: ChildProcess = spawn(nginxBinary(), nginxArgs(dir), {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
	};
	onCleanup(stop);
	await waitFor('nginx on its https port', async () => {
		if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
		return await new Promise<boolean>((resolve) => {
			const socket = tls.connect({
				host: '127.0.0.1',
				port: options.httpsPort,
				rejectUnauthorized: false
			});
			socket.once('secureConnect', () => (socket.end(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
	});
	return {
		pids: () => [child.pid!],
		reload: () => child.kill('SIGHUP'),
		stop,
		output: () => output
	};
}

// ---------------------------------------------------------------- an HTTPS client for the checks

const insecure = new Agent({ connect: { rejectUnauthorized: false } });

export type Reply = { status: number; headers: Record<string, string | string[]>; text: string };

/**
 * One request (no redirects followed, no decompression: `text` is empty when the body is
 * encoded). `form` posts like a browser without JavaScript, from `origin`.
 */
export async function call(
	url: string,
	options: {
		method?: 'GET' | 'POST';
		headers?: Record<string, string>;
		form?: URLSearchParams;
		origin?: string;
	} = {}
): Promise<Reply> {
	const r = await request(url, {
		method: options.method ?? 'GET',
		headers: {
			...options.headers,
			...(options.form
				? {
						'content-type': 'application/x-www-form-urlencoded',
						origin: options.origin ?? new URL(url).origin,
						// What a browser sends without JavaScript: SvelteKit answers a form post with a redirect.
						accept: 'text/html'
					}
				: {})
		},
		body: options.form?.toString(),
		dispatcher: insecure
	});
	const raw = Buffer.from(await r.body.arrayBuffer());
	return {
		status: r.statusCode,
		headers: r.headers as Record<string, string | string[]>,
		text: r.headers['content-encoding'] ? '' : raw.toString('utf8')
	};
}

export const header = (r: Reply, name: string) => {
	const v = r.headers[name];
	return Array.isArray(v) ? v.join(', ') : (v ?? '');
};

/** The instance that answered through the test nginx (`127.0.0.1:PORT`). */
export const upstream = (r: Reply) => header(r, 'x-upstream');

export function sessionCookie(r: Reply): string | undefined {
	const cookies = r.headers['set-cookie'];
	const line = (Array.isArray(cookies) ? cookies : cookies ? [cookies] : []).find((c) =>
		c.startsWith('sp_session=')
	);
	return line?.split(';')[0];
}

/** The fields a browser would send for the form posting to `action` in `html`. */
export function formFields(html: string, action: string): URLSearchParams {
	const doc = parseDocument(html);
	const form = DomUtils.findOne(
		(e) => e.name === 'form' && e.attribs.action === action,
		doc.children
	);
	check(form, `no form with action ${action}`);
	const fields = new URLSearchParams();
	for (const e of DomUtils.findAll(
		(el) => ['input', 'select', 'textarea'].includes(el.name),
		form.children
	)) {
		const name = e.attribs.name;
		if (!name || 'disabled' in e.attribs) continue;
		if (e.name === 'textarea') fields.append(name, DomUtils.textContent(e));
		else if (e.name === 'select') {
			const options = DomUtils.findAll((o) => o.name === 'option', e.children);
			const chosen = options.filter((o) => 'selected' in o.attribs);
			const values = chosen.length || 'multiple' in e.attribs ? chosen : options.slice(0, 1);
			for (const o of values) fields.append(name, o.attribs.value ?? DomUtils.textContent(o));
		} else {
			const type = (e.attribs.type ?? 'text').toLowerCase();
			if (['submit', 'button', 'image', 'file', 'reset'].includes(type)) continue;
			if ((type === 'checkbox' || type === 'radio') && !('checked' in e.attribs)) continue;
			fields.append(name, e.attribs.value ?? (type === 'checkbox' ? 'on' : ''));
		}
	}
	return fields;
}
