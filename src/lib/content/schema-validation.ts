import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import issuerSchema from '../../../schemas/issuer.schema.json' with { type: 'json' };
import badgeSchema from '../../../schemas/badge.schema.json' with { type: 'json' };
import recipientSchema from '../../../schemas/recipient.schema.json' with { type: 'json' };
import keysSchema from '../../../schemas/keys.schema.json' with { type: 'json' };
import type { Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { isDateOrDateTime } from '../dates.ts';
import type { YamlSource } from './yaml-source.ts';

// ajv-formats is CommonJS; its default export differs between Node and bundlers.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

export const schemas = { issuer: issuerSchema, badge: badgeSchema, recipient: recipientSchema, keys: keysSchema } as const;
export type SchemaName = keyof typeof schemas;

let compiled: Record<SchemaName, ValidateFunction> | undefined;
function validators(): Record<SchemaName, ValidateFunction> {
	if (!compiled) {
		const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
		addFormats(ajv);
		ajv.addFormat('date-or-datetime', isDateOrDateTime);
		compiled = {
			issuer: ajv.compile(issuerSchema),
			badge: ajv.compile(badgeSchema),
			recipient: ajv.compile(recipientSchema),
			keys: ajv.compile(keysSchema),
		};
	}
	return compiled;
}

/** Validates parsed YAML against one of the content schemas; every error becomes a located problem. */
export function validateAgainstSchema(name: SchemaName, source: YamlSource, file: string): Problem[] {
	const validate = validators()[name];
	if (validate(source.data)) return [];
	// The if/then/else branches repeat some types of the main schema: one message per mistake.
	const seen = new Set<string>();
	const problems = pruneErrors(validate.errors ?? [])
		.map((e) => toProblem(e, source, file, schemas[name]))
		.filter((p) => {
			const key = `${p.code} ${p.field} ${p.message}`;
			return !seen.has(key) && !!seen.add(key);
		});
	// "nmae" is both an unknown field and a missing "name": one message says it all.
	const typos = new Set(problems.filter((p) => p.code === 'ERR_SCHEMA_UNKNOWN_FIELD').map((p) => `${parentOf(p.field)}.${/"([^"]+)"\?$/.exec(p.hint ?? '')?.[1]}`));
	return problems.filter((p) => !(p.code === 'ERR_SCHEMA_MISSING_FIELD' && typos.has(`${parentOf(p.field)}.${p.field?.split('.').at(-1)}`)));
}

const parentOf = (field = '') => field.split('.').slice(0, -1).join('.');

// anyOf failures produce one error per branch plus a summary; keep only the summary. An if/then
// failure is reported by the errors of its branch: its own "must match then" says nothing more.
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
	const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
	return errors.filter((e) => e.keyword !== 'if' && (e.keyword === 'anyOf' || !(e.keyword === 'required' && anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/'))));
}

function toProblem(e: ErrorObject, source: YamlSource, file: string, root: object): Problem {
	const path = e.instancePath.split('/').slice(1).map(decodePointer).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
	const schema = e.parentSchema as { description?: string; examples?: unknown[] } | undefined;
	const base = { code: 'ERR_SCHEMA', severity: 'error' as const, file };
	const describe = schema?.description;
	switch (e.keyword) {
		case 'additionalProperties': {
			const extra = String(e.params.additionalProperty);
			const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
			return {
				...base,
				code: 'ERR_SCHEMA_UNKNOWN_FIELD',
				line: source.lineOf([...path, extra]),
				field: join([...path, extra]),
				message: `unknown field "${extra}"`,
				hint: didYouMean(extra, known) ?? `allowed fields here: ${known.join(', ')}`,
			};
		}
		case 'required': {
			const missing = String(e.params.missingProperty);
			// A field required by an if/then/else branch is described in the schema's own properties.
			const sub = ((e.parentSchema as { properties?: Record<string, { description?: string }> }).properties?.[missing]?.description
				? (e.parentSchema as { properties: Record<string, { description?: string }> }).properties[missing]
				: path.length === 0 ? (root as { properties?: Record<string, { description?: string }> }).properties?.[missing] : undefined);
			return {
				...base,
				code: 'ERR_SCHEMA_MISSING_FIELD',
				line: source.lineOf(path),
				field: join([...path, missing]),
				message: `missing required field "${missing}"`,
				hint: sub?.description,
			};
		}
		case 'false schema': {
			// The only `false` subschemas are the fields an erased recipient file must not have.
			const field = join(path);
			return {
				...base,
				code: 'ERR_ERASED_PERSONAL_DATA',
				line: source.lineOf(path),
				field,
				message: `"${String(path.at(-1))}" must not be in a recipient file that is erased (erased: ${String(getAt(source.data, ['erased']))})`,
				hint: 'the person asked for their data to be erased: delete this field. An erased file keeps only its awards\' id, badge, issuedOn and revoked',
			};
		}
		case 'anyOf':
			return {
				...base,
				line: source.lineOf(path),
				field: join(path),
				message: 'needs a "url", a "narrative", or both',
				hint: describe,
			};
		default: {
			const value = getAt(source.data, path);
			return {
				...base,
				code: e.keyword === 'type' ? 'ERR_SCHEMA_TYPE' : 'ERR_SCHEMA_VALUE',
				line: source.lineOf(path),
				field: join(path),
				message: valueMessage(e, value),
				hint:
					e.keyword === 'type' && e.params.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')
						? `wrap the value in quotes so it is read as text: "${String(value)}"`
						: hintFor(e, schema, value),
			};
		}
	}
}

function valueMessage(e: ErrorObject, value: unknown): string {
	const shown = typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"` : JSON.stringify(value);
	switch (e.keyword) {
		case 'type':
			return `must be ${article(String(e.params.type))}, not ${kindOf(value)}${typeof value === 'object' ? '' : ` (${shown})`}`;
		case 'enum':
			return `${shown} is not one of the allowed values`;
		case 'format':
			return `${shown} is not a valid ${formatName(String(e.params.format))}`;
		case 'pattern':
			return `${shown} is not in the expected form`;
		case 'minLength':
			return value === '' ? 'must not be empty' : `is too short (at least ${e.params.limit} characters)`;
		case 'maxLength':
			return `is too long (at most ${e.params.limit} characters)`;
		case 'minItems':
			return `needs at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`;
		case 'uniqueItems':
			return `contains the same value twice (items ${e.params.j} and ${e.params.i})`;
		default:
			return e.message ?? 'is not valid';
	}
}

function hintFor(e: ErrorObject, schema: { description?: string; examples?: unknown[] } | undefined, value: unknown): string | undefined {
	if (e.keyword === 'enum') {
		const allowed = (e.params.allowedValues as unknown[]).map(String);
		return didYouMean(String(value), allowed) ?? `allowed values: ${allowed.join(', ')}`;
	}
	const example = schema?.examples?.[0];
	const exampleText = typeof example === 'string' ? ` (example: ${example})` : '';
	return schema?.description ? `${schema.description}${exampleText}` : undefined;
}

const formatName = (f: string) =>
	({ uri: 'URL', email: 'e-mail address', 'date-or-datetime': 'date (YYYY-MM-DD)' })[f] ?? f;
const article = (t: string) =>
	({ string: 'text', array: 'a list', object: 'a group of fields', boolean: 'true or false', integer: 'a whole number', number: 'a number' })[t] ?? t;
const kindOf = (v: unknown) =>
	v === null ? 'empty' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a group of fields' : typeof v === 'string' ? 'text' : typeof v === 'boolean' ? 'true/false' : `a ${typeof v}`;
const decodePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const join = (path: readonly (string | number)[]) => path.join('.');

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
	let v = data;
	for (const k of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
	return v;
}
