/**
 * What a pull request changes, for the comment a reviewer reads first: awards added and revoked,
 * how many people they concern, new badges, and the problems `check` and the permanence guard
 * found. People are counted, never named and never shown by hash: the comment is public and
 * stays on the pull request.
 */
import { loadSite } from '../content/load-site.ts';
import { git } from '../git/git.ts';
import { checkPermanence } from '../git/permanence.ts';
import { awardsAt } from '../git/published-awards.ts';
import { sortProblems, type Problem } from '../problems.ts';
import { siteUrls } from '../urls.ts';

export const SUMMARY_MARKER = '<!-- blason-summary -->';

export interface SummaryAward {
	id: string;
	/** Badge slug; undefined when the file could not be read well enough to tell. */
	badge: string | undefined;
	badgeName: string | undefined;
	/** Its future page, when the content loads (it gives the site's URL). */
	url: string | undefined;
}

export interface PullRequestSummary {
	added: SummaryAward[];
	revoked: SummaryAward[];
	/** Recipient files with an award added or revoked, and how many of them are new. */
	recipients: { touched: number; new: number };
	badgesAdded: { slug: string; name: string | undefined }[];
	/** Errors and warnings of `check` on the head, then of the permanence guard. */
	problems: Problem[];
}

/**
 * Compares the base revision with HEAD, whose files are the working tree (a pull request's
 * merge commit as actions/checkout leaves it).
 */
export async function summarisePullRequest(root: string, base: string, options: { now?: Date } = {}): Promise<PullRequestSummary> {
	const head = 'HEAD';
	const before = awardsAt(root, base);
	const after = awardsAt(root, head);
	const loaded = await loadSite(root, options.now ? { now: options.now } : {});
	const site = loaded.site;
	const urls = site ? siteUrls(site.issuer.site) : undefined;
	const award = (id: string, badge: string | undefined): SummaryAward => ({
		id,
		badge,
		badgeName: badge === undefined ? undefined : site?.badges.get(badge)?.name,
		url: urls?.awardPage(id),
	});

	const added = [...after.values()].filter((a) => !before.has(a.id));
	const revoked = [...after.values()].filter((a) => a.revoked && before.get(a.id)?.revoked === false);
	const baseFiles = new Set([...before.values()].map((a) => a.file));
	const touched = new Set([...added, ...revoked].map((a) => a.file));

	const badgesBefore = badgeSlugs(root, base);
	const badgesAdded = [...badgeSlugs(root, head)].filter((s) => !badgesBefore.has(s)).sort();

	return {
		added: added.map((a) => award(a.id, a.badge)),
		revoked: revoked.map((a) => award(a.id, a.badge)),
		recipients: { touched: touched.size, new: [...touched].filter((f) => !baseFiles.has(f)).length },
		badgesAdded: badgesAdded.map((slug) => ({ slug, name: site?.badges.get(slug)?.name })),
		problems: [...sortProblems(loaded.problems), ...sortProblems(checkPermanence(root, base, head))],
	};
}

/** The folders of badges/ at a revision (path relative to the content root). */
function badgeSlugs(root: string, rev: string): Set<string> {
	const out = git(root, ['ls-tree', '-d', '-z', '--name-only', rev, '--', 'badges/']);
	return new Set(out.split('\0').filter(Boolean).map((p) => p.slice(p.lastIndexOf('/') + 1)));
}

/** Items listed per section; the rest is counted. A comment holds at most 65,536 characters. */
const LIST_LIMIT = 30;

export interface RenderContext {
	/** The commit summarised, shown shortened. */
	commit?: string | undefined;
	/** The check run's log, where every problem is listed. */
	logUrl?: string | undefined;
}

/** The comment, French first then English, with the marker on its first line. */
export function renderSummary(s: PullRequestSummary, context: RenderContext = {}): string {
	const errors = s.problems.filter((p) => p.severity === 'error');
	const warnings = s.problems.filter((p) => p.severity === 'warning');
	const people = s.recipients.new ? `${s.recipients.touched} (dont ${s.recipients.new} nouvelle${plural(s.recipients.new)} / ${s.recipients.new} new)` : String(s.recipients.touched);
	const lines = [
		SUMMARY_MARKER,
		'## Blason — résumé de la demande de fusion / pull request summary',
		'',
		errors.length
			? `❌ **${errors.length} erreur${plural(errors.length)} à corriger avant de fusionner** / ${errors.length} error${plural(errors.length)} to fix before merging.`
			: '✅ **Aucune erreur** : la relecture peut commencer / no errors: ready for review.',
		'',
		'| | |',
		'| --- | ---: |',
		`| Badges décernés / awards added | ${s.added.length} |`,
		`| Badges révoqués / awards revoked | ${s.revoked.length} |`,
		`| Personnes concernées / recipients | ${people} |`,
		`| Nouveaux badges / new badges | ${s.badgesAdded.length} |`,
		`| Erreurs / errors | ${errors.length} |`,
		...(warnings.length ? [`| Avertissements / warnings | ${warnings.length} |`] : []),
	];
	const section = (title: string, items: string[], more: (n: number) => string) => {
		if (!items.length) return;
		lines.push('', `### ${title}`, '', ...items.slice(0, LIST_LIMIT).map((i) => `- ${i}`));
		if (items.length > LIST_LIMIT) lines.push(`- ${more(items.length - LIST_LIMIT)}`);
	};
	const others = (n: number) => `… et ${n} autre${plural(n)} / and ${n} more`;
	const awardLine = (a: SummaryAward) => `${a.badgeName ? `**${inline(a.badgeName)}** (\`${a.badge}\`)` : a.badge ? `\`${a.badge}\`` : 'badge ?'} — ${a.url ? `[\`${a.id}\`](${a.url})` : `\`${a.id}\``}`;
	section('Décernés / Added', s.added.map(awardLine), others);
	section('Révoqués / Revoked', s.revoked.map(awardLine), others);
	section('Nouveaux badges / New badges', s.badgesAdded.map((b) => (b.name ? `**${inline(b.name)}** (\`${b.slug}\`)` : `\`${b.slug}\``)), others);
	const problemLine = (p: Problem) => `\`${p.line ? `${p.file}:${p.line}` : p.file}\`${p.field ? ` ${inline(p.field)}:` : ''} ${inline(p.message)}${p.hint ? ` — ${inline(p.hint)}` : ''}`;
	const inLog = (n: number) => `… et ${n} autre${plural(n)} / and ${n} more${context.logUrl ? ` — [journal / log](${context.logUrl})` : ''}`;
	section('Erreurs / Errors', errors.map(problemLine), inLog);
	section('Avertissements / Warnings', warnings.map(problemLine), inLog);
	lines.push('', `<sub>Mis à jour automatiquement à chaque push / updated on every push${context.commit ? ` — ${context.commit.slice(0, 7)}` : ''}. Les personnes sont comptées, jamais nommées / recipients are counted, never named.</sub>`, '');
	return lines.join('\n');
}

const plural = (n: number) => (n === 1 ? '' : 's');

/**
 * Text from the content, made inert in Markdown: no HTML and no @mention (which would notify
 * someone) outside code spans, which Markdown already shows as they are; on one line.
 */
function inline(text: string): string {
	return text
		.replace(/[\r\n]+/g, ' ')
		.split(/(`[^`]*`)/)
		.map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(?=\w)/g, '@\u200b')))
		.join('');
}
