// jsonld.js ships no types; these are the calls Blason makes.
declare module 'jsonld' {
	interface Options {
		documentLoader?: (url: string) => Promise<unknown>;
		safe?: boolean;
		algorithm?: 'URDNA2015' | 'RDFC-1.0';
		format?: 'application/n-quads';
	}
	const jsonld: {
		canonize(input: object, options: Options): Promise<string>;
		expand(input: object, options: Options): Promise<Record<string, unknown>[]>;
	};
	export default jsonld;
}
