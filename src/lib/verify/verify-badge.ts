/**
 * `npm run verify`'s entry: reads the badge named by a file path, a URL or an award id of a built
 * site (read-input.ts, Node), then verifies it with the shared core (verify-input.ts).
 */
import { memoFetcher } from './fetcher.ts';
import { readInput } from './read-input.ts';
import type { VerifyResult } from './types.ts';
import { verifyInput, type VerifyInputOptions } from './verify-input.ts';

export { verifyInput, type VerifyInputOptions } from './verify-input.ts';

export interface VerifyOptions extends VerifyInputOptions {
	/** Built site where award ids are looked up (default `dist`). */
	siteDir?: string | undefined;
}

/**
 * Verifies a badge named by a file path, a URL or an award id of a built site.
 *
 * @example
 * const result = await verifyBadge('badge.png', { fetcher: httpFetcher() });
 * if (!result.valid) console.log(result.status, result.checks.filter((c) => c.result === 'fail'));
 */
export async function verifyBadge(input: string, options: VerifyOptions): Promise<VerifyResult> {
	return verifyInput(await readInput(input, { fetch: memoFetcher(options.fetcher), siteDir: options.siteDir }), options);
}
