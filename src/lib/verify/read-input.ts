/**
 * From what the user gave on the command line (a file, a URL, an award id) to the badge payloads
 * it holds. Reading the bytes is Node's part; unbaking them is unbake.ts, shared with the browser.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../urls.ts';
import { m } from './checks.ts';
import type { Fetcher } from './fetcher.ts';
import { readUrl, unbake, type Input } from './unbake.ts';

export { classifyText, readUrl, unbake, type Input, type Located, type Payload } from './unbake.ts';

export type InputKind = 'url' | 'file' | 'award' | 'missing';

const AWARD_ID = /^[a-z0-9][a-z0-9-]{2,63}$/i;

/** What an argument names: a URL, an existing file, an award id of a built site, or nothing. */
export function inputKind(arg: string): InputKind {
	if (/^https?:\/\//i.test(arg)) return 'url';
	if (existsSync(arg)) return 'file';
	return AWARD_ID.test(arg) && !/\.\w+$/.test(arg) ? 'award' : 'missing';
}

export interface ReadOptions {
	fetch: Fetcher;
	/** Built site where award ids are looked up. */
	siteDir?: string | undefined;
}

export async function readInput(arg: string, options: ReadOptions): Promise<Input> {
	const kind = inputKind(arg);
	if (kind === 'url') return readUrl(arg, options.fetch);
	let file = arg;
	if (kind === 'award') {
		const siteDir = options.siteDir ?? 'dist';
		file = path.join(siteDir, paths.credential(arg));
		if (!existsSync(file)) {
			return { ok: false, container: 'unknown', message: m(`récompense « ${arg} » introuvable dans ${siteDir} (ni fichier de ce nom) : construisez le site (npm run build) ou indiquez --site`, `award "${arg}" not found in ${siteDir} (and no file of that name): build the site (npm run build) or pass --site`) };
		}
	} else if (kind === 'missing') {
		return { ok: false, container: 'unknown', message: m(`fichier introuvable : ${arg}`, `file not found: ${arg}`) };
	}
	if (statSync(file).isDirectory()) return { ok: false, container: 'unknown', message: m(`${arg} est un dossier, pas un badge`, `${arg} is a folder, not a badge`) };
	try {
		return unbake(new Uint8Array(await readFile(file)), kind === 'award' ? paths.credential(arg) : path.basename(file));
	} catch (error) {
		return { ok: false, container: 'unknown', message: m(`impossible de lire ${arg}`, `cannot read ${arg}`) + ` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
	}
}
