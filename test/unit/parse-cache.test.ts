import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/lib/content/parse-cache.ts';
import { parseYamlSource } from '../../src/lib/content/yaml-source.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'blason-parse-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'identity:\n  hash: sha256$abc\n  salt: "12345678"\nawards:\n  - id: k7m2x9qd4p1h\n    badge: atelier-numerique\n    issuedOn: 2026-03-14\n    revoked: { date: 2026-04-01, reason: Erreur }\n';

describe('parsed YAML kept between runs', () => {
	it('gives the same data and the same lines as parsing, and is written only when it changed', () => {
		const file = path.join(dir, 'a.json');
		const fresh = parseYamlSource(TEXT, 'recipients/x.yaml').source!;
		const first = ParseCache.open(file);
		expect(parseYamlSource(TEXT, 'recipients/x.yaml', 0, first).source!.data).toEqual(fresh.data);
		first.save();
		const written = readFileSync(file, 'utf8');

		const second = ParseCache.open(file);
		const cached = parseYamlSource(TEXT, 'recipients/x.yaml', 0, second).source!;
		expect(cached.data).toEqual(fresh.data);
		expect(typeof (cached.data as { identity: { salt: unknown } }).identity.salt).toBe('string');
		for (const p of [['awards', 0, 'revoked', 'reason'], ['identity', 'salt'], ['awards', 0, 'issuedOn'], ['nothing']]) {
			expect(cached.lineOf(p), p.join('.')).toBe(fresh.lineOf(p));
		}
		second.save();
		expect(readFileSync(file, 'utf8')).toBe(written);

		// A run that no longer reads that text leaves it out.
		const third = ParseCache.open(file);
		parseYamlSource('awards: []\n', 'recipients/y.yaml', 0, third);
		third.save();
		expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toHaveLength(1);
	});

	it('keeps nothing JSON cannot give back exactly, nor text with a syntax error', () => {
		const file = path.join(dir, 'b.json');
		const cache = ParseCache.open(file);
		expect(parseYamlSource('n: .nan\n', 'x.yaml', 0, cache).source!.data).toEqual({ n: NaN });
		expect(parseYamlSource('a: [\n', 'x.yaml', 0, cache).problems).toHaveLength(1);
		cache.save();
		const again = ParseCache.open(file);
		expect(parseYamlSource('n: .nan\n', 'x.yaml', 0, again).source!.data).toEqual({ n: NaN });
		expect(parseYamlSource('a: [\n', 'x.yaml', 0, again).problems).toHaveLength(1);
	});

	it('is keyed by the line offset too (front matter starts below its ---)', () => {
		const cache = ParseCache.open(path.join(dir, 'c.json'));
		parseYamlSource('a: 1\nb: 2\n', 'x.md', 0, cache);
		expect(parseYamlSource('a: 1\nb: 2\n', 'x.md', 3, cache).source!.lineOf(['b'])).toBe(5);
	});
});
