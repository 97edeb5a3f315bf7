import { describe, expect, it } from 'vitest';
import type { EmailTarget } from '@/lib/env-dispatch';
import { alertEmail, smtpOutcome } from './email';
import type { AlertNotification } from './types';

const target: EmailTarget = {
  host: 'smtp.example.com',
  port: 587,
  secure: false,
  requireTLS: true,
  user: 'u',
  pass: 'p',
  to: ['ops@example.com', 'lead@example.com'],
  from: 'Callboard <alerts@cb.example.com>',
};
const opened: AlertNotification = {
  rule: 'provider_refusing',
  subject: 'vapi',
  event: 'opened',
  severity: 'critical',
  title: 'Vapi: 6 of 20 deliveries refused\nin 15 min',
  detail: 'Signatures failing since 20:01',
  link: '/deliveries?provider=vapi',
  openedAt: '2026-12-05T20:15:00.000Z',
  resolvedAt: null,
  facts: { refused: 6 },
};
const row = { id: '0c7f7b9e-0d7e-4a43-9b35-2f0c3b1d2a11', alertId: 'a1b2c3d4-0000-4000-8000-000000000001' };

describe('the alert email', () => {
  it('goes to every ALERT_EMAILS address in one message, its Message-ID the outbox row, threaded by the alert', () => {
    const mail = alertEmail(opened, row, target, 'https://cb.example.com');
    expect(mail.from).toBe('Callboard <alerts@cb.example.com>');
    expect(mail.to).toEqual(['ops@example.com', 'lead@example.com']);
    // One line: a title never breaks the header.
    expect(mail.subject).toBe('[Callboard] Opened: Vapi: 6 of 20 deliveries refused in 15 min');
    expect(mail.messageId).toBe(`<${row.id}@cb.example.com>`);
    expect(mail.references).toBe(`<alert-${row.alertId}@cb.example.com>`);
    expect(mail.text).toContain('Signatures failing since 20:01');
    expect(mail.text).toContain('https://cb.example.com/deliveries?provider=vapi');
    expect(mail.text).toContain('2026-12-05 20:15 UTC');
    expect(mail.text).toContain('critical');
    expect(mail.text).not.toContain('refused: 6');
  });

  it('says Resolved, when, and after how long', () => {
    const mail = alertEmail({ ...opened, event: 'resolved', resolvedAt: '2026-12-05T22:20:00.000Z' }, row, target, null);
    expect(mail.subject).toMatch(/^\[Callboard\] Resolved: Vapi/);
    expect(mail.text).toContain('Resolved: 2026-12-05 22:20 UTC (open 2 h 5 min)');
    expect(mail.text).toContain('/deliveries?provider=vapi');
  });
});

describe('what an SMTP failure means', () => {
  const reply = (code: number, permanent: boolean) =>
    Object.assign(new Error('Message failed'), { code: 'EMESSAGE', responseCode: code, response: `${code} no`, permanent });
  it('a permanent reply fails; a transient one is tried again', () => {
    expect(smtpOutcome(reply(550, true), true)).toMatchObject({ outcome: 'failed' });
    expect(smtpOutcome(reply(451, false), true)).toMatchObject({ outcome: 'retry', unreached: false });
  });
  it('a connection lost before the whole message was handed over cannot have delivered it; after, it may have', () => {
    const lost = Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' });
    expect(smtpOutcome(lost, false)).toMatchObject({ outcome: 'retry', unreached: true });
    expect(smtpOutcome(lost, true)).toMatchObject({ outcome: 'uncertain' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' });
    expect(smtpOutcome(refused, false)).toMatchObject({ outcome: 'retry', unreached: true });
  });
});
