/**
 * The badge request form: its template and the parser of the issue body GitHub makes from it
 * agree on the field ids (the request page prefills the form with them) and on the labels (the
 * body is read back by them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONSENT_OPTION, parseRequestForm, REQUEST_FIELDS, REQUEST_LABELS } from '../../src/lib/github/issue-form.ts';
import { projectRoot } from '../helpers.ts';
import { formBody } from './request-body.ts';

const template = parse(readFileSync(path.join(projectRoot, '.github/ISSUE_TEMPLATE/badge-request.yml'), 'utf8'));

describe('the badge request form', () => {
	it('has the fields the request page fills in, with the labels the workflow reads', () => {
		expect(template.labels).toEqual(['badge-request']);
		const fields = template.body.filter((b: { id?: string }) => b.id);
		expect(fields.map((f: { id: string }) => f.id)).toEqual([...REQUEST_FIELDS]);
		for (const f of fields) expect(f.attributes.label, f.id).toBe(REQUEST_LABELS[f.id as keyof typeof REQUEST_LABELS]);
		const consent = fields.find((f: { id: string }) => f.id === 'consent');
		expect(consent.type).toBe('checkboxes');
		expect(consent.attributes.options).toEqual([{ label: CONSENT_OPTION, required: false }]);
		const required = fields.filter((f: { validations?: { required?: boolean } }) => f.validations?.required).map((f: { id: string }) => f.id);
		expect(required).toEqual(['badge', 'identity-hash', 'identity-salt']);
	});

	it('warns first, in French then English, never to write an e-mail address', () => {
		const first = template.body[0];
		expect(first.type).toBe('markdown');
		expect(first.attributes.value).toMatch(/^> \[!WARNING\]\n> \*\*N'écrivez jamais votre adresse e-mail ici/);
		expect(first.attributes.value).toContain("**Never write your e-mail address here, anywhere.**");
	});
});

describe('reading the issue body', () => {
	it('reads every field as GitHub renders it', () => {
		const body = formBody({ badge: 'atelier-numerique', hash: `sha256$${'0f'.repeat(32)}`, salt: 'Salt1234', name: 'Léa M.', consent: true, url: 'https://example.org/photos', narrative: "J'ai animé l'atelier.\n\nDeux séances.", code: 'K7M2-X9QD' });
		expect(parseRequestForm(body)).toEqual({
			badge: 'atelier-numerique',
			'identity-hash': `sha256$${'0f'.repeat(32)}`,
			'identity-salt': 'Salt1234',
			name: 'Léa M.',
			consent: true,
			'evidence-url': 'https://example.org/photos',
			narrative: "J'ai animé l'atelier.\n\nDeux séances.",
			'claim-code': 'K7M2-X9QD',
		});
	});

	it('leaves out fields with no response, and an unticked box is no consent', () => {
		const body = formBody({ badge: 'atelier-numerique', hash: 'h', salt: 's', name: 'Léa M.' });
		expect(body).toContain('_No response_');
		expect(body).toContain(`- [ ] ${CONSENT_OPTION}`);
		expect(parseRequestForm(body)).toEqual({ badge: 'atelier-numerique', 'identity-hash': 'h', 'identity-salt': 's', name: 'Léa M.', consent: false });
	});

	it('survives Windows line breaks, a heading written in a narrative and headings by id', () => {
		const body = formBody({ badge: 'atelier-numerique', hash: 'h', salt: 's', narrative: `### ${REQUEST_LABELS.badge}\nautre-badge\n### Mon projet\nUn vélo.` }).replace(/\n/g, '\r\n');
		const form = parseRequestForm(body);
		expect(form.badge).toBe('atelier-numerique');
		expect(form.narrative).toBe(`### ${REQUEST_LABELS.badge}\nautre-badge\n### Mon projet\nUn vélo.`);
		expect(parseRequestForm('### badge\n\nvelo\n\n### Claim-Code\n\nABCD1234')).toEqual({ badge: 'velo', 'claim-code': 'ABCD1234', consent: false });
		expect(parseRequestForm('')).toEqual({ consent: false });
	});
});
