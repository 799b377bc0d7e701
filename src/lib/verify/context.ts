import type { Fetcher } from './fetcher.ts';

/** What every verification step may use. */
export interface VerifyContext {
	/** Already memoised: each URL is fetched at most once per verification. */
	fetch: Fetcher;
	now: Date;
	/** From --email: compared with the recipient, never printed. */
	email?: string | undefined;
}
