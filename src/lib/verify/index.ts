/**
 * Badge verification (npm run verify): OB 2.0 hosted and signed, OB 3.0 Data Integrity and VC-JWT.
 * Pure core (core.ts, shared with the /verify/ page): every network access goes through the
 * Fetcher it is given. Node's parts: reading files and award ids, the restricted HTTP fetcher and
 * the built-site fetcher.
 */
export { verifyBadge, verifyInput, type VerifyOptions } from './verify-badge.ts';
export { readInput, unbake, inputKind, type Input, type InputKind } from './read-input.ts';
export { httpFetcher, isPrivateAddress, FETCH_LIMITS, type HttpFetcherOptions } from './http-fetcher.ts';
export { siteFetcher, readSiteUrl } from './site-fetcher.ts';
export { FetchError, ACCEPT, offlineFetcher, type Fetcher, type FetchResponse } from './fetcher.ts';
export { formatResult } from './format-result.ts';
export type * from './types.ts';
