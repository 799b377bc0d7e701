/**
 * The OB 3.0 AchievementCredential JSON Schema (1EdTech, Draft 2019-09), bundled and compiled once:
 * never fetched (DIGEST §2.1, §2.7). Copied from ../shared/spec/data/ob3/schema/ without its
 * `description` and `$comment` annotations, which validate nothing: the /verify/ page downloads a
 * third of the size, and no example address from the descriptions ends up in the site
 * (test/verify/isomorphic.test.ts holds the copy to the original).
 */
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from './schemas/achievementcredential.json' with { type: 'json' };
import { m, type Checks } from './checks.ts';
import { asArray, isObject, type JsonObject } from './json.ts';

// Both packages are CommonJS; their default export differs between Node and bundlers.
const Ajv2019 = ((Ajv2019Module as { default?: unknown }).default ?? Ajv2019Module) as typeof Ajv2019Module;
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: InstanceType<typeof Ajv2019>) => void;

/** The URL credentials use to name this schema in `credentialSchema` (DIGEST §2.1). */
export const ACHIEVEMENT_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
	// strictTuples is off: the schema's @context is a 2-item tuple without maxItems, on purpose
	// (further contexts are allowed).
	validate ??= (() => {
		const ajv = new Ajv2019({ allErrors: true, strict: true, strictTuples: false });
		addFormats(ajv);
		return ajv.compile(schema);
	})();
	return validate;
}

/**
 * The JSON-LD "compacted form" may give `proof`, `credentialSchema` and `termsOfUse` as a single
 * object (DIGEST §2.1); the strict schema wants arrays. Both mean the same, so both pass.
 */
function expandCompacted(credential: JsonObject): JsonObject {
	const out = { ...credential };
	for (const key of ['proof', 'credentialSchema', 'termsOfUse']) if (isObject(out[key])) out[key] = [out[key]];
	return out;
}

const describe = (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`;

export function checkCredentialSchema(checks: Checks, credential: JsonObject): void {
	const check = validator();
	if (!check(expandCompacted(credential))) {
		const errors = (check.errors ?? []).slice(0, 5).map(describe);
		const more = (check.errors?.length ?? 0) > 5 ? ` (+${check.errors!.length - 5})` : '';
		checks.fail('schema', m(`non conforme au schéma AchievementCredential : ${errors.join(' ; ')}${more}`, `does not conform to the AchievementCredential schema: ${errors.join('; ')}${more}`));
		return;
	}
	const others = asArray(credential.credentialSchema)
		.map((s) => (isObject(s) ? s.id : undefined))
		.filter((id): id is string => typeof id === 'string' && id !== ACHIEVEMENT_CREDENTIAL_SCHEMA);
	if (others.length) {
		checks.warn('schema', m(`conforme au schéma AchievementCredential ; autres schémas non vérifiés : ${others.join(', ')}`, `conforms to the AchievementCredential schema; other schemas not checked: ${others.join(', ')}`));
	} else {
		checks.pass('schema', m('conforme au schéma AchievementCredential 1EdTech', "conforms to 1EdTech's AchievementCredential schema"));
	}
}
