import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { fixture, projectRoot } from '../helpers.ts';

const run = promisify(execFile);
const scenarios = readdirSync(fixture('broken'));
const now = new Date('2026-11-22T12:00:00Z');

/** Messages as `npm run check` prints them, with their codes. */
async function messages(root: string): Promise<string> {
	const { problems, site } = await loadSite(root, { now });
	expect(site).toBeUndefined();
	return `${sortProblems(problems).map((p) => `[${p.code}] ${formatProblem(p)}`).join('\n')}\n`;
}

describe('npm run check on broken sites', () => {
	it.each(scenarios)('reports every problem of %s with file, line, field and hint', async (name) => {
		await expect(await messages(fixture('broken', name))).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
	});

	it('refuses an oversized image', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'blason-big-'));
		cpSync(fixture('basic'), root, { recursive: true });
		writeFileSync(path.join(root, 'badges/atelier-numerique/image.png'), noisyPng(600));
		const text = await messages(root);
		rmSync(root, { recursive: true, force: true });
		expect(text).toMatchInlineSnapshot(`
			"[ERR_IMAGE_TOO_LARGE] badges/atelier-numerique/image.png the image is 1056 KB, more than the 512 KB allowed — badges are shown at 256×256 pixels: export at 512×512 or smaller, or optimise the file (e.g. with an online PNG/SVG optimiser)
			"
		`);
	});

	it('accepts the valid fixture with no problem at all', async () => {
		const { problems, site } = await loadSite(fixture('basic'), { now });
		expect(problems).toEqual([]);
		expect(site?.awards.map((a) => a.id)).toEqual(['zz9yy8xx7ww6', 'a1b2c3d4e5f6', 'k7m2x9qd4p1h']);
	});

	it('exits with 1 and prints no stack trace, and never echoes an e-mail address', async () => {
		for (const name of scenarios) {
			const result = await run(process.execPath, ['scripts/check.ts', '--root', fixture('broken', name)], { cwd: projectRoot }).then(
				() => ({ code: 0, stdout: '', stderr: '' }),
				(e: { code: number; stdout: string; stderr: string }) => e,
			);
			expect(result.code, name).toBe(1);
			const output = result.stdout + result.stderr;
			expect(output).not.toMatch(/^\s+at /m);
			expect(output).not.toMatch(/Error:/);
			expect(output).not.toContain('lea.martin@example.org');
			expect(output).toMatch(/✗ \d+ erreurs? \/ errors?/);
		}
	});

	it('annotates problems for GitHub Actions', async () => {
		const { stdout } = await run(process.execPath, ['scripts/check.ts', '--root', fixture('broken', 'references')], {
			cwd: projectRoot,
			env: { ...process.env, GITHUB_ACTIONS: 'true' },
		}).catch((e: { stdout: string }) => e);
		expect(stdout).toContain(
			'::error file=recipients/lea-m.yaml,line=17,title=ERR_AWARD_UNKNOWN_BADGE::awards.1.badge: unknown badge "engagment-citoyen" — did you mean "engagement-citoyen"?',
		);
	});
});

/** A PNG of random pixels: incompressible, so its size is predictable. */
function noisyPng(side: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b: Buffer) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		td.copy(out, 4);
		out.writeUInt32BE(crc(td), 8 + data.length);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(side, 0);
	ihdr.writeUInt32BE(side, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	let x = 2463534242; // xorshift32: deterministic noise
	const raw = Buffer.alloc(side * (side * 3 + 1));
	for (let i = 0; i < raw.length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		raw[i] = i % (side * 3 + 1) === 0 ? 0 : x & 0xff;
	}
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
