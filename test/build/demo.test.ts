import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.ts';
import { checkBuiltSite, listFiles } from './site-check.ts';

// The demo content at the root of the repository is what `npm run build` builds on a fresh clone.
describe('npm run build on the demo content', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-demo-'));
	const out = path.join(tmp, 'site');
	let stdout = '';
	beforeAll(async () => {
		({ stdout } = await promisify(execFile)(process.execPath, ['scripts/build.ts', '--out', out], { cwd: projectRoot }));
	});
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('builds a conforming site for a fictional association with 4+ badges and 15+ recipients', async () => {
		const { awards } = await checkBuiltSite(out, 'https://passerelles-jeunesse.github.io/badges/');
		const badges = listFiles(out).filter((f) => f.endsWith('/badgeclass.json'));
		expect(badges.length).toBeGreaterThanOrEqual(4);
		expect(awards.length).toBeGreaterThanOrEqual(25);
		expect(stdout).toMatch(new RegExp(`✓ ${awards.length} awards, \\d+ files`));
		expect(stdout).toMatch(/5 badges, 16 recipients/);
	});

	it('bakes both PNG and SVG artwork', () => {
		const baked = listFiles(out).filter((f) => /^awards\/[^/]+\/badge\.(png|svg)$/.test(f));
		expect(baked.some((f) => f.endsWith('.png'))).toBe(true);
		expect(baked.some((f) => f.endsWith('.svg'))).toBe(true);
	});

	it('shows expired BAFA-style awards as expired and names only those who consented', () => {
		const pages = listFiles(out).filter((f) => /^awards\/[^/]+\/index\.html$/.test(f)).map((f) => readFileSync(path.join(out, f), 'utf8'));
		expect(pages.filter((p) => p.includes('Badge expiré')).length).toBeGreaterThanOrEqual(2);
		expect(pages.filter((p) => p.includes('une personne dont l’identité est protégée')).length).toBeGreaterThanOrEqual(5);
		expect(pages.some((p) => p.includes('Léa Martin'))).toBe(true);
	});
});
