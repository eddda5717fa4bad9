/** One request of the sweep, how it is sent, and what its answer must not show. */
import http from 'node:http';

export type Persona = 'anonymous' | 'member' | 'admin';

export type SweepRequest = {
	persona: Persona;
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: string | FormData | URLSearchParams;
	/** What to print about it (token used, body in short). */
	summary: string;
};

/** What a crash leaks: stack frames, module paths, driver messages. */
const leaks: [string, RegExp][] = [
	// Bounded repetitions: a 20,000-character echo of the input must not make these quadratic.
	[
		'stack frame',
		/^[ \t]{1,12}at [^\n]{0,200}?(?:file:\/\/|node:|\/)[^\s)]{1,300}:\d+:\d+\)?[ \t]*$/m
	],
	['stack frame', /at Object\.<anonymous>/],
	['module path', /node_modules\//],
	[
		'error with a file path',
		/\b\w{0,40}Error: [^\n]{0,300}?\/[\w./-]{1,300}\.(?:js|ts|svelte):\d+/
	],
	['SQL error', /syntax error at or near/i],
	['SQL error', /violates [\w -]*constraint/i],
	['SQL error', /invalid input syntax for type/i],
	['SQL error', /value too long for type/i],
	['SQL error', /out of range for type/i],
	['SQL error', /relation "[^"]+" does not exist/i],
	['SQL error', /Failed query:/]
];

export type Outcome = { status: number; leak?: string; ms: number; excerpt?: string; text: string };

/** Node's HTTP parser refuses a request head larger than this (431, or a closed socket). */
const MAX_HEAD = 16 * 1024;

/**
 * Send one request on a connection of its own (no keep-alive: a request the server refused before
 * reading its body must not break the next one) and read the whole answer.
 */
export async function send(base: string, r: SweepRequest, cookie?: string): Promise<Outcome> {
	const started = Date.now();
	const headers: Record<string, string> = { ...r.headers, connection: 'close' };
	if (cookie) headers.cookie = cookie;
	let body: Buffer | undefined;
	if (r.body !== undefined) {
		// Let the Fetch API encode FormData (boundary and all) and URLSearchParams.
		const encoded = new Request('http://x/', { method: 'POST', body: r.body });
		body = Buffer.from(await encoded.arrayBuffer());
		const type = encoded.headers.get('content-type');
		if (type && !headers['content-type']) headers['content-type'] = type;
		headers['content-length'] = String(body.length);
	}
	const head =
		r.url.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
	const url = new URL(base);
	const answer = await new Promise<{ status: number; type: string; text: string } | Error>(
		(resolve) => {
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					method: r.method,
					path: r.url,
					headers,
					agent: false,
					timeout: 60_000
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							type: String(res.headers['content-type'] ?? ''),
							text: Buffer.concat(chunks).toString('utf8')
						})
					);
					res.on('error', resolve);
				}
			);
			req.on('timeout', () => req.destroy(new Error('geen antwoord binnen 60 s')));
			req.on('error', resolve);
			req.end(body);
		}
	);
	const ms = Date.now() - started;
	if (answer instanceof Error) {
		// Node refuses an oversized head by closing the socket, sometimes before its 431 arrives.
		if (head > MAX_HEAD) return { status: 431, ms, text: '' };
		return { status: 599, leak: `geen antwoord (${answer.message})`, ms, text: '' };
	}
	const text =
		/json|text|html|xml|csv|calendar/.test(answer.type) || !answer.type ? answer.text : '';
	for (const [what, pattern] of leaks) {
		const m = pattern.exec(text);
		if (m) {
			const at = Math.max(0, m.index - 80);
			return { status: answer.status, leak: what, ms, excerpt: text.slice(at, at + 300), text };
		}
	}
	return {
		status: answer.status,
		ms,
		excerpt: answer.status >= 500 ? text.slice(0, 300) : undefined,
		text
	};
}

/** Is the answer acceptable: no server error and nothing leaked? */
export const acceptable = (o: Outcome) => o.status < 500 && !o.leak;

export function describe(r: SweepRequest): string {
	const body =
		r.body instanceof FormData
			? [...r.body.entries()]
					.map(
						([k, v]) => `${k}=${typeof v === 'string' ? v.slice(0, 60) : `<bestand ${v.size} B>`}`
					)
					.join('&')
					.slice(0, 300)
			: String(r.body ?? '').slice(0, 300);
	return `${r.method} ${r.url.slice(0, 300)} als ${r.persona} (${r.summary})${body ? `\n    body: ${body}` : ''}`;
}
