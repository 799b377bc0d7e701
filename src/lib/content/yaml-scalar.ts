import { stringify } from 'yaml';

/**
 * A string as a one-line YAML scalar for `key: <here>` in a block mapping: plain when it reads
 * back as the same string, quoted otherwise. Block scalars are ruled out: the `yaml` package
 * writes one for a document that starts with `---` or `...` (a random salt can), and its
 * indentation would be wrong once placed after a key.
 */
export const yamlScalar = (value: string) => stringify(value, { lineWidth: 0, blockQuote: false }).replace(/\n$/, '');
