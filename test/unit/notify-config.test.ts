import { describe, expect, it } from 'vitest';
import { readMailConfig } from '../../src/lib/notify/index.ts';

const FROM = '"Passerelles Jeunesse" <badges@passerelles-jeunesse.example.org>';

describe('readMailConfig', () => {
	it('reads smtps:// (TLS, port 465) and smtp:// (STARTTLS required, port 587), decoding the login', () => {
		expect(readMailConfig({ BLASON_SMTP_URL: 'smtps://badges%40asso.example.org:p%40ss%3Aw%2Frd@smtp.example.org', BLASON_MAIL_FROM: FROM })).toEqual({
			config: { host: 'smtp.example.org', port: 465, secure: true, requireTls: false, auth: { user: 'badges@asso.example.org', pass: 'p@ss:w/rd' }, from: FROM, rejectUnauthorized: true },
		});
		expect(readMailConfig({ BLASON_SMTP_URL: 'smtp://u:p@smtp.example.org', BLASON_MAIL_FROM: 'badges@asso.example.org', BLASON_SMTP_TLS_REJECT_UNAUTHORIZED: 'false' }).config).toMatchObject({
			port: 587, secure: false, requireTls: true, rejectUnauthorized: false,
		});
	});

	it('does not require STARTTLS on the loopback, and takes no login', () => {
		for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
			expect(readMailConfig({ BLASON_SMTP_URL: `smtp://${host}:2525`, BLASON_MAIL_FROM: FROM }).config).toMatchObject({ host: host.replace(/[[\]]/g, ''), port: 2525, requireTls: false, auth: undefined });
		}
	});

	it('reports every problem at once, never repeating the URL', () => {
		const { problems } = readMailConfig({ BLASON_SMTP_URL: 'smtp://u:secret@smtp.example.org/path?x=1', BLASON_MAIL_FROM: 'a@example.org, b@example.org', BLASON_SMTP_TLS_REJECT_UNAUTHORIZED: '0' });
		expect(problems?.map((p) => p.code)).toEqual(['ERR_NOTIFY_CONFIG_URL', 'ERR_NOTIFY_CONFIG_FROM', 'ERR_NOTIFY_CONFIG_TLS']);
		expect(JSON.stringify(problems)).not.toContain('secret');
		expect(readMailConfig({ BLASON_SMTP_URL: 'smtp://u:%E0%A4%A@smtp.example.org', BLASON_MAIL_FROM: FROM }).problems?.[0]?.message).toBe('BLASON_SMTP_URL has a user name or password that is not correctly percent-encoded (its value is not repeated: it may hold a password)');
		expect(readMailConfig({ BLASON_SMTP_URL: 'smtps://smtp.example.org', BLASON_MAIL_FROM: 'badges@example.org\r\nBcc: x@example.org' }).problems?.[0]?.code).toBe('ERR_NOTIFY_CONFIG_FROM');
	});
});
