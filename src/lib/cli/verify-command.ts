/**
 * npm run verify -- <file.png|file.svg|file.json|file.jwt|URL|award-id> [--email ADDRESS] [--json]
 *                   [--site DIR] [--allow-local] [--offline]
 * Exit code 0 only when the badge is valid, 1 otherwise, 2 for a usage error.
 */
import { formatResult, httpFetcher, inputKind, offlineFetcher, readSiteUrl, siteFetcher, verifyBadge, type Fetcher, type VerifyResult } from '../verify/index.ts';

export interface VerifyIo {
	out: (line: string) => void;
	err: (line: string) => void;
}

const defaultIo: VerifyIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

export const VERIFY_USAGE = `Usage : npm run verify -- <badge.png|badge.svg|badge.json|badge.jwt|URL|id-de-récompense> [options]

Vérifie un Open Badge 2.0 ou 3.0, de Blason ou d'un autre émetteur / Verifies any Open Badge 2.0 or 3.0.

  --email ADRESSE   compare l'adresse au destinataire haché (jamais affichée) / check the recipient e-mail
  --json            résultat en JSON / JSON output
  --site DOSSIER    site construit servant les adresses du site, hors ligne (défaut dist pour un id)
                    / built site folder that answers for the site's URLs, offline (default dist for an id)
  --offline         aucune requête réseau / no network request at all
  --allow-local     autorise http et les adresses locales ou privées / allow http and local or private hosts

Code de sortie / exit code : 0 valide / valid, 1 sinon / otherwise, 2 erreur d'usage / usage error.`;

interface Options {
	input: string;
	json: boolean;
	email?: string | undefined;
	site?: string | undefined;
	offline: boolean;
	allowLocal: boolean;
}

/** Parses the arguments, or returns a usage message (which never repeats an --email value). */
export function parseVerifyArgs(args: readonly string[]): Options | { usage: string } {
	const positional: string[] = [];
	const options: Omit<Options, 'input'> = { json: false, offline: false, allowLocal: false };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => inline ?? args[++i];
		if (name === '--json') options.json = true;
		else if (name === '--offline') options.offline = true;
		else if (name === '--allow-local') options.allowLocal = true;
		else if (name === '--email' || name === '--site') {
			const v = value();
			if (!v || v.startsWith('--')) return { usage: `${name} : valeur manquante / missing value` };
			if (name === '--email') options.email = v;
			else options.site = v;
		} else if (name === '--help' || name === '-h') return { usage: '' };
		else if (arg.startsWith('--')) return { usage: `option inconnue / unknown option: ${name}` };
		else positional.push(arg);
	}
	if (positional.length !== 1) return { usage: positional.length ? 'un seul badge à la fois / one badge at a time' : 'badge manquant / no badge given' };
	return { input: positional[0]!, ...options };
}

async function makeFetcher(options: Options, siteDir: string | undefined): Promise<Fetcher | { error: string }> {
	const network = options.offline ? undefined : httpFetcher({ allowLocal: options.allowLocal });
	if (siteDir === undefined) return network ?? offlineFetcher;
	try {
		return siteFetcher(siteDir, await readSiteUrl(siteDir), network);
	} catch (error) {
		return { error: (error as Error).message };
	}
}

export async function runVerify(args: readonly string[], io: VerifyIo = defaultIo, now?: Date): Promise<number> {
	const parsed = parseVerifyArgs(args);
	if ('usage' in parsed) {
		if (parsed.usage) io.err(`✗ ${parsed.usage}\n`);
		(parsed.usage ? io.err : io.out)(VERIFY_USAGE);
		return parsed.usage ? 2 : 0;
	}
	// An award id is looked up in the built site, which then also answers for the site's URLs.
	const siteDir = parsed.site ?? (inputKind(parsed.input) === 'award' ? 'dist' : undefined);
	let result: VerifyResult;
	try {
		const fetcher = await makeFetcher(parsed, siteDir);
		if ('error' in fetcher) {
			if (parsed.site !== undefined) {
				io.err(`✗ --site : ${fetcher.error}`);
				return 2;
			}
			result = failedInput(
				`récompense « ${parsed.input} » : pas de site construit dans ${siteDir} (npm run build, ou --site DOSSIER) / award "${parsed.input}": no built site in ${siteDir} (npm run build, or --site DIR)`,
			);
		} else {
			result = await verifyBadge(parsed.input, { fetcher, email: parsed.email, siteDir, now });
		}
	} catch (error) {
		// Never a stack trace: whatever went wrong is reported as the badge's input check.
		result = failedInput(`erreur interne / internal error: ${(error as Error).message}`);
	}
	if (parsed.json) io.out(JSON.stringify(result, null, 2));
	else for (const line of formatResult(result)) io.out(line);
	return result.valid ? 0 : 1;
}

function failedInput(message: string): VerifyResult {
	return { valid: false, status: 'invalid', format: 'unknown', container: 'unknown', checks: [{ id: 'input', result: 'fail', message }], badge: {} };
}
