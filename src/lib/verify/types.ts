/**
 * The result of verifying one badge: a stable, JSON-serialisable structure (`npm run verify -- --json`
 * prints it as is). Check ids and field names are part of the contract; messages are bilingual
 * (French / English) and may be reworded.
 */

export type CheckResult = 'pass' | 'fail' | 'warn' | 'skip';

/**
 * What each check covers:
 * - `input`: the file, URL or award could be read and holds a badge;
 * - `hosted`: OB 2.0 hosted copy fetched from the assertion's `id`, and that `id` is its URL;
 * - `structure`: required fields and types (OB 2.0 Assertion, BadgeClass, Profile; OB 3.0 envelope);
 * - `schema`: the OB 3.0 credential against the bundled 1EdTech JSON Schema;
 * - `badge-class`, `issuer`: the OB 2.0 BadgeClass and issuer Profile were fetched and are complete;
 * - `scope`: the OB 2.0 hosted assertion is within the issuer's verification scope;
 * - `key`: the signing key was found and belongs to the issuer;
 * - `signature`: the JWS, VC-JWT or Data Integrity proof is intact;
 * - `claims`: the VC-JWT claims agree with the credential;
 * - `subject`: the OB 3.0 credentialSubject names its recipient (`id` or `identifier`);
 * - `revocation`: not revoked (OB 2.0 `revoked` / RevocationList, OB 3.0 credentialStatus);
 * - `issued`: already valid (`issuedOn` / `validFrom` not in the future);
 * - `expiry`: not expired (`expires` / `validUntil`);
 * - `recipient`: the e-mail given with `--email` matches the hashed identity.
 */
export type CheckId =
	| 'input'
	| 'hosted'
	| 'structure'
	| 'schema'
	| 'badge-class'
	| 'issuer'
	| 'scope'
	| 'key'
	| 'signature'
	| 'claims'
	| 'subject'
	| 'revocation'
	| 'issued'
	| 'expiry'
	| 'recipient';

export interface Check {
	id: CheckId;
	result: CheckResult;
	/** "français / English". Never contains the e-mail address given with --email. */
	message: string;
}

export type BadgeStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid' | 'invalid';

/**
 * - `ob2-hosted`: Open Badges 2.0 assertion verified from its hosted URL;
 * - `ob2-signed`: Open Badges 2.0 assertion signed as a compact JWS;
 * - `ob3-json`: Open Badges 3.0 credential with an embedded Data Integrity proof;
 * - `ob3-jwt`: Open Badges 3.0 credential as a VC-JWT;
 * - `unknown`: nothing readable was found.
 */
export type BadgeFormat = 'ob2-hosted' | 'ob2-signed' | 'ob3-json' | 'ob3-jwt' | 'unknown';

/** Where the badge came from. */
export type BadgeContainer = 'png' | 'svg' | 'json' | 'jws' | 'url' | 'unknown';

export interface BadgeSummary {
	/** The assertion or credential id. */
	id?: string;
	name?: string;
	description?: string;
	issuer?: { id?: string; name?: string };
	/** ISO 8601, as written in the badge (`issuedOn` / `validFrom` / `issuanceDate`). */
	issuedOn?: string;
	/** ISO 8601 (`expires` / `validUntil` / `expirationDate`). */
	expires?: string;
	revocationReason?: string;
	/** Present only when an e-mail was given: whether it matches the recipient. */
	recipientMatch?: boolean;
}

export interface VerifyResult {
	valid: boolean;
	status: BadgeStatus;
	format: BadgeFormat;
	container: BadgeContainer;
	checks: Check[];
	badge: BadgeSummary;
	/**
	 * Other badges baked in the same image (a Blason image can carry the OB 2.0 assertion and the
	 * OB 3.0 credential of one award). The top-level `valid` requires every one of them to be valid.
	 */
	alsoBaked?: VerifyResult[];
}
