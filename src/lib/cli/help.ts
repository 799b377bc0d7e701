/**
 * `--help` for every command: what it does in French, then in English, and its usage line.
 * Associations' volunteers read these in a terminal, so they say what happens, not how.
 */
const HELP: Record<string, { fr: string; en: string }> = {
	check: {
		fr: 'Vérifie tout le contenu (issuer.yaml, badges/, recipients/, keys.yaml) et signale chaque problème avec son fichier, sa ligne, son champ et une piste de correction.',
		en: 'Checks all the content and reports every problem with its file, line, field and a hint.',
	},
	build: {
		fr: 'Vérifie le contenu puis construit le site signé dans dist/ (rien n’est écrit en cas d’erreur). Une reconstruction ne refait que les badges décernés qui ont changé ; --clean refait tout.',
		en: 'Checks the content, then builds the signed site into dist/ (nothing is written if there are errors). A rebuild redoes only the awards that changed; --clean redoes everything.',
	},
	award: {
		fr: 'Décerne un badge à une personne (ou à chaque ligne d’un fichier CSV). L’adresse e-mail n’est jamais enregistrée : seule son empreinte salée l’est.',
		en: 'Awards a badge to one person (or to every row of a CSV file). The e-mail address is never stored, only its salted hash.',
	},
	revoke: {
		fr: 'Révoque une attribution : elle garde son adresse et apparaît partout comme révoquée, avec le motif.',
		en: 'Revokes an award: it keeps its URL and shows as revoked everywhere, with the reason.',
	},
	erase: {
		fr: 'Efface les données personnelles d’une personne (demande RGPD) en gardant une trace des attributions, dont les adresses répondent « retiré ».',
		en: 'Erases a person’s data (GDPR request), keeping a tombstone so the award URLs answer “withdrawn”.',
	},
	keys: {
		fr: 'Crée une clé de signature (la partie privée s’affiche une seule fois, pour le secret BLASON_SIGNING_KEY) ou liste les clés publiées.',
		en: 'Generates a signing key (the private part is printed once, for the BLASON_SIGNING_KEY secret) or lists the published keys.',
	},
	notify: {
		fr: 'Renvoie l’e-mail d’attribution d’un badge, si l’adresse donnée correspond bien à la personne.',
		en: 'Re-sends an award e-mail, if the given address matches the recipient.',
	},
	permanence: {
		fr: 'Échoue si la branche courante supprime, renumérote, change de badge ou dé-révoque une attribution publiée sur la branche de base.',
		en: 'Fails if the current branch removes, renumbers, re-badges or un-revokes an award published on the base branch.',
	},
	'pr-summary': {
		fr: 'Publie (ou met à jour) le commentaire de synthèse d’une pull request dans GitHub Actions.',
		en: 'Posts (or updates) the summary comment of a pull request, in GitHub Actions.',
	},
	'request-to-pr': {
		fr: 'Transforme une demande de badge approuvée (issue GitHub) en pull request, dans GitHub Actions.',
		en: 'Turns an approved badge request (GitHub issue) into a pull request, in GitHub Actions.',
	},
	'claim-code': {
		fr: 'Calcule la ligne claimCode d’un badge pour un code d’événement (le code devient public une fois utilisé).',
		en: 'Computes a badge’s claimCode line for an event code (the code becomes public once used).',
	},
	'new-badge': {
		fr: 'Crée le dossier d’un nouveau badge (badge.md et image), à partir d’options ou de questions.',
		en: 'Creates a new badge folder (badge.md and image), from options or prompts.',
	},
};

export const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** The help text for the command a usage line names (`usage: npm run award -- …`). */
export function renderHelp(usage: string): string {
	const name = /npm run ([\w-]+)/.exec(usage)?.[1] ?? '';
	const help = HELP[name];
	return [help ? `npm run ${name}\n\n${help.fr}\n${help.en}\n` : '', usage.replace(/^usage: /, 'Usage : ')].filter(Boolean).join('\n');
}
