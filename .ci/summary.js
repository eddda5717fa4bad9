// Prints one closing line "N passed, N failed, N skipped" from the JSON reports of the run.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
	const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	if ('numPassedTests' in report) {
		// Vitest
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests ?? 0);
	} else if (report.stats) {
		// Playwright
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	}
}
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
