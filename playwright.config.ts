/**
 * End-to-end and process tests (tests/e2e). Runs the built server (`npm run test:e2e` builds
 * first) on a fresh embedded database, and drives Debian's `chromium`: no browser download.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright's own browsers are never downloaded here; we use the system chromium.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

function findChromium(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	try {
		const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
		if (found && fs.existsSync(found)) return found;
	} catch {
		// not on PATH: fall back to Debian's location
	}
	return '/usr/bin/chromium';
}

const PORT = 3111;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const dataDir = path.resolve('.tmp/e2e-data');
/** Written by the scenario loader, read by tests/e2e/support/scenario.ts. */
const scenarioFile = path.resolve('.tmp/e2e-scenario.json');
// Every run starts from nothing: remove the data folder and the scenario file, load the seeded
// real structure plus the test accounts (scripts/scenario.ts) into a fresh data folder, and only
// then start the server on it. Never load into a live embedded folder. (Not done at the top
// level of this file: workers load it too, while the server runs.)
const removePrevious = `node -e "for (const p of process.argv.slice(1)) require('node:fs').rmSync(p, { recursive: true, force: true })" ${JSON.stringify(dataDir)} ${JSON.stringify(scenarioFile)}`;
const loadScenario = `npx tsx scripts/scenario.ts e2e --out ${JSON.stringify(scenarioFile)}`;
// A real SMTP server for the app's mail (tests read what it received: support/mailbox.ts).
const SMTP_PORT = 2526;
const startSmtp = `(npx tsx tests/e2e/support/smtp-sink.ts --port ${SMTP_PORT} --dir .tmp/e2e-mail &)`;

const PROCESS_SPECS = /process\.spec\.ts$/;
// The permission matrix ends sessions (logout, "end other sessions"): it runs once, after the
// browser projects, with requests only.
const ACCESS_SPECS = /permissions\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	// .ci/run also asks for a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) for its closing summary.
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
	// Most specs walk several pages (each checked with axe) on two loaded cores.
	timeout: 60_000,
	// A loaded two-core machine (the process specs start servers alongside) may need a while.
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		locale: 'nl-BE',
		trace: 'off',
		launchOptions: {
			executablePath: findChromium(),
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'js',
			testIgnore: [PROCESS_SPECS, ACCESS_SPECS],
			use: { browserName: 'chromium', javaScriptEnabled: true }
		},
		{
			name: 'nojs',
			testIgnore: [PROCESS_SPECS, ACCESS_SPECS],
			use: { browserName: 'chromium', javaScriptEnabled: false }
		},
		{
			// The server as a process: spawned by the tests themselves, no browser.
			name: 'process',
			testMatch: PROCESS_SPECS,
			timeout: 60_000
		},
		{
			name: 'access',
			testMatch: ACCESS_SPECS,
			dependencies: ['js', 'nojs'],
			timeout: 120_000
		}
	],
	webServer: {
		command: `${removePrevious} && ${startSmtp} && ${loadScenario} && exec node server.js`,
		url: `${BASE_URL}/healthz`,
		reuseExistingServer: false,
		// A loaded machine (CI neighbours, parallel builds) needs a while for a first start.
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE_URL,
			DATA_DIR: dataDir,
			// Always the embedded database in the fresh folder, even if the shell names a server.
			DATABASE_URL: '',
			LOG_LEVEL: 'warn',
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			// Every spec calls the API from 127.0.0.1: the anonymous limit is tested in the service tests.
			API_RATE_LIMIT: '100000',
			PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'
		}
	}
});
