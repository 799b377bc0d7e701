/**
 * Signs many jobs on worker threads, one per core: Data Integrity canonicalisation costs several
 * milliseconds per credential, so a 10,000-award site is a minute of CPU that parallelises
 * perfectly. Results come back in job order. A signature cache (signature-cache.ts) sits in front.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SignJob } from './sign-jobs.ts';
import type { SigningKey } from './keys.ts';

const BATCH = 32;

export async function signOnWorkers(jobs: readonly SignJob[], key: SigningKey, threads = availableParallelism()): Promise<string[]> {
	if (jobs.length === 0) return [];
	const results = new Array<string>(jobs.length);
	const batches: { start: number; jobs: SignJob[] }[] = [];
	for (let start = 0; start < jobs.length; start += BATCH) batches.push({ start, jobs: jobs.slice(start, start + BATCH) });
	const count = Math.max(1, Math.min(threads, batches.length));
	const workerData = { rsa: key.rsa.export({ format: 'jwk' }), ed25519: key.ed25519.export({ format: 'jwk' }) };
	const workers = Array.from({ length: count }, () => new Worker(new URL('./sign-worker.ts', import.meta.url), { workerData }));
	try {
		let next = 0;
		await Promise.all(
			workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						const send = () => {
							if (next >= batches.length) return resolve();
							const id = next++;
							worker.postMessage({ id, jobs: batches[id]!.jobs });
						};
						worker.on('message', (m: { id: number; results?: string[]; error?: string }) => {
							if (m.error !== undefined) return reject(new Error(`signing failed: ${m.error}`));
							const { start } = batches[m.id]!;
							m.results!.forEach((r, i) => (results[start + i] = r));
							send();
						});
						worker.on('error', reject);
						send();
					}),
			),
		);
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
	return results;
}
