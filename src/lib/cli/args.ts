import path from 'node:path';

/** Content root: `--root DIR`, else $BLASON_ROOT, else the current directory. */
export function contentRoot(args: readonly string[]): string {
	const i = args.indexOf('--root');
	const given = i >= 0 ? args[i + 1] : process.env.BLASON_ROOT;
	return path.resolve(given || '.');
}

export const flag = (args: readonly string[], name: string) => args.includes(name);
