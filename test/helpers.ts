import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedSpec = path.resolve(projectRoot, '../shared/spec');
export const fixture = (...parts: string[]) => path.join(projectRoot, 'test/fixtures', ...parts);
export const readBytes = (file: string) => new Uint8Array(readFileSync(file));

const require = createRequire(import.meta.url);
const bakery = require('openbadges-bakery') as {
	extract: (image: Buffer, cb: (err: Error | null, data?: string) => void) => void;
};

/** Unbakes with Mozilla's openbadges-bakery: an implementation not written here. */
export function unbakeIndependently(image: Uint8Array): Promise<string> {
	return new Promise((resolve, reject) =>
		bakery.extract(Buffer.from(image), (err, data) => (err ? reject(err) : resolve(data!))),
	);
}
