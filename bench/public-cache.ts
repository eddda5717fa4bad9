/**
 * Throughput of a public page with the public-page cache, against a bare node:http server that
 * returns the same bytes and headers, measured in one run on the same machine (autocannon, both
 * servers in their own process). Also the same page rendered by SvelteKit on every request (the
 * cache bypassed), for scale. It prints figures; it asserts nothing.
 *
 *   npm run bench:cache                         10 s per measurement, 50 connections
 *   npm run bench:cache -- --seconds 20 --connections 100 --path /regio/halle-vilvoorde
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { machineLine, out, positiveInt, table, usageError } from './support';
import { freePort, HOST, startServer } from './server';

const USAGE = 'usage: npm run bench:cache -- [--seconds N] [--connections N] [--path /public/page]';
const options = { seconds: 10, connections: 50, path: '/organen/taskforce-spitsregio-leuven' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	if (argv[i] === '--seconds' || argv[i] === '--connections')
		options[argv[i].slice(2) as 'seconds'] = positiveInt(argv[i], argv[++i], USAGE);
	else if (argv[i] === '--path' && argv[i + 1]?.startsWith('/')) options.path = argv[++i];
	else usageError(USAGE, argv[i] === '--help' ? undefined : `unknown argument ${argv[i]}`);
}

type Figures = { name: string; rps: number; p50: number; p99: number; errors: number };

async function measure(name: string, url: string, headers: Record<string, string> = {}) {
	// A short warm-up (JIT, first render), then the measurement.
	await autocannon({ url, connections: 10, duration: 2, headers });
	const r = await autocannon({
		url,
		connections: options.connections,
		duration: options.seconds,
		headers
	});
	return {
		name,
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts + r.non2xx
	} satisfies Figures;
}

/** The bare server: its own process, answering every request with the given bytes. */
async function startBare(body: Buffer, headers: Record<string, string>) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bare-'));
	fs.writeFileSync(path.join(dir, 'body'), body);
	fs.writeFileSync(path.join(dir, 'headers.json'), JSON.stringify(headers));
	const port = await freePort();
	const code = `
		const http = require('node:http'); const fs = require('node:fs');
		const body = fs.readFileSync(${JSON.stringify(path.join(dir, 'body'))});
		const headers = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, 'headers.json'))}, 'utf8'));
		http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
			.listen(${port}, ${JSON.stringify(HOST)});`;
	const child = spawn(process.execPath, ['-e', code], { stdio: 'inherit' });
	for (let i = 0; i < 100; i++) {
		const up = await fetch(`http://${HOST}:${port}/`).then(
			() => true,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 50));
	}
	return {
		url: `http://${HOST}:${port}${options.path}`,
		stop() {
			child.kill();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

out(`# Public page throughput (${new Date().toISOString()})`);
out(machineLine());
out(`page ${options.path}, ${options.connections} connections, ${options.seconds} s each`);

const app = await startServer();
try {
	const url = `${app.base}${options.path}`;
	// Fill the cache and take the bytes a client without Accept-Encoding gets.
	await fetch(url);
	const copy = await fetch(url);
	if (copy.headers.get('x-cache') !== 'hit') throw new Error(`${options.path} is not cached`);
	const body = Buffer.from(await copy.arrayBuffer());
	const headers: Record<string, string> = {};
	copy.headers.forEach((value, name) => {
		if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
			headers[name] = value;
	});
	const bare = await startBare(body, headers);
	try {
		const results = [
			await measure('bare node:http, same bytes', bare.url),
			await measure('Streekplatform, cached', url),
			// A token header bypasses the cache on a page: every request rendered by SvelteKit.
			await measure('Streekplatform, rendered each time', url, { authorization: 'Bearer -' })
		];
		out();
		for (const line of table(
			[
				['server', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
				...results.map((r) => [
					r.name,
					r.rps.toFixed(0),
					String(r.p50),
					String(r.p99),
					String(r.errors)
				])
			],
			1
		))
			out(line);
		out();
		out(`cached / bare ratio: ${(results[1].rps / results[0].rps).toFixed(2)} (target ≥ 0.5)`);
		out(`cached / rendered ratio: ${(results[1].rps / results[2].rps).toFixed(1)}`);
		out(`response ${body.length} bytes`);
	} finally {
		bare.stop();
	}
} finally {
	await app.stop();
}
