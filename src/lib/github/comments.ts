/**
 * One comment kept up to date on an issue or pull request: found by a hidden marker (an HTML
 * comment, invisible once rendered), updated in place on later runs, created the first time.
 */
import type { Octokit } from '@octokit/rest';

export interface CommentTarget {
	owner: string;
	repo: string;
	/** Issue or pull request number (a pull request is an issue for comments). */
	number: number;
}

export interface UpsertResult {
	action: 'created' | 'updated' | 'unchanged';
	id: number;
	url: string;
}

/** Comments read per request while looking for the marker: GitHub's maximum. */
const PAGE_SIZE = 100;

/**
 * Finds the first comment whose body contains `marker`, reading the comments page by page (a
 * busy pull request has more than one page) and stopping at the page where it is; updates it if
 * its text differs, or creates the comment. `body` gets the marker as its first line if it lacks it.
 */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<UpsertResult> {
	const text = body.includes(marker) ? body : `${marker}\n${body}`;
	const { owner, repo, number } = target;
	const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: PAGE_SIZE });
	for await (const page of pages) {
		const found = page.data.find((c) => c.body?.includes(marker));
		if (!found) continue;
		if (found.body === text) return { action: 'unchanged', id: found.id, url: found.html_url };
		const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body: text });
		return { action: 'updated', id: data.id, url: data.html_url };
	}
	const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: text });
	return { action: 'created', id: data.id, url: data.html_url };
}
