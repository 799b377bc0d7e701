import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Build tests run the real CLI (check + Astro) in child processes.
		testTimeout: 120_000,
		hookTimeout: 180_000,
	},
});
