import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.ts';

const run = promisify(execFile);

// Every command a volunteer types answers --help in French, then English, with its usage, and exits 0.
describe('--help', () => {
	it.each(['check', 'build', 'award', 'revoke', 'erase', 'keys', 'notify', 'permanence', 'claim-code'])('npm run %s -- --help', async (name) => {
		const { stdout, stderr } = await run(process.execPath, [`scripts/${name}.ts`, '--help'], { cwd: projectRoot, env: { ...process.env, BLASON_SIGNING_KEY: '' } });
		const lines = stdout.trim().split('\n').filter(Boolean);
		expect(lines[0]).toBe(`npm run ${name}`);
		expect(lines[1]).toMatch(/[éèàçôù’]/); // French first
		expect(lines[2]).toMatch(/^[A-Z][a-z-]+s\b/); // then English ("Checks…", "Re-sends…")
		expect(lines.at(-1)).toMatch(new RegExp(`^Usage : npm run ${name}\\b`));
		expect(stderr).toBe('');
	});
});
