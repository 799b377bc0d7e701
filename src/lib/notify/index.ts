/**
 * Telling recipients about their awards by e-mail (`npm run award -- … --notify`,
 * `npm run notify`): the SMTP configuration from the environment, the bilingual message, and the
 * sending. No address is stored, printed or logged here.
 */
export { readMailConfig, type MailConfig, type MailConfigProblem } from './config.ts';
export { awardMessage, escapeHtml, type AwardMessageInput, type MailMessage } from './message.ts';
export { messageForAward, type AwardToNotify } from './for-award.ts';
export { createMailer, SendFailure, type Mailer } from './send.ts';
