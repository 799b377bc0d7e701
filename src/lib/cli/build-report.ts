/** Progress of a long build: a line per phase every 10 %, so CI logs stay short. */
export class ProgressReporter {
	private counts = new Map<string, number>();
	private totals: Record<string, number>;
	private write: (line: string) => void;

	constructor(totals: Record<string, number>, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
		this.totals = totals;
		this.write = write;
	}

	tick(phase: string): void {
		const n = (this.counts.get(phase) ?? 0) + 1;
		this.counts.set(phase, n);
		const total = this.totals[phase];
		if (!total || total < 200) return;
		const step = Math.ceil(total / 10);
		if (n % step === 0 || n === total) this.write(`  … ${phase}: ${n}/${total} (${Math.round((n / total) * 100)} %)`);
	}
}

/** Number of files and bytes below `dir`. */
export const formatBytes = (n: number) =>
	n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
