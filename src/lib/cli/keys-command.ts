/**
 * npm run keys -- generate [--id ID] | list   [--root DIR]
 *
 * `generate` makes a new key generation, publishes its public parts in keys.yaml (earlier keys
 * are marked retired but stay published, so that the badges they signed still verify) and prints
 * the private parts once, as the one line to store in the CI secret BLASON_SIGNING_KEY. The
 * secret is never written to any file. `list` shows the published keys.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type Scalar } from 'yaml';
import { checkKeys, KEYS_FILE } from '../content/load-keys.ts';
import { findPrivateKeys } from '../content/secrets.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { hasErrors, type Problem } from '../problems.ts';
import {
	DEV_KEY_ID,
	exportSecret,
	generateSigningKey,
	KEY_ID_PATTERN,
	parseSecret,
	samePublicKeys,
	SecretFormatError,
	type PublicKeyInfo,
} from '../signing/keys.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_REFUSED, EXIT_USAGE, localDay, parseOptions, runCommand, writeFileAtomic, type CommandIo } from './command.ts';

export const SECRET_NAME = 'BLASON_SIGNING_KEY';

const USAGE = 'usage: npm run keys -- generate [--id ID] [--root DIR] | npm run keys -- list [--root DIR]';

const HEADER = [
	' yaml-language-server: $schema=./schemas/keys.schema.json',
	` Public signing keys. The private parts are in the CI secret ${SECRET_NAME}, never here.`,
	' Written by `npm run keys -- generate`, which also sets `retired` when a newer key replaces one.',
];

export interface KeysOptions {
	io?: CommandIo;
	/** Today, for the key id and the dates; injected by tests. */
	now?: Date;
	/** Where BLASON_SIGNING_KEY and the CI markers are read. */
	env?: NodeJS.ProcessEnv;
}

export function runKeys(args: readonly string[], options: KeysOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	return runCommand(io, async () => {
		const { values, positionals } = parseOptions(args, ['root', 'id'], USAGE);
		const [action, ...extra] = positionals;
		if (!action) throw new CommandError('ERR_USAGE', 'say what to do: generate or list', { hint: USAGE, exitCode: EXIT_USAGE });
		if (extra.length) throw new CommandError('ERR_USAGE', `unexpected argument "${extra[0]}"`, { hint: USAGE, exitCode: EXIT_USAGE });
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		const env = options.env ?? process.env;
		const now = options.now ?? new Date();
		if (action === 'generate') return generate(root, values.id, now, env, io);
		if (action === 'list') {
			if (values.id !== undefined) throw new CommandError('ERR_USAGE', '--id only goes with generate', { hint: USAGE, exitCode: EXIT_USAGE });
			return list(root, env, io);
		}
		throw new CommandError('ERR_USAGE', `unknown action "${action}"`, {
			hint: action.startsWith('gen') ? 'did you mean "generate"?' : USAGE,
			exitCode: EXIT_USAGE,
		});
	});
}

interface KeysFile {
	file: string;
	/** Absent when there is no keys.yaml yet. */
	text?: string;
	keys: PublicKeyInfo[];
}

/** Reads keys.yaml and refuses to go on if it has any problem: the command never edits a broken file. */
async function readKeysFile(root: string): Promise<KeysFile> {
	if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
		throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
	}
	if (!(await stat(path.join(root, 'issuer.yaml')).then((s) => s.isFile(), () => false))) {
		throw new CommandError('ERR_ISSUER_MISSING', `there is no issuer.yaml in ${root}: it is not a Blason content folder`, {
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
	}
	const file = path.join(root, KEYS_FILE);
	const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
		if (e.code === 'ENOENT') return undefined;
		throw new CommandError('ERR_FILE_UNREADABLE', `cannot read ${KEYS_FILE} (${e.code ?? 'error'})`, {
			hint: 'check that its permissions allow reading it',
		});
	});
	if (text === undefined) return { file, keys: [] };
	const problems: Problem[] = findPrivateKeys(text, KEYS_FILE);
	const { source, problems: syntax } = parseYamlSource(text, KEYS_FILE);
	problems.push(...syntax);
	const keys = source ? checkKeys(source, KEYS_FILE, problems) : [];
	if (hasErrors(problems)) {
		throw new CommandError('ERR_KEYS_INVALID', `${KEYS_FILE} has errors; nothing was changed`, {
			hint: 'fix the lines above (npm run check lists them too), then run the command again',
			problems,
		});
	}
	return { file, text, keys };
}

async function generate(root: string, wantedId: string | undefined, now: Date, env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
	// A hosted CI job log is readable by everyone who can read the repository, often the world.
	if (env.GITHUB_ACTIONS === 'true' || env.GITLAB_CI === 'true') {
		throw new CommandError('ERR_KEYS_IN_CI', 'refusing to generate a key in CI: the secret would be printed in the job log', {
			hint: 'run `npm run keys -- generate` on your own computer, then store the line it prints in the CI secret',
		});
	}
	const current = await readKeysFile(root);
	const today = localDay(now);
	const taken = new Set(current.keys.map((k) => k.id));
	const id = wantedId === undefined ? freeId(today, taken) : checkWantedId(wantedId, taken);

	const key = generateSigningKey(id, today);
	const doc = current.text === undefined ? newKeysDocument() : parseDocument(current.text, { schema: 'core' });
	const retired = appendKey(doc, key.info, today);
	const text = doc.toString({ lineWidth: 0 });

	// What is written must read back as exactly the keys intended: never publish a damaged file.
	const problems: Problem[] = [];
	const { source } = parseYamlSource(text, KEYS_FILE);
	const written = source ? checkKeys(source, KEYS_FILE, problems) : [];
	const added = written.at(-1);
	if (problems.length || !added || added.id !== id || !samePublicKeys(added, key.info) || written.length !== current.keys.length + 1) {
		throw new Error(`keys generate produced an unexpected ${KEYS_FILE}: ${problems.map((p) => p.message).join('; ')}`);
	}
	await writeFileAtomic(current.file, text);
	const secret = exportSecret(key);

	const relative = path.relative(process.cwd(), current.file);
	const shown = relative.startsWith('..') ? current.file : relative;
	io.out(`✓ Nouvelle clé de signature / new signing key: ${id}`);
	io.out(`  ${shown}: ${current.text === undefined ? 'créé / created' : 'clé publique ajoutée / public key added'}`);
	for (const r of retired) io.out(`  ${r}: retirée le / retired on ${today} (reste publiée / stays published)`);
	io.out('');
	io.out(`Secret ${SECRET_NAME} — affiché une seule fois / shown only once:`);
	io.out('');
	io.out(secret);
	io.out('');
	for (const line of instructions(shown, retired.length > 0)) io.out(line);
	return 0;
}

/** Today's date as the id, with -2, -3… when a key was already generated today. */
function freeId(today: string, taken: ReadonlySet<string>): string {
	let id = today;
	for (let n = 2; taken.has(id); n++) id = `${today}-${n}`;
	return id;
}

function checkWantedId(id: string, taken: ReadonlySet<string>): string {
	if (!KEY_ID_PATTERN.test(id)) {
		throw new CommandError('ERR_USAGE', `"${id}" cannot be a key id`, {
			hint: 'use lowercase letters, digits and hyphens (at most 63), e.g. 2026-11-23; it becomes part of the key\'s permanent URL',
			exitCode: EXIT_USAGE,
		});
	}
	if (id === DEV_KEY_ID) {
		throw new CommandError('ERR_USAGE', `"${DEV_KEY_ID}" is reserved for the development key of local builds`, {
			hint: 'choose another id, or leave --id out to use today\'s date',
			exitCode: EXIT_USAGE,
		});
	}
	if (taken.has(id)) {
		throw new CommandError('ERR_KEYS_DUPLICATE_ID', `${KEYS_FILE} already has a key "${id}"`, {
			hint: 'key ids are permanent: choose another one, or leave --id out to use today\'s date',
			exitCode: EXIT_REFUSED,
		});
	}
	return id;
}

function newKeysDocument(): Document {
	return parseDocument(`${HEADER.map((l) => `#${l}`).join('\n')}\nkeys: []\n`, { schema: 'core' });
}

/** Adds the new key at the end and retires the ones still active; returns the ids it retired. */
function appendKey(doc: Document, info: PublicKeyInfo, today: string): string[] {
	let seq = doc.get('keys', true);
	if (!isSeq(seq)) {
		seq = new YAMLSeq();
		doc.set('keys', seq);
	}
	const keys = seq as YAMLSeq;
	// `keys: []` (or a hand-written flow list) becomes a block list, one key per entry.
	if (keys.flow) keys.flow = false;
	const retired: string[] = [];
	for (const item of keys.items) {
		if (!isMap(item) || item.has('retired')) continue;
		// `retired` goes right after `created`, where a reader compares the two dates.
		const createdAt = item.items.findIndex((p) => isScalar(p.key) && p.key.value === 'created');
		item.items.splice(createdAt + 1, 0, doc.createPair('retired', today));
		retired.push(String(item.get('id')));
	}
	const rsa = doc.createNode({ kty: 'RSA', n: info.rsa.n, e: info.rsa.e }) as YAMLMap;
	rsa.flow = true;
	// A base64url modulus may start with "-": quoting keeps it text in every YAML reader.
	(rsa.get('n', true) as Scalar).type = 'QUOTE_DOUBLE';
	const entry = new YAMLMap();
	entry.add(doc.createPair('id', info.id));
	entry.add(doc.createPair('created', info.created));
	entry.add(doc.createPair('rsa', rsa));
	entry.add(doc.createPair('ed25519', info.ed25519));
	keys.add(entry);
	return retired;
}

function instructions(keysFile: string, replacesKey: boolean): string[] {
	return [
		'Et maintenant :',
		`  1. Enregistrez la ligne ci-dessus, entière, comme secret nommé ${SECRET_NAME} :`,
		`     - GitHub : Settings → Secrets and variables → Actions → New repository secret, nom ${SECRET_NAME} ;`,
		`     - GitLab : Settings → CI/CD → Variables → Add variable, clé ${SECRET_NAME}, cochez « Masked » (masquée) et « Protected ».`,
		...(replacesKey ? [`     Elle remplace l'ancienne valeur du secret. Les anciennes clés publiques restent publiées : les badges déjà signés restent vérifiables.`] : []),
		'     Ne la mettez jamais dans un fichier du dépôt, un ticket, un courriel ou une messagerie : qui la détient peut signer des badges en votre nom.',
		`  2. Commitez ${keysFile} (il ne contient que les clés publiques), puis relancez la publication.`,
		'',
		'What to do now:',
		`  1. Store the whole line above as a secret named ${SECRET_NAME}:`,
		`     - GitHub: Settings → Secrets and variables → Actions → New repository secret, name ${SECRET_NAME};`,
		`     - GitLab: Settings → CI/CD → Variables → Add variable, key ${SECRET_NAME}, tick "Masked" and "Protected".`,
		...(replacesKey ? ['     It replaces the secret\'s old value. The old public keys stay published, so badges already signed still verify.'] : []),
		'     Never commit it or paste it in an issue, an e-mail or a chat: whoever holds it can sign badges in your name.',
		`  2. Commit ${keysFile} (it holds public keys only), then publish again.`,
	];
}

async function list(root: string, env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
	const { keys, text } = await readKeysFile(root);
	if (text === undefined || keys.length === 0) {
		io.out(`Aucune clé publiée / no published key (${KEYS_FILE}): run \`npm run keys -- generate\` to create one.`);
	} else {
		io.out(`Clés publiées / published keys (${KEYS_FILE}):`);
		const width = Math.max(...keys.map((k) => k.id.length));
		for (const k of keys) {
			const status = k.retired ? `retirée le / retired on ${k.retired}` : 'en service / active';
			io.out(`  ${k.id.padEnd(width)}  créée / created ${k.created}  Ed25519 ${k.ed25519.slice(0, 12)}…  RSA ${rsaBits(k.rsa.n)} bits  ${status}`);
		}
	}
	const secret = env[SECRET_NAME];
	if (!secret?.trim()) return 0;
	// Says which published key the secret holds, without ever printing the secret.
	let info: PublicKeyInfo;
	try {
		info = parseSecret(secret).info;
	} catch (e) {
		if (!(e instanceof SecretFormatError)) throw e;
		throw new CommandError('ERR_SIGNING_KEY', `${SECRET_NAME} is set but not usable: ${e.message}`, {
			hint: 'copy the line printed by `npm run keys -- generate` again, or generate a new key',
		});
	}
	const match = keys.find((k) => samePublicKeys(k, info));
	if (!match) {
		throw new CommandError('ERR_SIGNING_KEY', `${SECRET_NAME} holds key "${info.id}", which is not published in ${KEYS_FILE}: nobody could verify its signatures`, {
			hint: 'commit the keys.yaml written by the same `npm run keys -- generate` run, or generate a new key',
		});
	}
	io.out(`${SECRET_NAME}: clé / key ${match.id}${match.retired ? ` — retirée / retired: replace the secret with the newest key` : ''}`);
	return 0;
}

const rsaBits = (n: string) => {
	const bytes = Buffer.from(n, 'base64url');
	return bytes.length ? (bytes.length - 1) * 8 + (32 - Math.clz32(bytes[0]!)) : 0;
};
