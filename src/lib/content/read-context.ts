import type { Problem } from '../problems.ts';

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface RawFile {
	rel: string;
	bytes?: Uint8Array;
}

/** Reads a file's text: undefined when it cannot be read or is not UTF-8 (already reported). */
export type GetText = (rel: string) => Promise<string | undefined>;
/** Reads a file's bytes, reporting an unreadable file as a problem. */
export type Read = (rel: string) => Promise<RawFile>;

export function notUtf8(file: string, problems: Problem[]): undefined {
	problems.push({
		code: 'ERR_FILE_ENCODING',
		severity: 'error',
		file,
		message: 'the file is not valid UTF-8 text',
		hint: 'save it again as UTF-8 (most editors: "Save with encoding" → UTF-8)',
	});
	return undefined;
}
