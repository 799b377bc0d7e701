/**
 * Synthetic Blason content for the benchmark: a realistic association repository with N awards.
 *
 *   node bench/generate.ts --awards 10000 [--out bench/out/sites/10000] [--seed 1]
 *
 * Everything is deterministic (seeded PRNG): the same arguments always give the same bytes.
 * - issuer.yaml with an SVG logo, footer links and a Markdown description;
 * - 15 badges (12 PNG, 3 SVG), artwork of 30–80 KB each: PNGs are real 256×256 RGBA images
 *   (a textured disc, transparent corners) deflated with node:zlib, valid CRCs; SVGs are
 *   illustrations made of many paths;
 * - recipients/<slug>.yaml with 1–4 awards each, identity hashed with src/lib/identity.ts from
 *   fake addresses that only ever exist in memory, unique 12-character ids, YYYY-MM-DD dates
 *   (2019–2025), some names (with consent), narratives and evidence.
 *
 * The folder is made its own Git repository with the content committed, like an association's
 * repository: the loader lists files with `git ls-files`, and bench/out/ is ignored by the
 * project's own .gitignore, so a plain folder there would look empty.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { parse } from 'yaml';
import { hashEmail } from '../src/lib/identity.ts';
import { statusIndex } from '../src/lib/ob3/status-list.ts';

export interface GeneratedSite {
	root: string;
	awards: number;
	recipients: number;
	badges: number;
	/** Artwork sizes in bytes, by badge slug. */
	imageBytes: Record<string, number>;
	/** Total bytes of content written (all files). */
	contentBytes: number;
	files: number;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const weighted = <T>(r: Rand, xs: readonly (readonly [T, number])[]): T => {
	const total = xs.reduce((n, [, w]) => n + w, 0);
	let x = r() * total;
	for (const [v, w] of xs) if ((x -= w) < 0) return v;
	return xs.at(-1)![0];
};
/** Gaussian noise (Box–Muller). */
const gauss = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

// ---------------------------------------------------------------------------------------------
// PNG artwork

function chunk(type: string, data: Uint8Array): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	out.set(data, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/** A 256×256 RGBA badge: a disc with a radial gradient, a ring and a grain of strength `sigma`. */
function renderPng(seed: number, hue: number, sigma: number, size = 256): Buffer {
	const r = prng(seed);
	const raw = Buffer.alloc(size * (size * 4 + 1));
	const c = size / 2;
	const radius = size / 2 - 6;
	const [br, bg, bb] = hsl(hue, 0.55, 0.45);
	for (let y = 0; y < size; y++) {
		const row = y * (size * 4 + 1);
		raw[row] = 0; // filter: None
		for (let x = 0; x < size; x++) {
			const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
			const p = row + 1 + x * 4;
			if (d > radius + 1) continue; // transparent corner (all zero)
			const ring = d > radius - 14 && d < radius - 8 ? 60 : 0;
			const shade = 1.25 - (d / radius) * 0.5 - (y / size) * 0.2;
			const n = gauss(r) * sigma;
			raw[p] = clamp(br * shade + ring + n);
			raw[p + 1] = clamp(bg * shade + ring + n * 0.8);
			raw[p + 2] = clamp(bb * shade + ring + n * 0.6);
			raw[p + 3] = d > radius ? clamp(255 * (radius + 1 - d)) : 255;
		}
	}
	const idat = deflateSync(raw, { level: 9 });
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
	const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
	parts.push(chunk('tEXt', Buffer.from('Software\0Inkscape 1.3 (bench)', 'latin1')));
	// Encoders split the image data into several IDAT chunks: so do we (8 KiB each).
	for (let i = 0; i < idat.length; i += 8192) parts.push(chunk('IDAT', idat.subarray(i, i + 8192)));
	parts.push(chunk('IEND', new Uint8Array(0)));
	return Buffer.concat(parts);
}

/** Finds the grain that makes the PNG land within a few percent of `target` bytes. */
export function makePng(seed: number, hue: number, target: number): Buffer {
	let lo = 0;
	let hi = 80;
	let best = renderPng(seed, hue, 0);
	for (let i = 0; i < 14; i++) {
		const sigma = (lo + hi) / 2;
		const png = renderPng(seed, hue, sigma);
		if (Math.abs(png.length - target) < Math.abs(best.length - target)) best = png;
		if (Math.abs(png.length - target) / target < 0.02) break;
		if (png.length < target) lo = sigma;
		else hi = sigma;
	}
	return best;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function hsl(h: number, s: number, l: number): [number, number, number] {
	const k = (n: number) => (n + h / 30) % 12;
	const a = s * Math.min(l, 1 - l);
	const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
	return [f(0) * 255, f(8) * 255, f(4) * 255];
}

const hex = (rgb: [number, number, number]) => `#${rgb.map((v) => clamp(v).toString(16).padStart(2, '0')).join('')}`;

// ---------------------------------------------------------------------------------------------
// SVG artwork

/** An illustration of about `target` bytes: a disc, a ring, then many organic paths. */
export function makeSvg(seed: number, hue: number, title: string, target: number): Buffer {
	const r = prng(seed);
	const f = (v: number) => v.toFixed(1);
	const head = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<!-- Generator: bench/generate.ts — synthetic artwork -->',
		`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">`,
		`<title>${escapeXml(title)}</title>`,
		'<defs>',
		`<radialGradient id="bg" cx="50%" cy="40%" r="60%"><stop offset="0" stop-color="${hex(hsl(hue, 0.6, 0.6))}"/><stop offset="1" stop-color="${hex(hsl(hue, 0.6, 0.3))}"/></radialGradient>`,
		'<clipPath id="disc"><circle cx="256" cy="256" r="240"/></clipPath>',
		'</defs>',
		'<circle cx="256" cy="256" r="248" fill="url(#bg)"/>',
		`<circle cx="256" cy="256" r="226" fill="none" stroke="${hex(hsl(hue, 0.3, 0.9))}" stroke-width="10"/>`,
		'<g clip-path="url(#disc)" stroke-linejoin="round">',
	].join('\n');
	const tail = `</g>\n<text x="256" y="470" text-anchor="middle" font-family="sans-serif" font-size="28" fill="#fff">${escapeXml(title)}</text>\n</svg>\n`;
	const paths: string[] = [];
	let size = head.length + tail.length;
	while (size < target) {
		let x = int(r, 40, 472);
		let y = int(r, 40, 472);
		let d = `M${f(x)} ${f(y)}`;
		const segments = int(r, 3, 8);
		for (let i = 0; i < segments; i++) {
			const pts = [0, 0, 0].map(() => [(x += gauss(r) * 30), (y += gauss(r) * 30)] as const);
			d += `C${pts.map(([a, b]) => `${f(a)} ${f(b)}`).join(' ')}`;
		}
		const p = `<path d="${d}Z" fill="${hex(hsl((hue + int(r, -40, 40) + 360) % 360, 0.5, 0.3 + r() * 0.5))}" fill-opacity="${(0.2 + r() * 0.6).toFixed(2)}"/>\n`;
		paths.push(p);
		size += Buffer.byteLength(p);
	}
	return Buffer.from(head + '\n' + paths.join('') + tail, 'utf8');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---------------------------------------------------------------------------------------------
// Content

interface BadgeSpec {
	slug: string;
	name: string;
	description: string;
	type: string;
	tags?: string[];
	alignments?: { name: string; url: string; framework?: string; code?: string }[];
	validity?: string;
	format: 'png' | 'svg';
	criteria: string;
}

const DIGCOMP = 'https://joint-research-centre.ec.europa.eu/digcomp';
const BADGES: BadgeSpec[] = [
	{ slug: 'atelier-numerique', name: 'Atelier numérique', description: 'A participé à un cycle d’ateliers de découverte du numérique.', type: 'participation', tags: ['numérique', 'inclusion'], alignments: [{ name: 'Gérer des données', url: `${DIGCOMP}/1-3`, framework: 'DigComp 2.2', code: '1.3' }], validity: 'P2Y', format: 'png', criteria: 'Avoir participé à **trois** séances de l’atelier numérique sur un trimestre.\n\n- découverte de l’ordinateur et du smartphone ;\n- messagerie et démarches en ligne ;\n- sécurité : mots de passe et arnaques courantes.' },
	{ slug: 'engagement-citoyen', name: 'Engagement citoyen', description: 'S’est engagé·e dans un projet d’intérêt général pour le quartier.', type: 'engagement', tags: ['citoyenneté', 'bénévolat'], format: 'svg', criteria: 'Mener, seul·e ou en équipe, un projet utile aux habitant·es du quartier, de l’idée au bilan.\n\nLe projet est présenté lors d’une assemblée de l’association.' },
	{ slug: 'benevole-evenement', name: 'Bénévole événementiel', description: 'A tenu un poste de bénévole lors d’un événement organisé par l’association.', type: 'volunteering', tags: ['bénévolat', 'événement'], format: 'png', criteria: 'Tenir un poste (accueil, buvette, logistique, sécurité) pendant au moins **une demi-journée** d’un événement public.' },
	{ slug: 'animateur-jeunesse', name: 'Animation jeunesse', description: 'A animé des activités pour un groupe d’enfants ou d’adolescents.', type: 'facilitation', tags: ['animation', 'jeunesse'], alignments: [{ name: 'Animer un groupe', url: 'https://esco.ec.europa.eu/fr/skill/animer-un-groupe', framework: 'ESCO' }], validity: 'P3Y', format: 'png', criteria: 'Préparer et animer au moins **cinq** séances d’activités, avec un retour écrit de l’équipe encadrante.' },
	{ slug: 'premiers-secours', name: 'Premiers secours', description: 'A suivi la formation aux gestes de premiers secours.', type: 'training', tags: ['santé', 'sécurité'], validity: 'P1Y', format: 'png', criteria: 'Suivre les 7 heures de formation et réussir la mise en situation finale.\n\nLe badge est à renouveler chaque année.' },
	{ slug: 'cuisine-solidaire', name: 'Cuisine solidaire', description: 'A cuisiné pour les repas partagés de l’association.', type: 'volunteering', tags: ['solidarité', 'cuisine'], format: 'png', criteria: 'Participer à la préparation d’au moins **trois** repas partagés, dans le respect des règles d’hygiène.' },
	{ slug: 'jardin-partage', name: 'Jardin partagé', description: 'A entretenu le jardin partagé pendant une saison.', type: 'participation', tags: ['écologie', 'jardin'], format: 'svg', criteria: 'Venir au jardin au moins une fois par mois d’avril à octobre et tenir le carnet de culture.' },
	{ slug: 'communication-reseaux', name: 'Communication sur les réseaux', description: 'A animé les réseaux sociaux de l’association.', type: 'skill', tags: ['communication', 'numérique'], alignments: [{ name: 'Créer du contenu numérique', url: `${DIGCOMP}/3-1`, framework: 'DigComp 2.2', code: '3.1' }, { name: 'Interagir par les technologies', url: `${DIGCOMP}/2-1`, framework: 'DigComp 2.2', code: '2.1' }], validity: 'P2Y', format: 'png', criteria: 'Publier au moins **dix** contenus (textes, photos, vidéos) en respectant la charte éditoriale et le droit à l’image.' },
	{ slug: 'tresorerie', name: 'Trésorerie associative', description: 'A tenu les comptes de l’association pendant un exercice.', type: 'competency', tags: ['gestion'], format: 'png', criteria: 'Tenir la comptabilité d’un exercice complet et présenter le rapport financier en assemblée générale.' },
	{ slug: 'mediation-pairs', name: 'Médiation par les pairs', description: 'A été formé·e à la médiation et l’a pratiquée.', type: 'competency', tags: ['médiation', 'écoute'], alignments: [{ name: 'Résoudre des conflits', url: 'https://esco.ec.europa.eu/fr/skill/resoudre-des-conflits', framework: 'ESCO' }], validity: 'P3Y', format: 'png', criteria: 'Suivre la formation de 12 heures puis mener **deux** médiations accompagnées.' },
	{ slug: 'projet-europeen', name: 'Projet européen', description: 'A participé à un échange de jeunes Erasmus+.', type: 'project', tags: ['europe', 'mobilité', 'langues'], format: 'png', criteria: 'Participer à toutes les étapes d’un échange de jeunes : préparation, séjour et restitution.' },
	{ slug: 'reparation-velo', name: 'Réparation vélo', description: 'Sait entretenir et réparer un vélo à l’atelier participatif.', type: 'skill', tags: ['mobilité', 'bricolage'], format: 'svg', criteria: 'Réaliser devant un·e bénévole : changement de chambre à air, réglage des freins et des vitesses.' },
	{ slug: 'accueil-public', name: 'Accueil du public', description: 'A accueilli et orienté le public à la permanence.', type: 'volunteering', tags: ['accueil'], validity: 'P2Y', format: 'png', criteria: 'Tenir au moins **six** permanences d’accueil en binôme.' },
	{ slug: 'leadership-equipe', name: 'Coordination d’équipe', description: 'A coordonné une équipe de bénévoles sur un projet.', type: 'leadership', tags: ['coordination', 'bénévolat'], format: 'png', criteria: 'Coordonner une équipe d’au moins quatre bénévoles pendant un projet de trois mois ou plus : planning, réunions, bilan.' },
	{ slug: 'parcours-complet', name: 'Parcours complet', description: 'A obtenu cinq badges de l’association.', type: 'achievement', tags: ['parcours'], format: 'png', criteria: 'Obtenir au moins **cinq** badges différents de l’association.' },
];

const FIRST = ['Léa', 'Lucas', 'Emma', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Gabriel', 'Manon', 'Adam', 'Jade', 'Arthur', 'Zoé', 'Raphaël', 'Camille', 'Nathan', 'Sarah', 'Yanis', 'Lina', 'Théo', 'Maëlys', 'Noah', 'Aïcha', 'Mohamed', 'Fatou', 'Mamadou', 'Nour', 'Sofiane', 'Élise', 'Jules', 'Anaïs', 'Karim', 'Océane', 'Thomas', 'Clément', 'Lou', 'Kenza', 'Paul', 'Alice', 'Ibrahim'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Diallo', 'Traoré', 'Benali', 'Nguyen', 'Da Silva', 'N’Diaye', 'Haddad', 'Le Gall', 'Kerouac', 'Perrin', 'Chevalier'];
const NARRATIVES = [
	'A animé la séance sur les **mots de passe** avec beaucoup de pédagogie.',
	'S’est investi·e sans compter pendant toute la durée du projet.',
	'A pris en charge l’organisation du planning et la communication avec les partenaires.',
	'Très bonne écoute des participant·es ; a su adapter les activités au groupe.',
	'A formé à son tour deux nouveaux bénévoles.',
	'Présence régulière et fiable, y compris pendant les vacances scolaires.',
	'A conçu les supports de l’atelier (voir [le diaporama](https://example.org/supports)).',
	'Projet mené de bout en bout : diagnostic, budget, réalisation et bilan présenté en assemblée.',
];
const EVIDENCE = [
	{ url: 'https://example.org/galerie/atelier', name: 'Photos de l’atelier' },
	{ url: 'https://example.org/blog/bilan-projet', name: 'Article de bilan' },
	{ url: 'https://example.org/videos/restitution', name: 'Vidéo de la restitution' },
	{ name: 'Attestation de l’équipe', narrative: 'Attestation signée par la coordinatrice, conservée au local.' },
	{ url: 'https://example.org/docs/rapport.pdf', name: 'Rapport écrit', narrative: 'Rapport de 10 pages remis au comité.' },
];
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const ISSUER_YAML = `# yaml-language-server: $schema=https://blason.example/schemas/issuer.schema.json
name: Passerelles Jeunesse
url: https://www.passerelles-jeunesse.example
email: contact@passerelles-jeunesse.example
description: >-
  Association d’éducation populaire du quartier des Tilleuls : ateliers numériques,
  accompagnement de projets de jeunes et **bénévolat** depuis 1998.
logo: assets/logo.svg
language: fr
site: https://passerelles-jeunesse.github.io/badges/
primaryColor: "#1f5f8b"
footerLinks:
  - label: Mentions légales
    url: https://www.passerelles-jeunesse.example/mentions-legales
  - label: Politique de confidentialité
    url: https://www.passerelles-jeunesse.example/confidentialite
  - label: Nous écrire
    url: mailto:contact@passerelles-jeunesse.example
`;

const LOGO_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<title>Passerelles Jeunesse</title>
<circle cx="48" cy="48" r="46" fill="#1f5f8b"/>
<path d="M14 60 Q48 18 82 60" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/>
<path d="M22 60v12M36 48v24M48 44v28M60 48v24M74 60v12" stroke="#fff" stroke-width="4" stroke-linecap="round"/>
</svg>
`;

/** Scalars are written bare when YAML reads them back as the same string, else JSON-quoted. */
function q(s: string): string {
	const plain = /^[A-Za-zÀ-ÿ]/.test(s) && !/[\n"'\\[\]{},&*!|>%@`]|: |:$| #|\s$/.test(s);
	if (plain && !/^(true|false|null|y|n|yes|no|on|off)$/i.test(s)) return s;
	if (/^[0-9a-z]+$/.test(s) && parse(s) === s) return s;
	return JSON.stringify(s);
}

const slugify = (s: string) =>
	s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function badgeMd(b: BadgeSpec): string {
	const lines = ['---', `name: ${q(b.name)}`, `description: ${q(b.description)}`, `type: ${b.type}`];
	if (b.tags) lines.push(`tags: [${b.tags.map(q).join(', ')}]`);
	if (b.alignments) {
		lines.push('alignments:');
		for (const a of b.alignments) {
			lines.push(`  - name: ${q(a.name)}`, `    url: ${a.url}`);
			if (a.framework) lines.push(`    framework: ${q(a.framework)}`);
			if (a.code) lines.push(`    code: "${a.code}"`);
		}
	}
	if (b.validity) lines.push(`validity: ${b.validity}`);
	lines.push('---', b.criteria, '');
	return lines.join('\n');
}

/** Writes the site; removes whatever was at `root` first. */
export function generateSite(root: string, awards: number, seed = 1): GeneratedSite {
	rmSync(root, { recursive: true, force: true });
	const r = prng(seed * 7919 + awards);
	let contentBytes = 0;
	let files = 0;
	const write = (rel: string, data: string | Buffer) => {
		const file = path.join(root, rel);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, data);
		contentBytes += Buffer.byteLength(data);
		files++;
	};

	write('issuer.yaml', ISSUER_YAML);
	write('assets/logo.svg', LOGO_SVG);
	write('README.md', '# Badges de Passerelles Jeunesse\n\nContenu publié avec Blason (données synthétiques du benchmark).\n');

	const imageBytes: Record<string, number> = {};
	BADGES.forEach((b, i) => {
		const target = 30_000 + Math.floor(prng(seed + i)() * 50_000) + 1_000; // 31–81 kB, within 30–80 KiB
		const hue = (i * 47) % 360;
		const art = b.format === 'png' ? makePng(seed * 1000 + i, hue, target) : makeSvg(seed * 1000 + i, hue, b.name, target);
		write(`badges/${b.slug}/badge.md`, badgeMd(b));
		write(`badges/${b.slug}/image.${b.format}`, art);
		imageBytes[b.slug] = art.length;
	});

	// Popular badges are awarded much more often than rare ones (Zipf-like).
	const badgeWeights = BADGES.map((b, i) => [b.slug, 1 / (i + 1) ** 0.8] as const);
	const usedIds = new Set<string>();
	const usedSlots = new Set<number>();
	const newId = () => {
		for (;;) {
			const id = Array.from({ length: 12 }, () => ID_ALPHABET[Math.floor(r() * 32)]).join('');
			// Like `npm run new-id`: no two awards may share a revocation status bit.
			if (!usedIds.has(id) && !usedSlots.has(statusIndex(id)) && parse(id) === id) {
				usedIds.add(id);
				usedSlots.add(statusIndex(id));
				return id;
			}
		}
	};
	const start = Date.UTC(2019, 0, 1);
	const days = Math.floor((Date.UTC(2025, 11, 31) - start) / 86_400_000);
	const usedSlugs = new Set<string>();

	let left = awards;
	let recipients = 0;
	while (left > 0) {
		const first = pick(r, FIRST);
		const last = pick(r, LAST);
		let slug = slugify(`${first}-${last[0]}`);
		for (let n = 2; usedSlugs.has(slug); n++) slug = slugify(`${first}-${last}${n > 2 ? `-${n - 1}` : ''}`);
		usedSlugs.add(slug);
		// The address exists only here, in memory: only its salted hash is written.
		const email = `${slugify(first)}.${slugify(last)}${recipients}@exemple.fr`;
		const salt = Buffer.from(Array.from({ length: 16 }, () => Math.floor(r() * 256))).toString('base64url');
		const count = Math.min(left, weighted(r, [[1, 45], [2, 30], [3, 15], [4, 10]] as const));
		left -= count;
		const lines = ['identity:', `  hash: ${hashEmail(email, salt)}`, `  salt: ${q(salt)}`];
		const showName = r() < 0.4;
		if (showName) lines.push(`name: ${q(`${first} ${last}`)}`, 'consent:', '  showName: true');
		lines.push('awards:');
		const given = new Set<string>();
		for (let i = 0; i < count; i++) {
			let badge = weighted(r, badgeWeights);
			while (given.has(badge)) badge = pick(r, BADGES).slug;
			given.add(badge);
			const day = new Date(start + int(r, 0, days) * 86_400_000).toISOString().slice(0, 10);
			lines.push(`  - id: ${q(newId())}`, `    badge: ${badge}`, `    issuedOn: ${day}`);
			if (r() < 0.3) lines.push(`    narrative: ${q(pick(r, NARRATIVES))}`);
			if (r() < 0.15) {
				lines.push('    evidence:');
				for (let e = int(r, 1, 2); e > 0; e--) {
					const ev = pick(r, EVIDENCE);
					const fields = Object.entries(ev).map(([k, v]) => `${k}: ${q(v)}`);
					lines.push(`      - ${fields[0]}`, ...fields.slice(1).map((f) => `        ${f}`));
				}
			}
		}
		write(`recipients/${slug}.yaml`, `${lines.join('\n')}\n`);
		recipients++;
	}

	// Commit it, like an association's repository (see the note at the top).
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=Blason bench', '-c', 'user.email=bench@invalid', '-c', 'commit.gpgsign=false', ...args], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', `Synthetic content: ${awards} awards`);
	git('gc', '-q'); // a repository cloned from a forge is packed; loose objects cost 10× more to read

	return { root, awards, recipients, badges: BADGES.length, imageBytes, contentBytes, files };
}

// ---------------------------------------------------------------------------------------------
// CLI

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opt = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const awards = Number(opt('--awards') ?? 1000);
	const seed = Number(opt('--seed') ?? 1);
	const projectRoot = fileURLToPath(new URL('..', import.meta.url));
	const out = path.resolve(opt('--out') ?? path.join(projectRoot, 'bench/out/sites', String(awards)));
	const t0 = performance.now();
	const g = generateSite(out, awards, seed);
	const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
	console.log(`Generated ${g.awards} awards for ${g.recipients} recipients, ${g.badges} badges, ${g.files} files (${kib(g.contentBytes)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
	console.log(`Artwork: ${Object.entries(g.imageBytes).map(([s, n]) => `${s} ${kib(n)}`).join(', ')}`);
}
