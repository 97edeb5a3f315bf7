import { describe, expect, it } from 'vitest';
import { absoluteLink } from './link';
import { slackBody } from './slack';
import type { AlertNotification } from './types';

const opened: AlertNotification = {
  rule: 'waiting_approval',
  subject: 'create_order',
  event: 'opened',
  severity: 'warning',
  title: '3 orders waiting over 15 min — oldest 42 min',
  detail: 'The oldest: <Asha & co> since 19:33',
  link: '/approvals?kind=create_order',
  openedAt: '2026-12-05T20:15:00.000Z',
  resolvedAt: null,
  facts: { count: 3 },
};

describe('absolute links', () => {
  it("put the app's own paths on its origin, and nothing else", () => {
    expect(absoluteLink('/approvals?kind=create_order', 'https://cb.example.com')).toBe('https://cb.example.com/approvals?kind=create_order');
    // Without the origin, the path is what a person can use.
    expect(absoluteLink('/approvals', null)).toBe('/approvals');
    // A link that would leave the app is dropped: another origin, a protocol-relative one, a scheme.
    expect(absoluteLink('//evil.example/x', 'https://cb.example.com')).toBeNull();
    expect(absoluteLink('https://evil.example/x', 'https://cb.example.com')).toBeNull();
    expect(absoluteLink('javascript:alert(1)', 'https://cb.example.com')).toBeNull();
    expect(absoluteLink('/\\evil.example', 'https://cb.example.com')).toBeNull();
    expect(absoluteLink(null, 'https://cb.example.com')).toBeNull();
  });
});

describe('the Slack message', () => {
  it('says what opened, with the detail and a link to the thing itself; text is the fallback every Slack-compatible receiver shows', () => {
    const body = slackBody(opened, 'https://cb.example.com');
    expect(body.text).toContain('Opened: 3 orders waiting over 15 min — oldest 42 min');
    expect(body.text).toContain('<https://cb.example.com/approvals?kind=create_order|Open in Callboard>');
    // Slack's three control characters are escaped in what we did not write.
    expect(body.text).toContain('The oldest: &lt;Asha &amp; co&gt; since 19:33');
    const json = JSON.stringify(body.blocks);
    expect(json).toContain('3 orders waiting over 15 min');
    // Times in each reader's own zone (Slack's date token), with a UTC fallback.
    expect(json).toContain('<!date^1796501700^');
    expect(json).toContain('2026-12-05 20:15 UTC');
    // Facts stay in Callboard: they may name people.
    expect(JSON.stringify(body)).not.toContain('count');
  });

  it('says what resolved, and how long it was open', () => {
    const body = slackBody({ ...opened, event: 'resolved', resolvedAt: '2026-12-05T21:02:00.000Z' }, 'https://cb.example.com');
    expect(body.text).toMatch(/^:white_check_mark: Resolved: 3 orders waiting/);
    expect(JSON.stringify(body.blocks)).toContain('open 47 min');
  });

  it('without the app origin, shows the path; a critical one is marked so', () => {
    const body = slackBody({ ...opened, severity: 'critical' }, null);
    expect(body.text).toMatch(/^:red_circle: Opened:/);
    expect(body.text).toContain('/approvals?kind=create_order');
    expect(body.text).not.toContain('|Open in Callboard>');
  });

  it("keeps within Slack's block limits (a section's text is at most 3000 characters), so a long detail cannot make Slack refuse the message", () => {
    const body = slackBody({ ...opened, title: 'T'.repeat(500), detail: '<&>'.repeat(2000) }, 'https://cb.example.com');
    const section = body.blocks[0] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).toContain('…');
    expect(section.text.text).toContain('|Open in Callboard>');
    // An escape is never cut in half.
    expect(section.text.text).not.toMatch(/&(a|am|l|g|lt|gt)?…/);
  });
});
