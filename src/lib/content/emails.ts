import { EMAIL_PATTERN } from '../identity.ts';
import type { Problem } from '../problems.ts';

/**
 * Refuses plaintext e-mail addresses in recipient files, comments included.
 * The message never repeats the address: CI logs are public.
 */
export function findPlaintextEmails(text: string, file: string): Problem[] {
	const problems: Problem[] = [];
	text.split('\n').forEach((line, i) => {
		if (EMAIL_PATTERN.test(line)) {
			problems.push({
				code: 'ERR_PLAINTEXT_EMAIL',
				severity: 'error',
				file,
				line: i + 1,
				message: 'this line contains an e-mail address in clear text (not repeated here)',
				hint: 'recipients are identified by a salted hash only: run `npm run hash-email -- <address>`, paste the identity it prints, and delete the address',
			});
		}
	});
	return problems;
}
