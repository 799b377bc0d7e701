/** Worker thread of the signing pool: signs batches of jobs with keys handed over at start. */
import { createPrivateKey, type JsonWebKeyInput } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type SignJob } from './sign-jobs.ts';

const data = workerData as { rsa: JsonWebKeyInput['key']; ed25519: JsonWebKeyInput['key'] };
const keys = {
	rsa: createPrivateKey({ key: data.rsa, format: 'jwk' }),
	ed25519: createPrivateKey({ key: data.ed25519, format: 'jwk' }),
};

parentPort!.on('message', async ({ id, jobs }: { id: number; jobs: SignJob[] }) => {
	try {
		const results: string[] = [];
		for (const job of jobs) results.push(await runJob(job, keys));
		parentPort!.postMessage({ id, results });
	} catch (e) {
		parentPort!.postMessage({ id, error: (e as Error).message });
	}
});
