import type { Site } from '../content/model.ts';
import type { PublicKeyInfo } from '../signing/keys.ts';
import type { Forge } from '../git/forge.ts';
import type { History } from '../git/history.ts';

/**
 * What `npm run build` hands to the Astro pages it renders in the same process: the content it
 * has already loaded and checked (so Astro does not load it a second time), a progress counter,
 * and whether the build writes the award files itself. Absent under `astro dev` and a bare
 * `astro build`, where the pages load the content and the endpoints serve every file.
 */
export interface BuildHandoff {
	site: Site;
	progress: (phase: string) => void;
	/** True when runBuild writes assertion.json and the baked images (see award-files.ts). */
	writesAwardFiles: boolean;
	/** The awards whose pages to render, when a rebuild keeps the others' (output-manifest.ts); all when absent. */
	awardPages?: ReadonlySet<string>;
	/** The audit trail, read once from Git, and where to link commits. */
	history: History;
	forge: Forge | undefined;
	/** The key generation that signs this build. */
	signing: { keyId: string; development: boolean; publishedKeyIds: string[]; published: PublicKeyInfo[] };
	/** The fonts of the social preview images (src/lib/social/fonts), which bundled pages cannot find by themselves. */
	socialFontDir?: string;
	/** The git-ignored cache of the content repository (.blason/cache), for what is costly to redraw. */
	cacheDir?: string;
}

/**
 * Whether pages must warn that the site is signed with a development key: always under
 * `astro dev`, and in a build without the CI secret.
 */
export const signedWithDevelopmentKey = () => getBuildHandoff()?.signing.development ?? true;

const KEY = Symbol.for('blason.build-handoff');
type Holder = { [KEY]?: BuildHandoff };

export function setBuildHandoff(handoff: BuildHandoff | undefined): void {
	if (handoff) (globalThis as Holder)[KEY] = handoff;
	else delete (globalThis as Holder)[KEY];
}

export const getBuildHandoff = (): BuildHandoff | undefined => (globalThis as Holder)[KEY];
