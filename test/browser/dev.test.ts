import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, projectRoot } from '../helpers.ts';
import { browserAvailable, launchBrowser } from './harness.ts';

const freePort = () =>
	new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});

describe.runIf(browserAvailable)('npm run dev', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'blason-dev-'));
	let dev: ChildProcess;
	let browser: Browser;
	let url = '';

	beforeAll(async () => {
		copyFixture(root);
		const port = await freePort();
		// As `npm run dev` runs it: without the test runner's NODE_ENV=test and VITEST variables.
		const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
		dev = spawn(path.join(projectRoot, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: projectRoot,
			env: { ...env, BLASON_ROOT: root, PATH: `${path.join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}` },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		await new Promise<void>((resolve, reject) => {
			let log = '';
			const onData = (d: Buffer) => {
				log += d.toString();
				if (/watching for file changes|Local\s/.test(log)) resolve();
			};
			dev.stdout!.on('data', onData);
			dev.stderr!.on('data', onData);
			dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
		});
		url = `http://127.0.0.1:${port}/badges/`;
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		dev?.kill();
		rmSync(root, { recursive: true, force: true });
	});

	it('serves pages and badge files, and reloads the page when content changes', async () => {
		const page = await browser.newPage();
		await page.goto(`${url}awards/k7m2x9qd4p1h/`);
		expect(await page.locator('dd').first().textContent()).toBe('Léa Martin');
		const json = await (await fetch(`${url}awards/k7m2x9qd4p1h/assertion.json`)).json();
		expect(json.id).toBe('https://fixture.example.org/badges/awards/k7m2x9qd4p1h/assertion.json');

		const file = path.join(root, 'recipients/lea-m.yaml');
		const reloaded = page.waitForEvent('load', { timeout: 20_000 });
		writeFileSync(file, readFileSync(file, 'utf8').replace('name: Léa Martin', 'name: Léa Martin-Durand'));
		await reloaded;
		await expect.poll(() => page.locator('dd').first().textContent(), { timeout: 10_000 }).toBe('Léa Martin-Durand');
		await page.close();
	});
});
