import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredAlertChannels } from '@/lib/alert-channels/registry';
import { queueAlertNotifications } from '@/lib/commands/alerts/notify';
import { transaction } from '@/lib/db';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { testConfig } from '../dispatch';
import { type FakeDestination, slackFake } from '../fake-destinations';
import { type FakeSmtp, startFakeSmtp } from '../fake-smtp';
import { testDb } from '../webhooks';

// Alert notifications through the outbox: a local Slack-compatible receiver and a local SMTP
// server get exactly one message per opening and per resolution, retried when they fail, and
// nothing goes to a channel or a host that is not configured. The alerts are made here
// (lib/alerts decides when; this file is about sending what it queues).

const LOGIN = { user: 'alerts', pass: 'relay-password' };
let slack: FakeDestination;
let smtp: FakeSmtp;
let config: DispatchConfig;

beforeAll(async () => {
  slack = await slackFake();
  smtp = await startFakeSmtp(LOGIN);
  config = testConfig({
    slack: { url: `${slack.origin}/services/T000/B000/secret` },
    email: {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      requireTLS: false,
      user: LOGIN.user,
      pass: LOGIN.pass,
      to: ['ops@example.com', 'lead@example.com'],
      from: 'Callboard <alerts@cb.test>',
    },
    appUrl: 'https://cb.test',
  });
});
afterAll(async () => {
  await slack.close();
  await smtp.close();
});

async function openAlert(title = `Orders waiting ${randomUUID().slice(0, 8)}`) {
  const { rows } = await testDb().query<{ id: string }>(
    `INSERT INTO alert (rule, subject, severity, title, detail, link, facts, opened_at)
     VALUES ('waiting_approval', $1, 'warning', $2, 'Oldest 42 min', '/approvals?kind=create_order', '{"count": 3}', now() - interval '42 minutes')
     RETURNING id`,
    [randomUUID(), title],
  );
  const id = rows[0]?.id as string;
  return { id, title };
}

const resolve = (id: string) => testDb().query(`UPDATE alert SET state = 'resolved', resolved_at = now() WHERE id = $1`, [id]);

const queue = (alert: { id: string }, event: 'opened' | 'resolved', channels: string[]) =>
  transaction((tx) => queueAlertNotifications(tx, alert, event, channels));

async function rowsOf(alertId: string) {
  const { rows } = await testDb().query<{
    id: string;
    alert_event: string;
    destination: string;
    kind: string;
    status: string;
    attempts: number;
    unreached_attempts: number;
    last_error: string | null;
    next_attempt_at: Date;
    payload: Record<string, unknown>;
  }>(`SELECT * FROM dispatch_outbox WHERE alert_id = $1 ORDER BY created_at, destination`, [alertId]);
  return rows;
}

/** Drains these alerts' rows until none is pending, skipping backoff waits. */
async function settle(alertIds: string[], cfg: DispatchConfig = config) {
  for (let round = 0; round < 20; round++) {
    await drainOutbox({ alertIds, config: cfg, limit: 10 });
    const { rows } = await testDb().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dispatch_outbox WHERE alert_id = ANY($1::uuid[]) AND status IN ('pending', 'in_flight')`,
      [alertIds],
    );
    if (rows[0]?.n === 0) return;
    await testDb().query(`UPDATE dispatch_outbox SET next_attempt_at = now() WHERE alert_id = ANY($1::uuid[]) AND status = 'pending'`, [alertIds]);
  }
  throw new Error('alert notifications still pending after 20 rounds');
}

const slackMessages = (title: string) =>
  slack.requests.map((r) => JSON.parse(r.body) as { text: string; blocks: unknown[] }).filter((m) => m.text.includes(title));
const mails = (title: string) => smtp.messages.filter((m) => m.subject?.includes(title));

describe('alert notifications', () => {
  it('one Slack message and one email per opening and per resolution; none while it stays open', async () => {
    const alert = await openAlert();
    expect(await queue(alert, 'opened', ['slack', 'email'])).toBe(2);
    // The same opening again (a second evaluation, a retry of the transaction): nothing new.
    expect(await queue(alert, 'opened', ['slack', 'email'])).toBe(0);
    const queued = await rowsOf(alert.id);
    expect(queued.map((r) => [r.alert_event, r.destination, r.kind, r.status])).toEqual([
      ['opened', 'email', 'alert', 'pending'],
      ['opened', 'slack', 'alert', 'pending'],
    ]);
    expect(queued[0]?.payload).toMatchObject({
      rule: 'waiting_approval',
      event: 'opened',
      title: alert.title,
      link: '/approvals?kind=create_order',
      resolvedAt: null,
    });

    // A drain for some actions leaves them alone; one for the alert sends them.
    expect((await drainOutbox({ actionIds: [randomUUID()], config })).claimed).toBe(0);
    await settle([alert.id]);
    expect(slackMessages(alert.title)).toHaveLength(1);
    expect(mails(alert.title)).toHaveLength(1);

    // Still open: queued again, nothing is sent again.
    expect(await queue(alert, 'opened', ['slack', 'email'])).toBe(0);
    await settle([alert.id]);
    expect(slackMessages(alert.title)).toHaveLength(1);
    expect(mails(alert.title)).toHaveLength(1);

    await resolve(alert.id);
    expect(await queue(alert, 'resolved', ['slack', 'email'])).toBe(2);
    expect(await queue(alert, 'resolved', ['slack', 'email'])).toBe(0);
    await settle([alert.id]);

    const posted = slackMessages(alert.title);
    expect(posted.map((m) => m.text.split('\n')[0])).toEqual([`:large_orange_circle: Opened: ${alert.title}`, `:white_check_mark: Resolved: ${alert.title}`]);
    expect(posted[0]?.text).toContain('<https://cb.test/approvals?kind=create_order|Open in Callboard>');
    // Only to the configured webhook's path.
    expect(new Set(slack.requests.map((r) => r.path))).toEqual(new Set(['/services/T000/B000/secret']));

    const sent = mails(alert.title);
    expect(sent.map((m) => m.subject)).toEqual([`[Callboard] Opened: ${alert.title}`, `[Callboard] Resolved: ${alert.title}`]);
    const rows = await rowsOf(alert.id);
    const emailRows = rows.filter((r) => r.destination === 'email');
    // Message-ID is the outbox row: a duplicate would be visible as one.
    expect(sent.map((m) => m.messageId)).toEqual(emailRows.map((r) => `<${r.id}@cb.test>`));
    for (const m of sent) {
      expect(m.from).toBe('alerts@cb.test');
      expect(m.to).toEqual(['ops@example.com', 'lead@example.com']);
    }
    expect(sent[0]?.raw).toContain('https://cb.test/approvals?kind=create_order');
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('evaluations racing to queue the same event make one row per channel; a channel this server does not know gets none', async () => {
    const alert = await openAlert();
    const queued = await Promise.all(Array.from({ length: 6 }, () => queue(alert, 'opened', ['slack', 'email', 'pager'])));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await rowsOf(alert.id)).map((r) => r.destination)).toEqual(['email', 'slack']);
    await settle([alert.id]);
    expect(slackMessages(alert.title)).toHaveLength(1);
    expect(mails(alert.title)).toHaveLength(1);
  });

  it('a receiver that fails is tried again, and the message arrives once', async () => {
    const alert = await openAlert();
    slack.script.set('slack', ['fail500']);
    smtp.script.push('fail451');
    const sessions = smtp.sessions;
    await queue(alert, 'opened', ['slack', 'email']);
    await settle([alert.id]);
    expect(slackMessages(alert.title)).toHaveLength(2); // the 500, then the one that arrived
    expect(slack.effects.get('slack')).toBe(slack.requests.length - 1);
    expect(mails(alert.title)).toHaveLength(1);
    expect(smtp.sessions - sessions).toBe(2);
    const rows = await rowsOf(alert.id);
    expect(rows.map((r) => [r.destination, r.status, r.attempts])).toEqual([
      ['email', 'sent', 2],
      ['slack', 'sent', 2],
    ]);
    const { rows: log } = await testDb().query<{ outcome: string; error: string | null }>(
      `SELECT t.outcome, t.error FROM dispatch_attempt t JOIN dispatch_outbox o ON o.id = t.outbox_id WHERE o.alert_id = $1 AND o.destination = 'email' ORDER BY t.number`,
      [alert.id],
    );
    expect(log.map((l) => l.outcome)).toEqual(['retry', 'sent']);
    expect(log[0]?.error).toMatch(/SMTP 451/);
  });

  it('a rate limit is waited out as the receiver asks (Retry-After)', async () => {
    const alert = await openAlert();
    slack.script.set('slack', ['throttle:30']);
    await queue(alert, 'opened', ['slack']);
    await drainOutbox({ alertIds: [alert.id], config });
    const [row] = await rowsOf(alert.id);
    expect(row?.status).toBe('pending');
    expect(row?.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 25_000);
    slack.script.delete('slack');
  });

  it('nothing goes to a channel that is not configured', async () => {
    const alert = await openAlert();
    const slackOnly = testConfig({ slack: config.slack, appUrl: config.appUrl });
    expect(configuredAlertChannels(slackOnly)).toEqual(['slack']);
    expect(configuredAlertChannels(testConfig())).toEqual([]);
    // This process's own settings configure neither: queued by default, nothing is queued.
    expect(await transaction((tx) => queueAlertNotifications(tx, alert, 'opened'))).toBe(0);
    expect(await queue(alert, 'opened', configuredAlertChannels(slackOnly))).toBe(1);
    const before = smtp.received;
    await settle([alert.id], slackOnly);
    expect(slackMessages(alert.title)).toHaveLength(1);
    expect(smtp.received).toBe(before);

    // A row left from when email was configured is not taken by a server without it.
    await resolve(alert.id);
    await queue(alert, 'resolved', ['email']);
    const report = await drainOutbox({ alertIds: [alert.id], config: slackOnly });
    expect(report.claimed).toBe(0);
    expect(smtp.received).toBe(before);
    expect((await rowsOf(alert.id)).find((r) => r.destination === 'email')?.status).toBe('pending');
  });

  it('only the configured host, and only as configured: plain http to a host not allowed it is refused before a byte is sent', async () => {
    const alert = await openAlert();
    const notAllowed = testConfig({ slack: config.slack, insecureHosts: [] });
    const requests = slack.requests.length;
    await queue(alert, 'opened', ['slack']);
    await settle([alert.id], notAllowed);
    expect(slack.requests.length).toBe(requests);
    const [row] = await rowsOf(alert.id);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toMatch(/Refused: .* is not https/);
    expect(row?.last_error).not.toContain('secret');
  });

  it('an attempt cut off after it left is for a person to check, never sent twice', async () => {
    const alert = await openAlert();
    slack.script.set('slack', ['lateOk']);
    smtp.script.push('hang');
    await queue(alert, 'opened', ['slack', 'email']);
    await settle([alert.id]);
    const rows = await rowsOf(alert.id);
    expect(rows.map((r) => [r.destination, r.status])).toEqual([
      ['email', 'needs_check'],
      ['slack', 'needs_check'],
    ]);
    expect(rows.find((r) => r.destination === 'email')?.last_error).toMatch(/after the whole message was sent/);
    // Slack did post it (the answer came too late); it is not posted again.
    await new Promise((r) => setTimeout(r, slack.lateMs));
    await settle([alert.id]);
    expect(slackMessages(alert.title)).toHaveLength(1);
  });

  it('a mail server that cannot be reached is tried again without using up attempts; one that refuses for good fails', async () => {
    const down = await startFakeSmtp();
    const port = down.port;
    await down.close();
    const unreachable = testConfig({ email: { ...(config.email as NonNullable<DispatchConfig['email']>), port, user: null, pass: null } });
    const alert = await openAlert();
    await queue(alert, 'opened', ['email']);
    await drainOutbox({ alertIds: [alert.id], config: unreachable });
    const [row] = await rowsOf(alert.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, unreached_attempts: 1 });
    expect(row?.last_error).toMatch(/cannot have been delivered/);

    const refused = await openAlert();
    smtp.script.push('reject550');
    await queue(refused, 'opened', ['email']);
    await settle([refused.id]);
    const [failed] = await rowsOf(refused.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.last_error).toMatch(/SMTP 550/);
    expect(mails(refused.title)).toHaveLength(0);
  });
});
