import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SendResult } from '@/lib/action-kinds/destination';
import type { EmailTarget } from '@/lib/env-dispatch';
import { absoluteLink, openFor, utc, verb } from './link';
import type { AlertChannel, AlertMessage, AlertNotification } from './types';

// Email through SMTP (nodemailer): one message per notification to every ALERT_EMAILS address.
// Its Message-ID is the outbox row id, so a copy a person re-sends is recognisably the same
// message, and every message of one alert references the alert, so mail clients thread them.
//
// nodemailer's SMTPConnection is used directly rather than a transport, because only it tells
// how far a send got: a message is accepted only once its final "." is sent and answered 250,
// so a connection lost before the whole message was handed over cannot have delivered it (tried
// again, as a request that never reached the destination), and one lost after it may have
// (needs_check, never a blind second copy). A reply decides the rest: 5xx fails, 4xx tries again.

export const EMAIL = 'email';

/** The domain of the sender's address: Message-IDs are ours under it. */
function domainOf(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'callboard.local';
}

export interface AlertEmail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  references: string;
  text: string;
}

export function alertEmail(n: AlertNotification, row: Pick<AlertMessage, 'id' | 'alertId'>, target: EmailTarget, appUrl: string | null): AlertEmail {
  const domain = domainOf(target.from);
  const title = n.title.replace(/\s+/g, ' ').trim();
  const link = absoluteLink(n.link, appUrl);
  const duration = n.resolvedAt ? openFor(n.openedAt, n.resolvedAt) : null;
  const text = [
    `${verb(n.event)}: ${title}`,
    ...(n.detail ? ['', n.detail] : []),
    ...(link ? ['', `Open in Callboard: ${link}`] : []),
    '',
    `Severity: ${n.severity}`,
    `Rule: ${n.rule} (${n.subject})`,
    `Opened: ${utc(n.openedAt)}`,
    ...(n.resolvedAt ? [`Resolved: ${utc(n.resolvedAt)}${duration ? ` (open ${duration})` : ''}`] : []),
    '',
    '-- ',
    'Callboard alerts. Who gets them: ALERT_EMAILS on the server.',
  ].join('\n');
  return {
    from: target.from,
    to: target.to,
    subject: `[Callboard] ${verb(n.event)}: ${title}`,
    messageId: `<${row.id}@${domain}>`,
    references: `<alert-${row.alertId}@${domain}>`,
    text,
  };
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

/** What a failed send means: the server's reply decides; without one, how far the message got. */
export function smtpOutcome(error: unknown, handedOver: boolean): SendResult {
  const e = (error ?? {}) as SmtpError;
  const what = [e.code, e.response ?? e.message].filter(Boolean).join(': ') || String(error);
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return permanent
      ? { outcome: 'failed', httpStatus: null, error: `SMTP ${e.responseCode}, refused for good: ${what}` }
      : { outcome: 'retry', httpStatus: null, error: `SMTP ${e.responseCode}: ${what}`, retryAfterMs: null, unreached: false };
  }
  if (!handedOver)
    return {
      outcome: 'retry',
      httpStatus: null,
      error: `${what} (before the whole message was sent; it cannot have been delivered)`,
      retryAfterMs: null,
      unreached: true,
    };
  return { outcome: 'uncertain', httpStatus: null, error: `${what} (after the whole message was sent, before the server's answer)` };
}

/** One SMTP session: connect (TLS as configured), log in, send, quit. */
async function deliver(target: EmailTarget, mail: AlertEmail, timeoutMs: number): Promise<SendResult> {
  const node = new MailComposer({
    from: target.from,
    to: mail.to,
    subject: mail.subject,
    messageId: mail.messageId,
    references: mail.references,
    text: mail.text,
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  const raw = await node.build();
  const envelope = node.getEnvelope();
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    secure: target.secure,
    requireTLS: target.requireTLS,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  let handedOver = false;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: unknown) => {
      finish(smtpOutcome(error, handedOver));
      connection.close();
    };
    // A whole session, however slowly the server answers each step, ends within the drain's lease.
    const timer = setTimeout(() => fail(Object.assign(new Error(`no answer within ${3 * timeoutMs} ms`), { code: 'ETIMEDOUT' })), 3 * timeoutMs);
    // Errors after the result (a QUIT unanswered) change nothing.
    connection.on('error', (error) => fail(error));
    connection.connect((error) => {
      if (error) return fail(error);
      const login = (next: () => void) =>
        target.user ? connection.login({ user: target.user, pass: target.pass ?? '' }, (e) => (e ? fail(e) : next())) : next();
      login(() => {
        const message = Readable.from([raw]);
        message.once('end', () => {
          handedOver = true;
        });
        connection.send(envelope, message, (e, info) => {
          if (e) return fail(e);
          if (info.rejected.length > 0) console.warn(`[alerts] the mail server refused ${info.rejected.length} of the ALERT_EMAILS addresses`);
          finish({ outcome: 'sent', httpStatus: null, responseId: info.serverMessageId ?? mail.messageId });
          connection.quit();
        });
      });
    });
  });
}

export const emailChannel: AlertChannel = {
  name: EMAIL,
  configured: (config) => config.email !== null,
  label: (config) => (config.email ? `email to ${config.email.to.length} address${config.email.to.length === 1 ? '' : 'es'}` : 'email'),
  // SMTP is not HTTP: the one host this channel talks to is SMTP_URL's, and nothing else.
  hosts: () => [],
  sender(config) {
    const target = config.email;
    if (!target) return null;
    return { send: (message) => deliver(target, alertEmail(message.payload, message, target, config.appUrl), config.timeoutMs) };
  },
};
