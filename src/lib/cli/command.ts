/**
 * What the editing commands (`keys`, `revoke`, `erase`) share: their output, the error that stops
 * them with a message for a person (never a stack trace), option parsing, atomic file writes, and
 * the site URL that award URLs are printed from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseYamlSource } from '../content/yaml-source.ts';
import { formatProblem, sortProblems, type Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { renderHelp, wantsHelp } from './help.ts';

export interface CommandIo {
	out: (line: string) => void;
	err: (line: string) => void;
}

export const consoleIo: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Exit codes: 1 when the content refuses the change, 2 when the command line itself is wrong. */
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/**
 * A user mistake that stops a command. It is printed as `✗ message — hint` (plus any located
 * problems), never with a stack trace; anything else thrown is a bug and keeps its trace.
 */
export class CommandError extends Error {
	readonly code: string;
	readonly hint: string | undefined;
	readonly exitCode: number;
	readonly problems: readonly Problem[];

	constructor(code: string, message: string, options: { hint?: string | undefined; exitCode?: number; problems?: readonly Problem[] } = {}) {
		super(message);
		this.name = 'CommandError';
		this.code = code;
		this.hint = options.hint;
		this.exitCode = options.exitCode ?? EXIT_REFUSED;
		this.problems = options.problems ?? [];
	}
}

/** `--help` was asked for: not an error, the usage is printed with the help text and exit 0. */
export class HelpRequested extends CommandError {
	constructor(usage: string) {
		super('HELP', usage, { exitCode: 0 });
	}
}

/** Runs a command body; a CommandError becomes its message on stderr and an exit code. */
export async function runCommand(io: CommandIo, body: () => Promise<number>): Promise<number> {
	try {
		return await body();
	} catch (e) {
		if (e instanceof HelpRequested) {
			io.out(renderHelp(e.message));
			return 0;
		}
		if (!(e instanceof CommandError)) throw e;
		for (const p of sortProblems([...e.problems])) io.err(formatProblem(p));
		io.err(`✗ ${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
		return e.exitCode;
	}
}

/**
 * Parses `--name value`, `--name=value`, flags (`--dry-run`, no value) and positionals with
 * node:util parseArgs, turning its errors into usage errors that name the option (and the nearest
 * known one for a typo).
 */
export function parseOptions<const Names extends string, const Flags extends string = never>(
	args: readonly string[],
	names: readonly Names[],
	usage: string,
	flags: readonly Flags[] = [],
): { values: Partial<Record<Names, string>>; flags: Record<Flags, boolean>; positionals: string[] } {
	if (wantsHelp(args)) throw new HelpRequested(usage);
	const options = Object.fromEntries([
		...names.map((n) => [n, { type: 'string' as const }] as const),
		...flags.map((n) => [n, { type: 'boolean' as const }] as const),
	]);
	try {
		const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
		const given = values as Record<string, string | boolean | undefined>;
		return {
			values: Object.fromEntries(names.filter((n) => given[n] !== undefined).map((n) => [n, given[n]])) as Partial<Record<Names, string>>,
			flags: Object.fromEntries(flags.map((n) => [n, given[n] === true])) as Record<Flags, boolean>,
			positionals,
		};
	} catch (e) {
		const code = (e as { code?: string }).code;
		const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1];
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
			const known = [...names, ...flags].map((n) => `--${n}`);
			throw new CommandError('ERR_USAGE', `unknown option ${option}`, { hint: didYouMean(option, known) ?? usage, exitCode: EXIT_USAGE });
		}
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /does not take an argument/.test((e as Error).message)) {
			throw new CommandError('ERR_USAGE', `${option} takes no value`, { hint: `write ${option} on its own`, exitCode: EXIT_USAGE });
		}
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
			const name = option.split('=')[0]!;
			// parseArgs also refuses a value that starts with "-": most often the value was forgotten.
			const dash = /ambiguous/.test((e as Error).message);
			throw new CommandError('ERR_USAGE', `${name} needs a value`, {
				hint: dash ? `give its value right after it (a value that starts with "-" is written ${name}="-…")` : usage,
				exitCode: EXIT_USAGE,
			});
		}
		throw new CommandError('ERR_USAGE', (e as Error).message, { hint: usage, exitCode: EXIT_USAGE });
	}
}

/** The local calendar date, YYYY-MM-DD: what a person means by "today". */
export function localDay(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The `site` of issuer.yaml, read without checking the rest of the content: the base of the award
 * URLs a command prints. Undefined when issuer.yaml is missing or has no valid `site`.
 */
export async function publishedSite(root: string): Promise<string | undefined> {
	const text = await readFile(path.join(root, 'issuer.yaml'), 'utf8').catch(() => undefined);
	if (text === undefined) return undefined;
	const { source } = parseYamlSource(text, 'issuer.yaml');
	const site = (source?.data as { site?: unknown } | undefined)?.site;
	return typeof site === 'string' && /^https?:\/\/[^?#]+\/$/.test(site) ? site : undefined;
}

export { writeFileAtomic } from '../write-file-atomic.ts';
