/**
 * What each award's published output is made from, as hashes, so that a rebuild redoes only the
 * awards whose inputs changed (output-manifest.ts). Two keys per award:
 *
 * - `files`: its machine-readable files (assertion, JWS, credential, VC-JWT, baked image), made
 *   from the issuer, the badge, the recipient, the award itself and the signing keys;
 * - `page`: its HTML page, which also shows the audit trail, the development-key banner and the
 *   award's state on the day of the build (an award expires without any file changing).
 *
 * Both include a fingerprint of Blason's own code, so any change to a template, a style, a
 * dependency or src/lib redoes everything. Keys err on the side of redoing: a whole recipient
 * (its other awards too) or a whole badge is hashed rather than the few fields a page shows.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Site } from '../content/model.ts';
import type { Forge } from '../git/forge.ts';
import { eventsByAward, type History } from '../git/history.ts';

export interface AwardKeys {
	files: string;
	page: string;
}

export interface OutputInputs {
	/** codeFingerprint() of the Blason project that renders the site. */
	code: string;
	history: History;
	forge: Forge | undefined;
	/** Everything about the signing keys that the output shows (ids, dates, development or not). */
	signing: unknown;
	/** When the build runs: an award shown as valid yesterday may be expired today. */
	now: Date;
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('base64url');

// Bytes (badge artwork, logo) as their hash, maps as entries: a stable, compact JSON of the content.
const digestOf = (value: unknown) =>
	sha256(
		JSON.stringify(value, (_, v: unknown) =>
			v instanceof Uint8Array ? `sha256:${sha256(v)}` : v instanceof Map ? [...v.entries()] : v,
		),
	);

/** The two keys of every award of the site, by award id. */
export function awardKeys(site: Site, inputs: OutputInputs): Map<string, AwardKeys> {
	const shared = digestOf({ code: inputs.code, issuer: site.issuer, signing: inputs.signing });
	const badges = new Map([...site.badges].map(([slug, badge]) => [slug, digestOf(badge)]));
	const recipients = new Map([...site.recipients].map(([slug, recipient]) => [slug, digestOf(recipient)]));
	const trails = eventsByAward(inputs.history);
	const pageShared = digestOf({ available: inputs.history.available, forge: inputs.forge });

	const keys = new Map<string, AwardKeys>();
	for (const award of site.awards) {
		const files = sha256(`${shared}\n${badges.get(award.badge)}\n${recipients.get(award.recipient)}\n${JSON.stringify(award)}`);
		const page = sha256(`${files}\n${pageShared}\n${award.expires !== undefined && new Date(award.expires) < inputs.now ? 'expired' : ''}\n${JSON.stringify(trails.get(award.id) ?? [])}`);
		keys.set(award.id, { files, page });
	}
	return keys;
}

/** Files of the project that shape the output: sources, templates, styles, fonts, configuration, dependency versions. */
const CODE_FILES = ['astro.config.ts', 'astro.config.mjs', 'package.json', 'package-lock.json'];

/** A hash of Blason's own code (src/ and its configuration), as found in `projectRoot`. */
export function codeFingerprint(projectRoot: string): string {
	const hash = createHash('sha256');
	const add = (rel: string) => {
		let bytes: Buffer;
		try {
			bytes = readFileSync(path.join(projectRoot, rel));
		} catch {
			return;
		}
		hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
	};
	for (const f of CODE_FILES) add(f);
	const sources = readdirSync(path.join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.relative(projectRoot, path.join(e.parentPath, e.name)))
		.sort();
	for (const f of sources) add(f);
	return hash.digest('base64url');
}
