import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		reporters: ['default', './test/summary-reporter.ts'],
		// Build tests run the real CLI (check + Astro) in child processes.
		testTimeout: 120_000,
		// Several test files run Astro builds of the same project: one file at a time avoids races on its caches.
		fileParallelism: false,
		hookTimeout: 180_000,
	},
});
