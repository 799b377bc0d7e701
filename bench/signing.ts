/**
 * Where the signing time of a build goes, measured on a sample of the site's own credentials,
 * single-threaded (one core), with the build's development key.
 *
 *   node bench/signing.ts --root CONTENT [--sample 500] [--rounds 3]
 *
 * For every sampled award the build makes three signatures (src/lib/publish/signed-award.ts): an
 * eddsa-rdfc-2022 Data Integrity proof of the OB 3.0 credential, and two RS256 signatures (the
 * OB 2.0 JWS and the VC-JWT). The Data Integrity proof canonicalises two documents, the proof
 * options and the credential, then hashes each and signs the two hashes with Ed25519. Each stage
 * is timed on its own, as one loop over the whole sample; after a warm-up round (JIT, jsonld.js's
 * resolved-context cache) the stages run in turn for --rounds rounds and each reports its median:
 *
 * - JSON-LD expansion: `jsonld.expand` of both documents, with the bundled offline loader;
 * - `jsonld.toRDF` of both (expansion included), and `jsonld.canonize` RDFC-1.0 of both
 *   (expansion, toRDF, blank-node labelling and N-Quads serialisation): canonicalisation is
 *   canonize minus expansion, split into toRDF and labelling + serialisation;
 * - hashing (SHA-256 of both N-Quads strings) and Ed25519 signing, node:crypto;
 * - the two RS256 signatures, node:crypto;
 * - the build's own `runJob` calls for the three jobs, end to end;
 * - for reference, Digital Bazaar's `vc.issue` with `@digitalbazaar/eddsa-rdfc-2022-cryptosuite`
 *   and the same Ed25519 key, per credential; its proofValue is compared with the build's.
 *
 * Prints a table, then one line `RESULT <json>` for bench/run.ts.
 */
import { createHash, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { loadSite } from '../src/lib/content/load-site.ts';
import { offlineDocumentLoader } from '../src/lib/jsonld/contexts.ts';
import { formatProblem, sortProblems } from '../src/lib/problems.ts';
import { prepareAward, type PreparedAward } from '../src/lib/publish/signed-award.ts';
import { CRYPTOSUITE } from '../src/lib/signing/data-integrity.ts';
import { resolveSigningKey } from '../src/lib/signing/resolve-key.ts';
import { runJob } from '../src/lib/signing/sign-jobs.ts';

const require = createRequire(import.meta.url);

export interface SigningBreakdown {
	/** Awards in the sample (one credential and three signatures each). */
	sample: number;
	/** CPU milliseconds of the (one) thread per award, median of the rounds. */
	perAward: {
		expand: number;
		toRdf: number;
		canonize: number;
		hashAndEd25519: number;
		rs256Two: number;
		runJobEddsa: number;
		runJobThree: number;
		vcIssue: number;
	};
	/** The same, in wall-clock milliseconds (higher when other processes take the core). */
	wallPerAward: SigningBreakdown['perAward'];
	/** Whether Digital Bazaar's proofValue equals the build's for every sampled credential. */
	vcIssueSameProof: boolean;
}

type Json = Record<string, unknown>;
/** In the order the stages are declared below. */
const STAGE_KEYS = ['expand', 'toRdf', 'canonize', 'hashAndEd25519', 'rs256Two', 'runJobEddsa', 'runJobThree', 'vcIssue'] as const;

export async function signingBreakdown(root: string, sampleSize: number, rounds: number, log: (line: string) => void = () => {}): Promise<SigningBreakdown> {
	const result = await loadSite(root);
	if (!result.site) {
		const errors = sortProblems(result.problems).filter((p) => p.severity === 'error');
		throw new Error(`content has errors:\n${errors.map(formatProblem).join('\n')}`);
	}
	const site = result.site;
	// The build's key: with no BLASON_SIGNING_KEY, the development key in <root>/.blason/.
	const { key } = await resolveSigningKey(root, site.keys, {});
	if (!key) throw new Error('no signing key');
	const keys = { rsa: key.rsa, ed25519: key.ed25519 };

	const n = Math.min(sampleSize, site.awards.length);
	const step = site.awards.length / n;
	const sample: PreparedAward[] = Array.from({ length: n }, (_, i) => prepareAward(site, site.awards[Math.floor(i * step)]!, key.info));
	// The two documents an eddsa-rdfc-2022 proof canonicalises (src/lib/signing/data-integrity.ts).
	const docsOf = (p: PreparedAward): [Json, Json] => [
		{
			'@context': p.credential['@context'],
			type: 'DataIntegrityProof',
			created: p.proofCreated,
			verificationMethod: p.verificationMethod,
			cryptosuite: CRYPTOSUITE,
			proofPurpose: 'assertionMethod',
		},
		p.credential as Json,
	];
	const documentLoader = offlineDocumentLoader();
	const opts = { documentLoader, safe: true } as const;

	// Every stage is run over the whole sample once to warm up (JIT, jsonld.js's context cache),
	// then `rounds` more times, the stages interleaved so that a slow spell of the machine does not
	// hit one stage only; each stage reports its median round.
	const stages: { label: string; f: (p: PreparedAward, i: number) => Promise<unknown> | unknown; ms: number[]; wall: number[] }[] = [];
	const stage = (label: string, f: (p: PreparedAward, i: number) => Promise<unknown> | unknown) => stages.push({ label, f, ms: [], wall: [] });

	stage('jsonld.expand (proof options + credential)', async (p) => {
		for (const d of docsOf(p)) await jsonld.expand(d, opts);
	});
	stage('jsonld.toRDF (expansion included)', async (p) => {
		for (const d of docsOf(p)) await (jsonld as unknown as { toRDF: (d: object, o: object) => Promise<unknown> }).toRDF(d, opts);
	});
	const canonical: [string, string][] = new Array(n);
	stage('jsonld.canonize RDFC-1.0 (expansion + toRDF included)', async (p, i) => {
		const [a, b] = docsOf(p);
		canonical[i] = [
			await jsonld.canonize(a, { ...opts, algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
			await jsonld.canonize(b, { ...opts, algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
		];
	});
	stage('SHA-256 of both N-Quads + Ed25519 signature', (_, i) => {
		const [a, b] = canonical[i]!;
		const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();
		return sign(null, Buffer.concat([sha(a), sha(b)]), keys.ed25519);
	});
	stage('RS256 × 2 (OB 2.0 JWS, VC-JWT)', (p) => {
		sign('sha256', Buffer.from(p.jwsInput), keys.rsa);
		sign('sha256', Buffer.from(p.jwtInput), keys.rsa);
	});
	const proofs: string[] = new Array(n);
	stage("runJob eddsa-rdfc-2022 (the build's call)", async (p, i) => {
		proofs[i] = await runJob(p.jobs[1], keys);
	});
	stage("runJob × 3 (the build's calls for one award)", async (p) => {
		for (const job of p.jobs) await runJob(job, keys);
	});

	// Digital Bazaar, as the issue measured it: vc.issue with the eddsa-rdfc-2022 cryptosuite.
	const vc = require('@digitalbazaar/vc') as { issue: (o: object) => Promise<{ proof: { proofValue: string } | { proofValue: string }[] }> };
	const { DataIntegrityProof } = require('@digitalbazaar/data-integrity') as { DataIntegrityProof: new (o: object) => object };
	const { cryptosuite } = require('@digitalbazaar/eddsa-rdfc-2022-cryptosuite') as { cryptosuite: object };
	const Ed25519Multikey = require('@digitalbazaar/ed25519-multikey') as { fromJwk: (o: object) => Promise<{ signer: () => object }> };
	const keyPair = await Ed25519Multikey.fromJwk({
		jwk: key.ed25519.export({ format: 'jwk' }),
		secretKey: true,
		id: sample[0]!.verificationMethod,
		controller: sample[0]!.verificationMethod.split('#')[0],
	});
	const signer = keyPair.signer();
	let sameProof = true;
	stage('Digital Bazaar vc.issue, eddsa-rdfc-2022 (reference)', async (p, i) => {
		const suite = new DataIntegrityProof({ signer, cryptosuite, date: p.proofCreated });
		const issued = await vc.issue({ credential: structuredClone(p.credential), suite, documentLoader, now: p.proofCreated });
		const proof = Array.isArray(issued.proof) ? issued.proof[0]! : issued.proof;
		if (proof.proofValue !== proofs[i]) sameProof = false;
	});

	log(`Signing breakdown: ${n} of ${site.awards.length} awards, one core, key "${key.info.id}", median of ${rounds} rounds after a warm-up round`);
	const threadCpu = () => {
		const u = process.threadCpuUsage();
		return (u.user + u.system) / 1000;
	};
	for (let round = 0; round <= rounds; round++) {
		for (const s of stages) {
			const t0 = performance.now();
			const c0 = threadCpu();
			for (let i = 0; i < n; i++) await s.f(sample[i]!, i);
			if (round > 0) {
				s.ms.push((threadCpu() - c0) / n);
				s.wall.push((performance.now() - t0) / n);
			}
		}
	}
	const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	log(`  ${'stage'.padEnd(58)} ${'CPU ms/award'.padStart(12)} ${'wall ms/award'.padStart(13)}  CPU of each round`);
	const [expand, toRdf, canonize, hashAndEd25519, rs256Two, runJobEddsa, runJobThree, vcIssue] = stages.map((s) => {
		const ms = med(s.ms);
		log(`  ${s.label.padEnd(58)} ${ms.toFixed(3).padStart(12)} ${med(s.wall).toFixed(3).padStart(13)}  ${s.ms.map((x) => x.toFixed(2)).join(', ')}`);
		return ms;
	}) as [number, number, number, number, number, number, number, number];
	const wall = Object.fromEntries(stages.map((s, i) => [STAGE_KEYS[i]!, med(s.wall)])) as SigningBreakdown['perAward'];
	log(`  Digital Bazaar's proofValue ${sameProof ? 'equals' : 'DIFFERS from'} the build's for every sampled credential`);
	return { sample: n, perAward: { expand, toRdf, canonize, hashAndEd25519, rs256Two, runJobEddsa, runJobThree, vcIssue }, wallPerAward: wall, vcIssueSameProof: sameProof };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opt = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const root = path.resolve(opt('--root') ?? '.');
	const r = await signingBreakdown(root, Number(opt('--sample') ?? 500), Number(opt('--rounds') ?? 3), (l) => console.log(l));
	console.log(`RESULT ${JSON.stringify(r)}`);
}
