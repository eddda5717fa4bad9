import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	ssr: { external: ['@electric-sql/pglite'] },
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	test: {
		// CI adds a JSON report so .ci/run can print one closing "N passed, N failed" line.
		reporters: process.env.VITEST_JSON
			? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
			: ['default'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.unit.spec.ts', 'tests/unit/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'service',
					globalSetup: ['./tests/setup/global.ts'],
					include: ['src/**/*.spec.ts', 'tests/service/**/*.spec.ts'],
					exclude: ['src/**/*.unit.spec.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
