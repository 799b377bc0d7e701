import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNewBadge, slugify } from '../../src/lib/cli/new-badge-command.ts';
import { checkImage } from '../../src/lib/content/images.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe('npm run new-badge', () => {
	let site: ReturnType<typeof tempSite>;
	afterEach(() => site?.remove());

	const newBadge = async (args: string[], options: { ask?: (q: string) => Promise<string> } = {}) => {
		const io = captureIo();
		const code = await runNewBadge([...args, '--root', site.root], { io, interactive: options.ask !== undefined, ...options });
		return { code, stdout: io.stdout(), stderr: io.stderr() };
	};
	const read = (file: string) => readFileSync(path.join(site.root, file), 'utf8');

	it('writes badge.md and a placeholder SVG from flags, and the content still loads', async () => {
		site = tempSite();
		const result = await newBadge([
			'--name', 'Éco-délégué·e de l\'année',
			'--type', 'engagement',
			'--description', 'Reconnaît un engagement: pour le climat, au lycée.',
			'--tags', 'écologie, citoyenneté,écologie',
			'--validity', 'P2Y',
			'--image-alt', 'Un cercle bleu',
		]);
		expect(result).toEqual({
			code: 0,
			stderr: '',
			stdout: [
				'✓ Badge créé / badge created: badges/eco-delegue-e-de-l-annee/',
				'  badges/eco-delegue-e-de-l-annee/badge.md',
				'  badges/eco-delegue-e-de-l-annee/image.svg (provisoire / placeholder)',
				'',
				"Remplacez badges/eco-delegue-e-de-l-annee/image.svg par l'image du badge (PNG ou SVG, 512×512 pixels au plus) et écrivez ses critères dans badge.md, puis lancez npm run check.",
				'Replace badges/eco-delegue-e-de-l-annee/image.svg with the badge artwork (PNG or SVG, at most 512×512 pixels) and write its criteria in badge.md, then run npm run check.',
			].join('\n'),
		});
		expect(read('badges/eco-delegue-e-de-l-annee/badge.md')).toBe(`---
# yaml-language-server: $schema=../../schemas/badge.schema.json
name: Éco-délégué·e de l'année
description: "Reconnaît un engagement: pour le climat, au lycée."
type: engagement
tags: [ écologie, citoyenneté ]
validity: P2Y
imageAlt: Un cercle bleu
---
Décrivez ici les critères d'obtention du badge : ce qu'une personne doit avoir fait pour le recevoir.
`);
		const svg = read('badges/eco-delegue-e-de-l-annee/image.svg');
		expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>Éco-délégué·e de l'année</title>
  <circle cx="256" cy="256" r="240" fill="#1f5f8b"/>
  <text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="180" font-weight="bold" fill="#ffffff">ÉD</text>
</svg>
`);
		expect(checkImage(new TextEncoder().encode(svg), 'image.svg').problems).toEqual([]);

		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems).toEqual([]);
		expect(loaded!.badges.get('eco-delegue-e-de-l-annee')).toMatchObject({
			name: "Éco-délégué·e de l'année",
			description: 'Reconnaît un engagement: pour le climat, au lycée.',
			type: 'engagement',
			tags: ['écologie', 'citoyenneté'],
			validity: 'P2Y',
			imageAlt: 'Un cercle bleu',
			image: { format: 'svg' },
		});
	});

	it('writes only the fields given, uses a neutral colour without a primary colour, and escapes the SVG', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'issuer.yaml'), read('issuer.yaml').replace(/^primaryColor:.*\n/m, ''));
		expect((await newBadge(['--name', 'R&D <test>', '--slug', 'r-et-d', '--type', 'Skill', '--description', 'Oui.'])).code).toBe(0);
		expect(read('badges/r-et-d/badge.md')).toBe(`---
# yaml-language-server: $schema=../../schemas/badge.schema.json
name: R&D <test>
description: Oui.
type: skill
---
Décrivez ici les critères d'obtention du badge : ce qu'une personne doit avoir fait pour le recevoir.
`);
		const svg = read('badges/r-et-d/image.svg');
		expect(svg).toContain('<title>R&amp;D &lt;test&gt;</title>');
		expect(svg).toContain('fill="#6b7280"');
		expect(svg).toContain('>RT</text>');
		expect((await loadSite(site.root, { now })).problems).toEqual([]);
	});

	it('copies --image byte for byte', async () => {
		site = tempSite();
		const source = path.join(site.root, 'badges/atelier-numerique/image.png');
		const outside = path.join(site.root, 'Artwork.PNG');
		writeFileSync(outside, readFileSync(source));
		const result = await newBadge(['--name', 'Atelier vidéo', '--type', 'skill', '--description', 'A monté une vidéo.', '--image', outside]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('  badges/atelier-video/image.png\n');
		expect(readFileSync(path.join(site.root, 'badges/atelier-video/image.png')).equals(readFileSync(source))).toBe(true);
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems).toEqual([]);
		expect(loaded!.badges.get('atelier-video')!.image.format).toBe('png');
	});

	it('asks for missing values in a terminal', async () => {
		site = tempSite();
		const questions: string[] = [];
		const answers = ['Premiers secours', 'competency', 'A obtenu le PSC1.'];
		const result = await newBadge([], { ask: async (q) => (questions.push(q), answers.shift()!) });
		expect(result.code).toBe(0);
		expect(questions).toEqual([
			'Nom du badge (badge name) : ',
			'Type (participation, engagement, skill, competency, achievement, project, facilitation, training, volunteering, leadership) : ',
			'Description en une ou deux phrases (one or two sentences on what it recognises) : ',
		]);
		expect(read('badges/premiers-secours/badge.md')).toContain('name: Premiers secours\ndescription: A obtenu le PSC1.\ntype: competency\n');
	});

	it.each([
		{
			name: 'a misspelt type, with the nearest one',
			args: ['--name', 'X badge', '--type', 'skil', '--description', 'D.'],
			code: 2,
			message: '✗ --type "skil" is not a badge type — did you mean "skill"?',
		},
		{
			name: 'an existing slug',
			args: ['--name', 'Engagement citoyen', '--type', 'engagement', '--description', 'D.'],
			code: 1,
			message: "✗ badges/engagement-citoyen/ already exists — choose another slug with --slug, or edit that badge's files by hand",
		},
		{
			name: 'a missing --name without a terminal',
			args: ['--type', 'skill', '--description', 'D.'],
			code: 2,
			message: expect.stringMatching(/^✗ missing --name: give the badge's name — usage: npm run new-badge -- /),
		},
		{
			name: 'an invalid --slug',
			args: ['--name', 'X badge', '--slug', 'Mon_Badge', '--type', 'skill', '--description', 'D.'],
			code: 2,
			message: '✗ --slug "Mon_Badge" cannot be a badge folder name — use lowercase letters, digits and single hyphens, without accents, e.g. --slug mon-badge',
		},
		{
			name: 'an invalid --validity',
			args: ['--name', 'X badge', '--type', 'skill', '--description', 'D.', '--validity', '2 ans'],
			code: 2,
			message: '✗ --validity "2 ans" is not a duration — write an ISO 8601 duration in years, months, weeks or days, e.g. P2Y (two years), P6M, P90D; leave it out for a badge that never expires',
		},
		{
			name: 'an image that is not PNG or SVG',
			args: ['--name', 'X badge', '--type', 'skill', '--description', 'D.', '--image', 'photo.jpg'],
			code: 2,
			message: '✗ --image photo.jpg is not a .png or .svg file — Open Badges allows only PNG and SVG artwork: convert the image first',
		},
	])('refuses $name and writes nothing', async ({ args, code, message }) => {
		site = tempSite();
		const before = snapshotFiles(site.root);
		expect(await newBadge(args)).toEqual({ code, stdout: '', stderr: message });
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses an image that checkImage refuses', async () => {
		site = tempSite();
		mkdirSync(path.join(site.root, 'art'));
		writeFileSync(path.join(site.root, 'art/evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		const before = snapshotFiles(site.root);
		const result = await newBadge(['--name', 'X badge', '--type', 'skill', '--description', 'D.', '--image', path.join(site.root, 'art/evil.svg')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^✗ --image .*evil\.svg: the SVG contains a <script> element — badge artwork must not run code/);
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('makes slugs from names', () => {
		expect(slugify('Cœur  de Métier — Niveau 2')).toBe('coeur-de-metier-niveau-2');
		expect(slugify('¿¡!')).toBe('');
	});

	it('runs as a command: exit codes, messages on stderr, never a stack trace', async () => {
		site = tempSite();
		const ok = await runScript('new-badge', ['--name', 'Bénévole', '--type', 'volunteering', '--description', 'A aidé.', '--root', site.root]);
		expect(ok).toMatchObject({ code: 0, stderr: '' });
		expect(ok.stdout).toMatch(/^✓ Badge créé \/ badge created: badges\/benevole\/\n/);
		for (const [args, code] of [
			[['--type', 'skill', '--description', 'D.'], 2],
			[['--name', 'Bénévole', '--type', 'volunteering', '--description', 'A aidé.'], 1],
			[['--name', 'Autre', '--type', 'volunter', '--description', 'D.'], 2],
			[['--name', 'Autre', '--type', 'skill', '--description', 'D.', '--image', 'absent.png'], 2],
		] as const) {
			const result = await runScript('new-badge', [...args, '--root', site.root]);
			expect(result.code, args.join(' ')).toBe(code);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^✗ /);
			expect(result.stderr).not.toMatch(/^\s+at /m);
		}
	});
});
