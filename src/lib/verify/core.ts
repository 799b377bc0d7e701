/**
 * The verifier core, the same in Node and in the browser: unbaking, every check of OB 2.0 hosted
 * and signed badges and of OB 3.0 Data Integrity and VC-JWT credentials, and the e-mail
 * comparison. It uses WebCrypto, DecompressionStream and Uint8Array, never node:* modules
 * (test/verify/isomorphic.test.ts holds it to that), and reaches the network only through the
 * Fetcher it is given. The /verify/ page imports this module; the command line imports index.ts,
 * which adds the file reader and the restricted HTTP fetcher.
 */
export { verifyInput, type VerifyInputOptions } from './verify-input.ts';
export { unbake, classifyText, readUrl, type Input, type Located, type Payload, type ReadUrlOptions } from './unbake.ts';
export { FetchError, ACCEPT, FETCH_LIMITS, memoFetcher, offlineFetcher, type Fetcher, type FetchErrorCode, type FetchResponse } from './fetcher.ts';
export { badgeRecipients } from './badge-recipients.ts';
export { emailMatchesAny, type HashedIdentity } from './recipient.ts';
export type * from './types.ts';
