/**
 * Replaces a file's content all at once: a temporary file in the same folder, then a rename, so
 * that an interrupted command or build never leaves a half-written file (a recipient file, a
 * cache). Keeps the file's permissions. The temporary name is random: two processes writing the
 * same file never write into each other's temporary file.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const tmpName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
	const mode = await stat(file).then((s) => s.mode & 0o777, () => 0o644);
	const tmp = tmpName(file);
	try {
		await writeFile(tmp, data, { mode, flag: 'wx' });
		await rename(tmp, file);
	} catch (e) {
		await rm(tmp, { force: true });
		throw e;
	}
}

/** The same, for code that cannot wait (the audit trail and the parse cache are read and written synchronously). */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
	let mode = 0o644;
	try {
		mode = statSync(file).mode & 0o777;
	} catch {
		// a new file
	}
	const tmp = tmpName(file);
	try {
		writeFileSync(tmp, data, { mode, flag: 'wx' });
		renameSync(tmp, file);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
}
