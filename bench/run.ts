/**
 * npm run bench [-- --sizes 1000,10000] [--runs N] [--check-runs N] [--sample N] [--quiet-wait S] [--reuse]
 *
 * For each size: generates a synthetic content repository (bench/generate.ts), then measures
 * - `node scripts/check.ts` (median of --check-runs, default 3),
 * - where signing time goes, on a sample of the site's credentials, on one core (bench/signing.ts),
 * - a cold `node scripts/build.ts`, which signs every award on worker threads (output folder,
 *   Astro caches and the signature cache <content>/.blason/cache deleted first; the development
 *   signing key in <content>/.blason/ is kept),
 * - the signed floor `node bench/floor.ts`, which writes the same files without Astro, signing
 *   inline on one thread with no cache, and prints how long its signing took,
 * - then a rebuild after one new award: one award appended to one recipient file, built again
 *   into the cold build's folder with the caches it left (as a second `npm run build` does),
 *   then the file is put back byte for byte,
 * each as a child process: wall time, CPU time and peak RSS (GNU time's maximum resident set
 * size, plus /proc sampling of the whole process tree and of the signing threads). Prints Markdown
 * tables and writes them to bench/out/results.md (raw numbers in bench/out/results.json).
 *
 * Options:
 *   --sizes A,B     award counts to run (default 1000,10000); `--sizes 1000 10000` works too
 *   --runs N        runs of build, rebuild and floor per size; the median is reported (default 1)
 *   --check-runs N  runs of check per size (default 3)
 *   --sample N      credentials in the signing breakdown (default 500; 0 skips it)
 *   --rounds N      rounds of the signing breakdown after its warm-up (default 3)
 *   --quiet-wait S  before each measurement, wait up to S seconds for the other processes of the
 *                   machine to go quiet (default 60; 0 disables)
 *   --reuse         keep an already generated site of the same size instead of regenerating it
 *   --settle S      seconds to wait after deleting many files before measuring (default 35, see settle())
 *   --report FILE   measure nothing: re-render the tables from a results.json into the results.md beside it
 *   --weight        measure only the page weight of the demo site (bench/weight.ts), also done after the builds
 *
 * Generated content goes to bench/out/sites/<N>/ (its own Git repository), the last build and floor
 * outputs to bench/out/dist-<N>/ and bench/out/floor-<N>/; all of bench/out/ is git-ignored.
 * The build and the floor sign with the content's development key: BLASON_SIGNING_KEY is emptied
 * for the child processes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadSite } from '../src/lib/content/load-site.ts';
import { measureWeight, weightTable } from './weight.ts';
import { newAwardId } from '../src/lib/identity.ts';
import { resolveSigningKey } from '../src/lib/signing/resolve-key.ts';
import { paths } from '../src/lib/urls.ts';
import { generateSite, type GeneratedSite } from './generate.ts';
import type { SigningBreakdown } from './signing.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const benchOut = path.join(projectRoot, 'bench/out');
const node = process.execPath;
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));
const HAS_PROC = existsSync('/proc/self/status');

// ---------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
function option(name: string): string | undefined {
	const i = argv.indexOf(name);
	return i >= 0 ? argv[i + 1] : undefined;
}
function sizesOption(): number[] {
	const i = argv.indexOf('--sizes');
	if (i < 0) return [1000, 10000];
	const values: number[] = [];
	for (const a of argv.slice(i + 1)) {
		if (a.startsWith('--')) break;
		values.push(...a.split(',').filter(Boolean).map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000'))));
	}
	if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n < 1)) {
		console.error('--sizes expects award counts, e.g. --sizes 1000,10000');
		process.exit(2);
	}
	return values;
}
const sizes = sizesOption();
const runs = Number(option('--runs') ?? 1);
const checkRuns = Number(option('--check-runs') ?? 3);
const quietWait = Number(option('--quiet-wait') ?? 60);
const reuse = argv.includes('--reuse');
const settleSeconds = Number(option('--settle') ?? 35);
const sampleSize = Number(option('--sample') ?? 500);
const breakdownRounds = Number(option('--rounds') ?? 3);
if (!Number.isInteger(sampleSize) || sampleSize < 0) {
	console.error('--sample expects a number of credentials (0 skips the signing breakdown)');
	process.exit(2);
}
for (const [name, value] of [['--runs', runs], ['--check-runs', checkRuns], ['--rounds', breakdownRounds]] as const) {
	if (!Number.isInteger(value) || value < 1) {
		console.error(`${name} expects a whole number of runs, at least 1`);
		process.exit(2);
	}
}
/**
 * Where the measured runs write their sites. Not configurable: Astro moves its assets into the
 * output folder with rename(2), so a build to another file system (e.g. /dev/shm) fails with EXDEV.
 */
const runsDir = path.join(benchOut, 'runs');

// ---------------------------------------------------------------------------------------------
// Measuring a child process

interface Measure {
	label: string;
	exitCode: number | null;
	/** Wall time from spawn to exit, seconds. */
	wall: number;
	/** CPU time of the process and its children, seconds (GNU time; else /proc). */
	user?: number;
	sys?: number;
	/** Largest resident set of any single process of the tree, KiB (GNU time's "Maximum resident set size"). */
	maxRssKiB?: number;
	/** Largest sum of VmRSS over the whole process tree, sampled every 50 ms, KiB. */
	treePeakKiB?: number;
	/** Largest VmHWM seen for any process of the tree, KiB (exact peak, when sampled before exit). */
	hwmKiB?: number;
	/** Most processes seen at once in the tree (the child itself counts one). */
	processes: number;
	/** Names of the processes seen in the tree. */
	names: string[];
	/**
	 * The signing pool: threads Node names "WorkerThread" (src/lib/signing/sign-pool.ts), sampled
	 * from /proc. When they were first and last seen (seconds since spawn) and the CPU they used.
	 */
	workers?: { threads: number; first: number; last: number; cpu: number };
	/** Average CPU used by other processes of the machine during the run, in cores. */
	otherCores?: number;
	/** Stdout lines with their arrival time (seconds since spawn). */
	lines: { t: number; text: string }[];
	stderr: string;
}

function procChildren(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
			try {
				return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
			} catch {
				return [];
			}
		});
	} catch {
		return [];
	}
}

function procStatus(pid: number): { name: string; rss: number; hwm: number; utime: number; stime: number } | undefined {
	try {
		const s = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime, stime, cutime, cstime are fields 14–17 (1-based), i.e. 11–14 after the name.
		const ticks = (i: number) => Number(fields[i]) / 100;
		return { name: /^Name:\s+(.*)$/m.exec(s)?.[1] ?? '?', rss: kb('VmRSS'), hwm: kb('VmHWM'), utime: ticks(11) + ticks(13), stime: ticks(12) + ticks(14) };
	} catch {
		return undefined;
	}
}

/** Busy and total CPU seconds of the whole machine since boot (/proc/stat). */
function machineCpu(): { busy: number; total: number } | undefined {
	if (!HAS_PROC) return undefined;
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
	const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line;
	return { busy: (user + nice + system + irq + softirq + steal) / 100, total: (user + nice + system + idle + iowait + irq + softirq + steal) / 100 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until other processes use less than 0.25 core for 3 s in a row (at most `seconds`). */
async function waitForQuiet(seconds: number): Promise<void> {
	if (!HAS_PROC || seconds <= 0) return;
	const deadline = Date.now() + seconds * 1000;
	let quiet = 0;
	let warned = false;
	while (Date.now() < deadline) {
		const a = machineCpu()!;
		await sleep(1000);
		const b = machineCpu()!;
		const cores = (b.busy - a.busy) / ((b.total - a.total) / cpus().length);
		if (cores < 0.25) {
			if (++quiet >= 3) return;
		} else {
			quiet = 0;
			if (!warned) {
				process.stdout.write(`    (waiting for the machine to go quiet: ${cores.toFixed(2)} cores busy elsewhere)\n`);
				warned = true;
			}
		}
	}
	process.stdout.write(`    (the machine did not go quiet within ${seconds} s: measuring anyway, see "other load")\n`);
}

/**
 * ext4 is slow to create files for a while after many files were deleted (inode allocation skips
 * recently deleted inodes: seen here as 3–10× more system time for the same build). So the
 * benchmark deletes nothing while it measures, and waits `--settle` seconds (default 35) after the
 * last mass deletion. Before each measurement, `sync` so that the previous run's writeback does
 * not overlap this one.
 */
let lastDeletion: number | undefined;
async function settle(): Promise<void> {
	try {
		execFileSync('sync');
	} catch {
		// no sync(1): nothing to flush explicitly
	}
	if (lastDeletion === undefined) return;
	const wait = lastDeletion + settleSeconds * 1000 - Date.now();
	if (wait > 0) {
		process.stdout.write(`    (letting the file system settle after deleting files: ${Math.ceil(wait / 1000)} s)\n`);
		await sleep(wait);
	}
	lastDeletion = undefined;
}

/** Removes what earlier benchmark runs wrote (outputs only; the generated sites stay). */
function removeOutputs(): void {
	if (existsSync(runsDir)) {
		rmSync(runsDir, { recursive: true, force: true });
		lastDeletion = Date.now();
	}
	if (!existsSync(benchOut)) return;
	for (const name of readdirSync(benchOut)) {
		if (name === 'runs' || /^(dist|floor)-\d+(\.partial|\.old)?$/.test(name)) {
			rmSync(path.join(benchOut, name), { recursive: true, force: true });
			lastDeletion = Date.now();
		}
	}
}

async function measure(label: string, args: string[], echo: (line: string) => boolean = () => false): Promise<Measure> {
	await settle();
	await waitForQuiet(quietWait);
	const timeFile = path.join(benchOut, `.time-${process.pid}.txt`);
	const [cmd, cmdArgs] = GNU_TIME ? [GNU_TIME, ['-v', '-o', timeFile, node, ...args]] : [node, args];
	const cpuBefore = machineCpu();
	const started = performance.now();
	const child = spawn(cmd, cmdArgs, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', BLASON_SIGNING_KEY: '' } });
	const m: Measure = { label, exitCode: null, wall: 0, processes: 0, names: [], lines: [], stderr: '' };
	let pending = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		const t = (performance.now() - started) / 1000;
		pending += chunk;
		const parts = pending.split('\n');
		pending = parts.pop()!;
		for (const text of parts) {
			m.lines.push({ t, text });
			if (echo(text)) process.stdout.write(`      ${text.trim()}\n`);
		}
	});
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => (m.stderr += chunk));

	let lastSelf: ReturnType<typeof procStatus>;
	const workerCpu = new Map<string, number>();
	const sampleWorkers = (pid: number, t: number) => {
		let tids: string[];
		try {
			tids = readdirSync(`/proc/${pid}/task`);
		} catch {
			return;
		}
		for (const tid of tids) {
			try {
				if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() !== 'WorkerThread') continue;
				const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				workerCpu.set(`${pid}/${tid}`, (Number(fields[11]) + Number(fields[12])) / 100);
				m.workers ??= { threads: 0, first: t, last: t, cpu: 0 };
				m.workers.last = t;
			} catch {
				// the thread has just exited
			}
		}
		if (m.workers) {
			m.workers.threads = workerCpu.size;
			m.workers.cpu = [...workerCpu.values()].reduce((a, b) => a + b, 0);
		}
	};
	const sample = () => {
		if (!HAS_PROC || child.pid === undefined) return;
		const seen: number[] = [];
		const walk = (pid: number) => {
			seen.push(pid);
			for (const c of procChildren(pid)) walk(c);
		};
		walk(child.pid);
		let sum = 0;
		let procs = 0;
		const t = (performance.now() - started) / 1000;
		for (const pid of seen) {
			const s = procStatus(pid);
			if (!s || s.name === 'time') continue;
			if (s.name === 'MainThread' || s.name === 'node') sampleWorkers(pid, t);
			procs++;
			sum += s.rss;
			const name = s.name === 'MainThread' ? 'node' : s.name; // Node names its main thread
			if (!m.names.includes(name)) m.names.push(name);
			m.hwmKiB = Math.max(m.hwmKiB ?? 0, s.hwm);
			if (!GNU_TIME && pid === child.pid) lastSelf = s;
		}
		m.treePeakKiB = Math.max(m.treePeakKiB ?? 0, sum);
		m.processes = Math.max(m.processes, procs);
	};
	const timer = setInterval(sample, 50);
	sample();
	m.exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
	m.wall = (performance.now() - started) / 1000;
	clearInterval(timer);
	if (pending) m.lines.push({ t: m.wall, text: pending });
	const cpuAfter = machineCpu();

	if (GNU_TIME && existsSync(timeFile)) {
		const out = readFileSync(timeFile, 'utf8');
		rmSync(timeFile, { force: true });
		const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
		m.user = num(/User time \(seconds\): ([\d.]+)/);
		m.sys = num(/System time \(seconds\): ([\d.]+)/);
		m.maxRssKiB = num(/Maximum resident set size \(kbytes\): (\d+)/);
	} else if (lastSelf) {
		m.user = lastSelf.utime;
		m.sys = lastSelf.stime;
		m.maxRssKiB = m.hwmKiB ?? 0;
	}
	if (cpuBefore && cpuAfter && m.user !== undefined && m.sys !== undefined) {
		const busy = cpuAfter.busy - cpuBefore.busy;
		m.otherCores = Math.max(0, (busy - m.user - m.sys) / m.wall);
	}
	if (m.exitCode !== 0) {
		// Thrown, not process.exit(): the rebuild's `finally` must put the recipient file back.
		throw new Error(`✗ ${label} failed (exit code ${m.exitCode}):\n${m.lines.map((l) => l.text).join('\n')}\n${m.stderr}`);
	}
	return m;
}

/** The peak memory of a run: the larger of GNU time's maximum RSS and the sampled tree sum. */
const peakKiB = (m: Measure) => Math.max(m.maxRssKiB ?? 0, m.treePeakKiB ?? 0, m.hwmKiB ?? 0);

// ---------------------------------------------------------------------------------------------
// Output folders

function treeSize(dir: string): { files: number; bytes: number; diskBytes: number } {
	let files = 0;
	let bytes = 0;
	let diskBytes = 0;
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!e.isFile()) continue;
		const s = statSync(path.join(e.parentPath, e.name));
		files++;
		bytes += s.size;
		diskBytes += s.blocks * 512;
	}
	return { files, bytes, diskBytes };
}

const listTree = (dir: string) =>
	readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();

/**
 * The floor must write what the build writes: same paths (the Astro stylesheet aside), and the same
 * bytes for every file that is not HTML (sampled: every site-wide file and 200 awards' JSON, JWS,
 * VC-JWT and baked image): signatures are deterministic, so signed files must match too.
 */
function compareOutputs(build: string, floor: string): { samePaths: boolean; missing: string[]; extra: string[]; compared: number; differing: string[] } {
	const a = listTree(build).filter((f) => !f.startsWith('_astro/'));
	const b = listTree(floor).filter((f) => !f.startsWith('_astro/'));
	const inB = new Set(b);
	const inA = new Set(a);
	const missing = a.filter((f) => !inB.has(f));
	const extra = b.filter((f) => !inA.has(f));
	const awardDirs = [...new Set(a.filter((f) => f.startsWith('awards/')).map((f) => f.split('/')[1]!))];
	const step = Math.max(1, Math.floor(awardDirs.length / 200));
	const sampled = new Set(awardDirs.filter((_, i) => i % step === 0));
	const toCompare = a.filter(
		(f) => !f.endsWith('.html') && inB.has(f) && (!f.startsWith('awards/') || sampled.has(f.split('/')[1]!)),
	);
	const differing = toCompare.filter((f) => !readFileSync(path.join(build, f)).equals(readFileSync(path.join(floor, f))));
	return { samePaths: missing.length === 0 && extra.length === 0, missing, extra, compared: toCompare.length, differing };
}

function clearAstroCaches(): string[] {
	const removed: string[] = [];
	const rm = (p: string) => {
		if (existsSync(p)) {
			rmSync(p, { recursive: true, force: true });
			removed.push(path.relative(projectRoot, p));
		}
	};
	rm(path.join(projectRoot, 'node_modules/.astro')); // Astro's cacheDir (content layer, incremental build data)
	rm(path.join(projectRoot, 'node_modules/.vite/deps')); // Vite's dependency pre-bundling cache
	// .astro/ holds generated types and data (regenerated by every build) and two preference files
	// (settings.json, dev.json) that are not caches: keep those.
	const dotAstro = path.join(projectRoot, '.astro');
	if (existsSync(dotAstro)) for (const f of readdirSync(dotAstro)) if (!['settings.json', 'dev.json'].includes(f)) rm(path.join(dotAstro, f));
	return removed;
}

// ---------------------------------------------------------------------------------------------
// The benchmark

interface Phase {
	name: string;
	seconds: number;
}

interface Signatures {
	made: number;
	cached: number;
}

/** The award added to one recipient file for the rebuild measurement. */
interface NewAward {
	id: string;
	file: string;
	badge: string;
	issuedOn: string;
}

interface SizeResult {
	awards: number;
	site: Omit<GeneratedSite, 'root'> & { generateSeconds: number };
	check: Measure[];
	/** Cold builds: output folder, Astro caches and the signature cache removed first. */
	build: Measure[];
	/** After each cold build: one award added, built again with the warm caches. */
	rebuild: Measure[];
	floor: Measure[];
	/** Bare signing inside each floor run (sum of its runJob durations), seconds. */
	floorSigning: number[];
	floorSignatures: number;
	breakdown?: SigningBreakdown;
	breakdownMeasure?: Measure;
	/** `signatures: N made, M from the cache`, as printed by the (fastest) cold build and rebuild. */
	signatures: { cold?: Signatures; rebuild?: Signatures };
	newAward: NewAward & { published: boolean };
	output: { files: number; bytes: number; diskBytes: number };
	floorOutput: { files: number; bytes: number; diskBytes: number };
	comparison: ReturnType<typeof compareOutputs>;
	/** Blason's own summary line of the (fastest) build. */
	summary?: string;
	timeline: Phase[];
	rebuildTimeline: Phase[];
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fastestRun = (ms: Measure[]) => ms.reduce((best, m) => (m.wall < best.wall ? m : best));

const signaturesOf = (m: Measure): Signatures | undefined => {
	const line = m.lines.find((l) => /signatures: \d+ made/.test(l.text));
	const match = line && /signatures: (\d+) made, (\d+) from the cache/.exec(line.text);
	return match ? { made: Number(match[1]), cached: Number(match[2]) } : undefined;
};

const SIGNING_NAME = 'in parallel: signing on worker threads';

/** Where the build's time goes, from the arrival times of its progress lines. */
function buildTimeline(m: Measure): Phase[] {
	const at = (re: RegExp) => m.lines.find((l) => re.test(l.text))?.t;
	const tCheck = at(/^\[1\/3\]/);
	const tGenerate = at(/^\[2\/3\]/);
	const tSigned = at(/^\s*signatures: \d+ made/);
	const tPublish = at(/^\[3\/3\]/);
	const tDone = at(/^✓/);
	const phases: Phase[] = [];
	if (tCheck !== undefined) phases.push({ name: 'Node start-up, TypeScript stripping, importing Astro and Vite', seconds: tCheck });
	if (tCheck !== undefined && tGenerate !== undefined) {
		// The lines that follow [1/3]: the content's counts, the signing key, the Git history.
		const tLoaded = at(/^\s+\d+ badges, \d+ recipients/);
		const tKey = at(/DEVELOPMENT KEY|signed with key/);
		if (tLoaded !== undefined && tKey !== undefined && at(/^\s+history: |no Git history/) !== undefined) {
			phases.push({ name: 'content check (loadSite, as `npm run check`)', seconds: tLoaded - tCheck });
			phases.push({ name: 'signing key', seconds: tKey - tLoaded });
			phases.push({ name: 'audit trail from Git (readHistory)', seconds: tGenerate - tKey });
		} else phases.push({ name: 'content check (loadSite, as `npm run check`), signing key', seconds: tGenerate - tCheck });
	}
	if (tGenerate === undefined || tSigned === undefined || tPublish === undefined) return phases;
	// Progress lines come every 10 % of a phase: a phase starts about one step before its first line.
	const span = (name: string) => {
		const ts = m.lines.filter((l) => l.text.includes(`… ${name}: `)).map((l) => l.t);
		if (ts.length === 0) return undefined;
		const step = ts.length > 1 ? (ts.at(-1)! - ts[0]!) / (ts.length - 1) : 0;
		return { start: ts[0]! - step, end: ts.at(-1)! };
	};
	const pages = span('pages');
	if (pages) {
		const start = Math.max(tGenerate, pages.start);
		phases.push({ name: 'Astro: config, Vite bundle of the pages, getStaticPaths', seconds: start - tGenerate });
		phases.push({ name: 'Astro: rendering and writing every award page', seconds: pages.end - start });
		phases.push({ name: 'Astro: other pages, end of build; then waiting for the last signatures', seconds: tSigned - pages.end });
	} else phases.push({ name: 'Astro build, waiting for the signatures', seconds: tSigned - tGenerate });
	const files = span('award files');
	const filesEnd = files?.end ?? tPublish;
	phases.push({ name: 'writing the award files (assertion, JWS, credential, VC-JWT, baked image) and site files', seconds: filesEnd - tSigned });
	if (tDone !== undefined) {
		phases.push({ name: 'swap into place, measure the output', seconds: tDone - filesEnd });
		phases.push({ name: 'process exit', seconds: m.wall - tDone });
	}
	if (m.workers) phases.push({ name: SIGNING_NAME, seconds: m.workers.last - m.workers.first });
	return phases;
}

type SiteInfo = SizeResult['site'];

function prepareSite(awards: number): SiteInfo {
	const root = path.join(benchOut, 'sites', String(awards));
	const stamp = path.join(benchOut, 'sites', `${awards}.json`);
	if (reuse && existsSync(stamp) && existsSync(path.join(root, 'issuer.yaml'))) {
		console.log(`  ${awards} awards: reusing ${path.relative(projectRoot, root)}`);
		return JSON.parse(readFileSync(stamp, 'utf8'));
	}
	const t0 = performance.now();
	const { root: _root, ...g } = generateSite(root, awards);
	const site = { ...g, generateSeconds: (performance.now() - t0) / 1000 };
	writeFileSync(stamp, JSON.stringify(site, null, 2));
	lastDeletion = Date.now();
	console.log(`  ${awards} awards: ${site.recipients} recipients, ${site.badges} badges, ${site.files} files, ${mib(site.contentBytes)} generated in ${site.generateSeconds.toFixed(1)} s`);
	return site;
}

/**
 * Chooses the award that the rebuild adds: a fresh id from `newAwardId` (no shared status-list
 * bit), a badge the recipient does not have yet, dated today (so, like a real new award, it is the
 * newest and the status list's validFrom moves too). The first recipient file, in name order.
 */
async function chooseNewAward(root: string): Promise<NewAward> {
	const loaded = await loadSite(root);
	if (!loaded.site) throw new Error('the generated content does not load');
	const { site } = loaded;
	// The recipient file that sorts first, and a badge its recipient does not have yet.
	const first = [...site.awards].sort((a, b) => a.file.localeCompare(b.file))[0]!;
	const has = new Set(site.awards.filter((a) => a.recipient === first.recipient).map((a) => a.badge));
	const badge = [...site.badges.keys()].sort().find((b) => !has.has(b))!;
	return { id: newAwardId(site.awards.map((a) => a.id)), file: first.file, badge, issuedOn: new Date().toISOString().slice(0, 10) };
}

/** Appends `award` to its recipient file; returns a function that puts the file back byte for byte. */
function addAward(root: string, award: NewAward): () => void {
	const file = path.join(root, award.file);
	const original = readFileSync(file);
	const text = original.toString('utf8');
	if (!/\nawards:\n/.test(text) || !text.endsWith('\n')) throw new Error(`${award.file}: expected a final "awards:" list`);
	writeFileSync(file, `${text}  - id: ${award.id}\n    badge: ${award.badge}\n    issuedOn: ${award.issuedOn}\n`);
	return () => writeFileSync(file, original);
}

async function runSize(awards: number, site: SiteInfo): Promise<SizeResult> {
	const root = path.join(benchOut, 'sites', String(awards));
	const runDir = path.join(runsDir, String(awards));
	console.log(`\n## ${awards.toLocaleString('en')} awards`);
	// The development key that the build, the floor and the breakdown all sign with (created once).
	const { key } = await resolveSigningKey(root, [], {});
	if (!key) throw new Error('no development key');
	const cacheDir = path.join(root, '.blason', 'cache');

	const check: Measure[] = [];
	for (let i = 0; i < checkRuns; i++) {
		const m = await measure('check', ['scripts/check.ts', '--root', root]);
		if (!m.lines.some((l) => l.text.startsWith('✓'))) throw new Error(`check did not accept the content:\n${m.lines.map((l) => l.text).join('\n')}`);
		if (m.lines.some((l) => /\bwarning\b|WARN_/.test(l.text))) console.log('  note: check reported warnings');
		check.push(m);
		console.log(`  check ${i + 1}/${checkRuns}: ${fmtMeasure(m)}`);
	}

	let breakdown: SigningBreakdown | undefined;
	let breakdownMeasure: Measure | undefined;
	if (sampleSize > 0) {
		const n = Math.min(sampleSize, awards);
		console.log(`  signing breakdown on ${n} credentials (one core, ${breakdownRounds} rounds after a warm-up)`);
		breakdownMeasure = await measure('signing breakdown', ['bench/signing.ts', '--root', root, '--sample', String(n), '--rounds', String(breakdownRounds)], (l) => /^\s+\S/.test(l));
		const line = breakdownMeasure.lines.find((l) => l.text.startsWith('RESULT '));
		if (!line) throw new Error('bench/signing.ts printed no RESULT line');
		breakdown = JSON.parse(line.text.slice('RESULT '.length)) as SigningBreakdown;
	}

	const newAward = await chooseNewAward(root);
	const build: Measure[] = [];
	const rebuild: Measure[] = [];
	const floor: Measure[] = [];
	const floorSigning: number[] = [];
	let floorSignatures = 0;
	let published = true;
	// Every run writes to a new folder and nothing is deleted until the end (see settle()).
	let distDir = '';
	let floorDir = '';
	let output!: ReturnType<typeof treeSize>;
	let floorOutput!: ReturnType<typeof treeSize>;
	let comparison!: ReturnType<typeof compareOutputs>;
	for (let i = 1; i <= runs; i++) {
		distDir = path.join(runDir, `build-${i}`);
		floorDir = path.join(runDir, `floor-${i}`);
		// Astro's caches are shared with anyone building in this checkout (npm test): delete them
		// only once the machine is quiet, right before measuring.
		await waitForQuiet(quietWait);
		const removed = clearAstroCaches();
		// The signature cache goes too (one file); the development key stays.
		if (existsSync(cacheDir)) {
			rmSync(cacheDir, { recursive: true, force: true });
			removed.push(path.relative(projectRoot, cacheDir));
		}
		console.log(`  build ${i}/${runs} (cold: new output folder; removed ${removed.join(', ') || 'no cache'})`);
		const b = await measure('build', ['scripts/build.ts', '--root', root, '--out', distDir], (l) => /^\[|100 %|^✓|signatures:/.test(l));
		build.push(b);
		console.log(`  build ${i}/${runs}: ${fmtMeasure(b)}`);

		// The floor runs before the rebuild, which changes the cold build's folder: the outputs are
		// compared while they hold the same content.
		const f = await measure('floor', ['bench/floor.ts', '--root', root, '--out', floorDir], (l) => /bare signing/.test(l));
		const signing = /bare signing: ([\d.]+) s in (\d+) runJob calls/.exec(f.lines.map((l) => l.text).join('\n'));
		if (!signing) throw new Error('bench/floor.ts printed no "bare signing" line');
		floorSigning.push(Number(signing[1]));
		floorSignatures = Number(signing[2]);
		floor.push(f);
		console.log(`  floor ${i}/${runs}: ${fmtMeasure(f)}`);
		output = treeSize(distDir);
		floorOutput = treeSize(floorDir);
		comparison = compareOutputs(distDir, floorDir);

		const restore = addAward(root, newAward);
		let r: Measure;
		try {
			console.log(`  rebuild ${i}/${runs} after one new award (${newAward.id} in ${newAward.file}; warm caches, into the cold build's folder, as a second npm run build does)`);
			r = await measure('rebuild', ['scripts/build.ts', '--root', root, '--out', distDir], (l) => /^\[|100 %|^✓|signatures:/.test(l));
		} finally {
			restore();
		}
		published &&= existsSync(path.join(distDir, paths.credential(newAward.id)));
		rebuild.push(r);
		console.log(`  rebuild ${i}/${runs}: ${fmtMeasure(r)}`);
	}

	console.log(
		`  output: ${output.files} files, ${mb(output.bytes)} (${kib(output.bytes / awards)} per award); floor ${floorOutput.files} files, ${mb(floorOutput.bytes)}; ` +
			`paths ${comparison.samePaths ? 'identical' : `DIFFER (${comparison.missing.length} missing, ${comparison.extra.length} extra)`}, ` +
			`${comparison.compared - comparison.differing.length}/${comparison.compared} JSON/JWS/JWT/image files byte-identical`,
	);
	// The fastest run of each kind is the least disturbed by other processes (see markdown()).
	const b = fastestRun(build);
	const rb = fastestRun(rebuild);
	return {
		awards,
		site,
		check,
		build,
		rebuild,
		floor,
		floorSigning,
		floorSignatures,
		...(breakdown ? { breakdown } : {}),
		...(breakdownMeasure ? { breakdownMeasure } : {}),
		signatures: { ...(signaturesOf(b) ? { cold: signaturesOf(b)! } : {}), ...(signaturesOf(rb) ? { rebuild: signaturesOf(rb)! } : {}) },
		newAward: { ...newAward, published },
		output,
		floorOutput,
		comparison,
		...(b.lines.findLast((l) => l.text.startsWith('✓')) ? { summary: b.lines.findLast((l) => l.text.startsWith('✓'))!.text.replace(/ → .*$/, '') } : {}),
		timeline: buildTimeline(b),
		rebuildTimeline: buildTimeline(rb),
	};
}

// ---------------------------------------------------------------------------------------------
// Formatting

const KiB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const mb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`);
const memory = (k: number) => (k * KiB >= GiB ? `${((k * KiB) / GiB).toFixed(2)} GiB` : `${((k * KiB) / MiB).toFixed(0)} MiB`);
const secs = (s: number) => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
const msec = (ms: number) => `${ms.toFixed(2)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const threads = (k: number) => `${k} signing thread${k === 1 ? '' : 's'}`;
const fmtMeasure = (m: Measure) =>
	`${secs(m.wall)} wall, ${m.user !== undefined ? `CPU ${secs(m.user)} user + ${secs(m.sys ?? 0)} sys, ` : ''}peak RSS ${memory(peakKiB(m))}` +
	`${m.processes > 1 ? ` (up to ${m.processes} processes: ${m.names.join(', ')})` : ''}` +
	`${m.workers ? `, ${threads(m.workers.threads)} ${m.workers.first.toFixed(1)}–${m.workers.last.toFixed(1)} s (${secs(m.workers.cpu)} CPU)` : ''}` +
	`${m.otherCores !== undefined && m.otherCores >= 0.2 ? `, other load ${m.otherCores.toFixed(1)} cores` : ''}`;

const TARGET_SIZE = 10000;
const TARGETS = {
	checkSeconds: 3,
	signedBuildOverFloor: 1.5,
	rebuildOverCold: 0.1,
	rssBytes: 1.5 * GiB,
	outputBytes: 1e9,
};

interface ReportMeta {
	runs: number;
	checkRuns: number;
	rounds: number;
}

function markdown(results: SizeResult[], machine: string[], { runs, checkRuns, rounds }: ReportMeta): string {
	const out: string[] = [];
	const med = (ms: Measure[]) => median(ms.map((m) => m.wall));
	const cpu = (m: Measure) => (m.user ?? NaN) + (m.sys ?? NaN);
	const medCpu = (ms: Measure[]) => median(ms.map(cpu));
	const maxPeak = (ms: Measure[]) => Math.max(...ms.map(peakKiB));
	const sig = (s?: Signatures) => (s ? `${s.made.toLocaleString('en')} made, ${s.cached.toLocaleString('en')} cached` : '?');
	const n = (x: number) => x.toLocaleString('en');
	const floorOf = (r: SizeResult) => ({ wall: med(r.floor), signing: median(r.floorSigning) });
	const best = (ms: Measure[]) => fastestRun(ms).wall;
	const bestFloor = (r: SizeResult) => {
		const i = r.floor.indexOf(fastestRun(r.floor));
		return { wall: r.floor[i]!.wall, signing: r.floorSigning[i]! };
	};

	out.push('Cold signed build against the signed floor (plain-Node floor + bare signing, single-threaded), medians:');
	out.push('');
	out.push('| Awards | cold `build` | build CPU | build peak RSS | signatures | floor | = plain part | + bare signing | floor CPU | floor peak RSS | build / floor |');
	out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		const f = floorOf(r);
		out.push(
			`| ${n(r.awards)} | ${secs(med(r.build))} | ${secs(medCpu(r.build))} | ${memory(maxPeak(r.build))} | ${sig(r.signatures.cold)} | ` +
				`${secs(f.wall)} | ${secs(f.wall - f.signing)} | ${secs(f.signing)} | ${secs(medCpu(r.floor))} | ${memory(maxPeak(r.floor))} | ` +
				`**${(med(r.build) / f.wall).toFixed(2)}×** (CPU ${(medCpu(r.build) / medCpu(r.floor)).toFixed(2)}×) |`,
		);
	}
	out.push('');
	out.push('Rebuild after one new award (added to one recipient file; built into the cold build’s folder with the caches it left), medians:');
	out.push('');
	out.push('| Awards | rebuild | rebuild CPU | rebuild peak RSS | signatures | rebuild / cold build |');
	out.push('|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		out.push(`| ${n(r.awards)} | ${secs(med(r.rebuild))} | ${secs(medCpu(r.rebuild))} | ${memory(maxPeak(r.rebuild))} | ${sig(r.signatures.rebuild)} | **${pct(med(r.rebuild) / med(r.build))}** |`);
	}
	out.push('');
	out.push('Fastest run of each kind (other processes only ever add time, so these are the least disturbed):');
	out.push('');
	out.push('| Awards | cold `build` | rebuild | floor | = plain part | + bare signing | build / floor | rebuild / cold build |');
	out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		const f = bestFloor(r);
		out.push(
			`| ${n(r.awards)} | ${secs(best(r.build))} | ${secs(best(r.rebuild))} | ${secs(f.wall)} | ${secs(f.wall - f.signing)} | ${secs(f.signing)} | **${(best(r.build) / f.wall).toFixed(2)}×** | **${pct(best(r.rebuild) / best(r.build))}** |`,
		);
	}
	out.push('');
	out.push('Check and output:');
	out.push('');
	out.push('| Awards | `check` | check peak RSS | output | per award | files |');
	out.push('|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		out.push(`| ${n(r.awards)} | ${secs(med(r.check))} | ${memory(maxPeak(r.check))} | ${mb(r.output.bytes)} | ${kib(r.output.bytes / r.awards)} | ${n(r.output.files)} |`);
	}
	out.push('');
	out.push(
		`Medians of ${runs} run${runs > 1 ? 's' : ''} of build, rebuild and floor, ${checkRuns} of check. ` +
			'CPU is user + system time of the whole process tree. Peak RSS is the largest over the runs of GNU time\'s maximum resident set size and of the sampled sum over the process tree. ' +
			'The floor\'s bare signing is the sum of the durations of its `runJob` calls; its plain part is the rest of its wall time. ' +
			'Output is the apparent size of every file of the built site (1 MB = 10⁶ bytes).',
	);

	const target = results.find((r) => r.awards === TARGET_SIZE) ?? results.at(-1)!;
	const at = n(target.awards);
	const f = bestFloor(target);
	const ratio = best(target.build) / f.wall;
	const rebuildRatio = best(target.rebuild) / best(target.build);
	const rss = Math.max(maxPeak(target.check), maxPeak(target.build), maxPeak(target.rebuild)) * KiB;
	const b = fastestRun(target.build);
	const cores = cpu(b) / b.wall;
	const checkS = med(target.check);
	const ok = (yes: boolean) => (yes ? '✅ met' : '❌ missed');
	out.push('');
	out.push(`| Target (at ${at} awards${target.awards === TARGET_SIZE ? '' : `; the targets are set for ${n(TARGET_SIZE)}`}; times of the fastest runs) | Measured | |`);
	out.push('|---|---|---|');
	out.push(
		`| cold signed \`build\` ≤ ${TARGETS.signedBuildOverFloor}× the signed floor | **${ratio.toFixed(2)}×** (${secs(best(target.build))} vs ${secs(f.wall)} = ${secs(f.wall - f.signing)} plain + ${secs(f.signing)} bare signing); medians ${(med(target.build) / floorOf(target).wall).toFixed(2)}× | ${ok(ratio <= TARGETS.signedBuildOverFloor)} |`,
	);
	out.push(
		`| … using both cores (worker threads) | ${b.workers ? `${threads(b.workers.threads)}, ${secs(b.workers.cpu)} of CPU between ${secs(b.workers.first)} and ${secs(b.workers.last)}; ` : ''}the whole build ${secs(cpu(b))} CPU in ${secs(b.wall)}: ${cores.toFixed(2)} cores on average | ${ok((b.workers?.threads ?? 0) >= Math.min(2, cpus().length) && cores > 1)} |`,
	);
	out.push(
		`| rebuild after one new award ≤ ${TARGETS.rebuildOverCold * 100} % of a cold build | **${pct(rebuildRatio)}** (${secs(best(target.rebuild))} vs ${secs(best(target.build))}; signatures ${sig(target.signatures.rebuild)}); medians ${pct(med(target.rebuild) / med(target.build))} | ${ok(rebuildRatio <= TARGETS.rebuildOverCold)} |`,
	);
	out.push(`| \`check\` < ${TARGETS.checkSeconds} s | ${secs(checkS)} (median; fastest ${secs(best(target.check))}) | ${ok(checkS < TARGETS.checkSeconds)} |`);
	out.push(`| peak RSS < 1.5 GiB | build ${memory(maxPeak(target.build))}, rebuild ${memory(maxPeak(target.rebuild))}, check ${memory(maxPeak(target.check))} | ${ok(rss < TARGETS.rssBytes)} |`);
	out.push(`| output < 1 GB | ${mb(target.output.bytes)} (${kib(target.output.bytes / target.awards)} per award; ${mb(target.output.diskBytes)} on disk) | ${ok(target.output.bytes < TARGETS.outputBytes)} |`);

	const timelineTable = (title: string, pick: (r: SizeResult) => Phase[], total: (r: SizeResult) => Measure) => {
		out.push('');
		out.push(title);
		out.push('');
		out.push(`| Phase | ${results.map((r) => n(r.awards)).join(' | ')} |`);
		out.push(`|---|${results.map(() => '---:').join('|')}|`);
		const names = [...new Set(results.flatMap((r) => pick(r).map((p) => p.name)))].sort((a, c) => Number(a === SIGNING_NAME) - Number(c === SIGNING_NAME));
		for (const name of names) {
			if (name === SIGNING_NAME) out.push(`| **total (wall)** | ${results.map((r) => `**${secs(total(r).wall)}**`).join(' | ')} |`);
			out.push(
				`| ${name} | ${results
					.map((r) => {
						const p = pick(r).find((x) => x.name === name);
						const w = total(r).workers;
						if (!p) return '–';
						return name === SIGNING_NAME && w ? `${secs(w.first)} → ${secs(w.last)} (${threads(w.threads)}, ${secs(w.cpu)} CPU)` : secs(p.seconds);
					})
					.join(' | ')} |`,
			);
		}
		if (!names.includes(SIGNING_NAME)) out.push(`| **total (wall)** | ${results.map((r) => `**${secs(total(r).wall)}**`).join(' | ')} |`);
	};
	timelineTable("Where the cold build's time goes (fastest run; from the arrival times of its progress lines, the signing threads from /proc):", (r) => r.timeline, (r) => fastestRun(r.build));
	timelineTable("Where the rebuild's time goes (fastest run):", (r) => r.rebuildTimeline, (r) => fastestRun(r.rebuild));

	const withBreakdown = results.filter((r) => r.breakdown);
	if (withBreakdown.length) {
		out.push('');
		out.push(
			`Where the signing time goes, per award, on one core (\`bench/signing.ts\`: CPU time of the thread, median of ${rounds} rounds over ${withBreakdown.map((r) => `${n(r.breakdown!.sample)}`).join(' and ')} of the same credentials):`,
		);
		out.push('');
		out.push(`| Stage (per award: one credential, three signatures) | ${withBreakdown.map((r) => n(r.awards)).join(' | ')} |`);
		out.push(`|---|${withBreakdown.map(() => '---:').join('|')}|`);
		const row = (label: string, v: (p: SigningBreakdown['perAward']) => number) =>
			out.push(`| ${label} | ${withBreakdown.map((r) => msec(v(r.breakdown!.perAward))).join(' | ')} |`);
		row('JSON-LD expansion (`jsonld.expand` of the proof options and the credential)', (p) => p.expand);
		row('canonicalisation minus expansion (`jsonld.canonize` RDFC-1.0 − expand), of which:', (p) => p.canonize - p.expand);
		row('… `toRDF` (toRDF − expand)', (p) => p.toRdf - p.expand);
		row('… RDFC-1.0 blank-node labelling and N-Quads (canonize − toRDF)', (p) => p.canonize - p.toRdf);
		row('SHA-256 of both N-Quads + Ed25519 signature', (p) => p.hashAndEd25519);
		row('RS256 × 2 (OB 2.0 JWS, VC-JWT)', (p) => p.rs256Two);
		row('**sum of the stages**', (p) => p.canonize + p.hashAndEd25519 + p.rs256Two);
		row("the build's `runJob` for the Data Integrity proof", (p) => p.runJobEddsa);
		row("the build's `runJob` × 3, end to end", (p) => p.runJobThree);
		row("Digital Bazaar `vc.issue`, eddsa-rdfc-2022 (the issue's reference: 7.4 ms)", (p) => p.vcIssue);
		out.push(`| in the floor: bare signing per award (wall, fastest floor run) | ${withBreakdown.map((r) => msec((bestFloor(r).signing * 1000) / r.awards)).join(' | ')} |`);
		out.push(
			`| in the build: CPU of the signing threads per award (thread start-up included) | ${withBreakdown.map((r) => { const w = fastestRun(r.build).workers; return w ? msec((w.cpu * 1000) / r.awards) : '–'; }).join(' | ')} |`,
		);
		out.push('');
		out.push(
			`Digital Bazaar's proofValue ${withBreakdown.every((r) => r.breakdown!.vcIssueSameProof) ? 'is identical to the build\'s for every sampled credential' : 'DIFFERS from the build\'s for some credentials'}. ` +
				`Wall time per award of the same stages: ${withBreakdown.map((r) => `${n(r.awards)}: expand ${msec(r.breakdown!.wallPerAward.expand)}, canonize ${msec(r.breakdown!.wallPerAward.canonize)}, runJob × 3 ${msec(r.breakdown!.wallPerAward.runJobThree)}, vc.issue ${msec(r.breakdown!.wallPerAward.vcIssue)}`).join('; ')}.`,
		);
	}

	out.push('');
	for (const r of results) {
		const c = r.comparison;
		const busy = [...r.check, ...r.build, ...r.rebuild, ...r.floor, ...(r.breakdownMeasure ? [r.breakdownMeasure] : [])].filter((m) => (m.otherCores ?? 0) >= 0.2);
		out.push(
			`- ${n(r.awards)} awards: ${r.site.recipients} recipients, ${r.site.badges} badges, artwork ${kib(Math.min(...Object.values(r.site.imageBytes)))}–${kib(Math.max(...Object.values(r.site.imageBytes)))}; ` +
				`Blason's summary: "${r.summary ?? '?'}"; floor output ${mb(r.floorOutput.bytes)}, ${n(r.floorSignatures)} signatures; ` +
				`floor and build write ${c.samePaths ? 'the same paths' : `different paths (${c.missing.length} missing from the floor, ${c.extra.length} extra)`} and ` +
				`${c.compared - c.differing.length}/${c.compared} sampled JSON/JWS/JWT/image files are byte-identical${c.differing.length ? ` (differing: ${c.differing.slice(0, 5).join(', ')})` : ''}; ` +
				`the rebuild added ${r.newAward.id} (${r.newAward.badge}, ${r.newAward.issuedOn}) to ${r.newAward.file} and ${r.newAward.published ? 'published its credential' : 'DID NOT publish its credential'}; ` +
				`every run (wall, peak RSS): ${(['check', 'build', 'rebuild', 'floor'] as const).map((k) => `${k} ${r[k].map((m) => `${m.wall.toFixed(2)} s/${memory(peakKiB(m))}`).join(', ')}`).join('; ')}` +
				`; floor bare signing ${r.floorSigning.map((x) => `${x.toFixed(2)} s`).join(', ')}` +
				`${busy.length ? `; ⚠ other processes used ≥ 0.2 core during ${busy.map((m) => `${m.label} (${m.otherCores!.toFixed(1)})`).join(', ')}` : ''}.`,
		);
	}
	out.push('');
	out.push(`Machine: ${machine.join('; ')}.`);
	return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

/** Re-renders the tables from a results.json (its progress lines included) without measuring. */
function report(file: string): void {
	const data = JSON.parse(readFileSync(file, 'utf8')) as { machine: string[]; runs: number; checkRuns: number; breakdownRounds?: number; results: SizeResult[] };
	for (const r of data.results) {
		if (!r.build[0]?.lines?.length) continue;
		r.timeline = buildTimeline(fastestRun(r.build));
		r.rebuildTimeline = buildTimeline(fastestRun(r.rebuild));
		const cold = signaturesOf(fastestRun(r.build));
		const rebuilt = signaturesOf(fastestRun(r.rebuild));
		r.signatures = { ...(cold ? { cold } : {}), ...(rebuilt ? { rebuild: rebuilt } : {}) };
	}
	const table = markdown(data.results, data.machine, { runs: data.runs, checkRuns: data.checkRuns, rounds: data.breakdownRounds ?? 3 });
	writeFileSync(path.join(path.dirname(file), 'results.md'), table);
	console.log(table);
}

async function benchmark(): Promise<void> {
	const machine = [
		`${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'})`,
		`${(totalmem() / GiB).toFixed(1)} GiB RAM`,
		`Node ${process.version}`,
		`peak RSS via ${GNU_TIME ? `${GNU_TIME} -v` : 'no GNU time'}${HAS_PROC ? ' and /proc sampling' : ''}`,
	];
	mkdirSync(benchOut, { recursive: true });
	mkdirSync(runsDir, { recursive: true });
	let fsType = '';
	try {
		fsType = execFileSync('stat', ['-f', '-c', '%T', runsDir], { encoding: 'utf8' }).trim();
	} catch {
		// not GNU stat: leave it out
	}
	machine.push(`builds written to ${path.relative(projectRoot, runsDir)}${fsType ? ` (${fsType === 'ext2/ext3' ? 'ext2/3/4' : fsType})` : ''}`);
	console.log(`# Blason benchmark — sizes ${sizes.join(', ')}; ${machine.join('; ')}`);
	const results: SizeResult[] = [];
	console.log('\n## Content');
	const sites = new Map(sizes.map((n) => [n, prepareSite(n)]));
	removeOutputs();
	for (const n of sizes) results.push(await runSize(n, sites.get(n)!));
	// Keep the last run of each size as bench/out/dist-<N> and bench/out/floor-<N>; no more measuring, so deleting is fine now.
	for (const n of sizes) {
		const runDir = path.join(runsDir, String(n));
		renameSync(path.join(runDir, `build-${runs}`), path.join(benchOut, `dist-${n}`));
		renameSync(path.join(runDir, `floor-${runs}`), path.join(benchOut, `floor-${n}`));
	}
	rmSync(runsDir, { recursive: true, force: true });
	const table = markdown(results, machine, { runs, checkRuns, rounds: breakdownRounds });
	writeFileSync(path.join(benchOut, 'results.md'), table);
	writeFileSync(
		path.join(benchOut, 'results.json'),
		// Progress lines included: `--report` re-renders the tables from this file.
		JSON.stringify({ date: new Date().toISOString(), machine, runs, checkRuns, breakdownRounds, results }, null, 1),
	);
	console.log(`\n${table}`);
	console.log(`(written to ${path.relative(process.cwd(), path.join(benchOut, 'results.md'))} and results.json)`);
}

const reportFile = option('--report');
if (reportFile) report(path.resolve(reportFile));
else if (process.argv.includes('--weight')) console.log(await demoWeight());
else {
	await benchmark();
	const weight = await demoWeight();
	writeFileSync(path.join(benchOut, 'results.md'), `${readFileSync(path.join(benchOut, 'results.md'), 'utf8')}\n${weight}\n`);
	console.log(`\n${weight}`);
}

/** Page weight of the demo association's site (bench/weight.ts). */
async function demoWeight(): Promise<string> {
	const dist = path.join(benchOut, 'weight-site');
	// The demo content on its own, as its own Git repository (the audit trail is on the pages),
	// away from the benchmark's outputs, which a content folder that is not in Git would list.
	const content = path.join(benchOut, 'weight-content');
	rmSync(content, { recursive: true, force: true });
	mkdirSync(content, { recursive: true });
	for (const entry of ['issuer.yaml', 'keys.yaml', 'badges', 'recipients', 'assets']) {
		if (existsSync(path.join(projectRoot, entry))) cpSync(path.join(projectRoot, entry), path.join(content, entry), { recursive: true });
	}
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=Blason bench', '-c', 'user.email=bench@invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: content, stdio: 'ignore' });
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', 'Demo content');
	execFileSync(process.execPath, ['scripts/build.ts', '--root', content, '--out', dist, '--clean'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BLASON_SIGNING_KEY: '' } });
	const site = (parseYaml(readFileSync(path.join(projectRoot, 'issuer.yaml'), 'utf8')) as { site: string }).site;
	return weightTable(await measureWeight(dist, new URL(site).pathname), 'the demo association of this repository, `npm run bench -- --weight`');
}
