import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAward } from '../../src/lib/cli/award-command.ts';
import { writeFileAtomic } from '../../src/lib/cli/command.ts';
import { captureIo, tempSite } from './temp-site.ts';

// The disk refusing a file cannot be staged for real when the tests run as root: the write is mocked.
vi.mock('../../src/lib/cli/command.ts', async (importOriginal) => {
	const original = await importOriginal<typeof import('../../src/lib/cli/command.ts')>();
	return { ...original, writeFileAtomic: vi.fn(original.writeFileAtomic) };
});

describe('npm run award when a file cannot be written', () => {
	let site: ReturnType<typeof tempSite>;
	afterEach(() => site?.remove());

	it('stops, says how many files were written, and a re-run completes the rest without duplicates', async () => {
		site = tempSite();
		const args = ['--badge', 'atelier-numerique', '--email', 'lea.martin@example.org', '--date', '2026-11-01', '--root', site.root];
		vi.mocked(writeFileAtomic).mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
		const io = captureIo();
		expect(await runAward(args, { io, now: new Date('2026-11-22T12:00:00Z') })).toBe(1);
		expect(io.stderr()).toBe('✗ cannot write recipients/lea-m.yaml (ENOSPC); 0 of 1 files were written — fix the cause (disk space, permissions), then run the same command again: the awards already written are skipped');
		expect(readdirSync(path.join(site.root, 'recipients')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

		const again = captureIo();
		expect(await runAward(args, { io: again, now: new Date('2026-11-22T12:00:00Z') })).toBe(0);
		expect(again.stdout()).toContain('✓ 1 award written, 0 already awarded');
	});
});
