/**
 * The Astro side's single entry to the content: loads the association's repository once per build
 * (on every request in dev, so edits show up on reload). Pages stay thin over src/lib.
 */
import { loadSite } from '../lib/content/load-site.ts';
import type { Award, Badge, Site } from '../lib/content/model.ts';
import { formatProblem, sortProblems } from '../lib/problems.ts';
import { contentRoot } from '../lib/cli/args.ts';
import { detectForge, type Forge } from '../lib/git/forge.ts';
import { eventsByAward, readHistory, type AuditEvent, type History } from '../lib/git/history.ts';
import { getBuildHandoff } from '../lib/publish/build-handoff.ts';

let cached: Promise<Site> | undefined;

async function load(): Promise<Site> {
	const result = await loadSite(contentRoot([]));
	if (!result.site) {
		const lines = sortProblems(result.problems).filter((p) => p.severity === 'error').map(formatProblem);
		throw new Error(`The content has errors; run \`npm run check\` for details:\n${lines.join('\n')}`);
	}
	return result.site;
}

export function getSite(): Promise<Site> {
	const handoff = getBuildHandoff();
	if (handoff) return Promise.resolve(handoff.site);
	if (import.meta.env.DEV) return load();
	cached ??= load();
	return cached;
}

export async function awardsOf(badge: Badge): Promise<Award[]> {
	return (await getSite()).awards.filter((a) => a.badge === badge.slug);
}

/** False for the award pages a rebuild keeps from the previous build (output-manifest.ts). */
export const awardPageWanted = (award: Award) => getBuildHandoff()?.awardPages?.has(award.id) ?? true;

/** Award files that `npm run build` writes itself get no Astro route (see award-files.ts). */
export const awardFilesFromAstro = () => !getBuildHandoff()?.writesAwardFiles;

let history: History | undefined;

/** The audit trail: from the build, or read from Git once per dev-server start. */
export function getHistory(): { history: History; forge: Forge | undefined } {
	const handoff = getBuildHandoff();
	if (handoff) return { history: handoff.history, forge: handoff.forge };
	history ??= readHistory(contentRoot([]));
	return { history, forge: detectForge(contentRoot([])) };
}

// Pages look events and awards up by id once per award: indexes built once, not a scan per page.
const eventIndexes = new WeakMap<History, Map<string, AuditEvent[]>>();
const awardIndexes = new WeakMap<Site, Map<string, Award>>();

/** The audit events of one award, in history order. */
export function eventsOf(history: History, awardId: string): AuditEvent[] {
	let index = eventIndexes.get(history);
	if (!index) eventIndexes.set(history, (index = eventsByAward(history)));
	return index.get(awardId) ?? [];
}

export function awardById(site: Site, id: string): Award | undefined {
	let index = awardIndexes.get(site);
	if (!index) awardIndexes.set(site, (index = new Map(site.awards.map((a) => [a.id, a]))));
	return index.get(id);
}
