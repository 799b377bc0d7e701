import { EMAIL_PATTERN } from '../identity.ts';

/**
 * Runs a command that holds e-mail addresses so that none can leave the process in an error
 * either: a bug's message and stack trace are stripped of anything that looks like one before
 * they are printed.
 */
export async function withoutAddresses<T>(body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (e) {
		if (e instanceof Error) {
			const addresses = new RegExp(EMAIL_PATTERN.source, 'g');
			e.message = e.message.replace(addresses, '<e-mail address>');
			if (e.stack) e.stack = e.stack.replace(addresses, '<e-mail address>');
		}
		throw e;
	}
}
