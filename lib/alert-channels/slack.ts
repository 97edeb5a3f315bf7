import type { DispatchConfig } from '@/lib/env-dispatch';
import { absoluteLink, openFor, utc, verb } from './link';
import type { AlertChannel, AlertNotification } from './types';

// A Slack incoming webhook, or anything that takes its shape (Mattermost, Rocket.Chat, Discord's
// /slack endpoint, Google Chat through a bridge): POST {text, blocks}. `text` carries the whole
// message for receivers that ignore blocks. 2xx is sent; 408, 429 (Retry-After) and 5xx are
// tried again; any other 4xx is failed. An incoming webhook has no idempotency key and nothing to
// ask, so an attempt cut off after it left is needs_check, never sent blindly again.

export const SLACK = 'slack';

/** Slack's mrkdwn gives &, < and > meaning; text we did not write is escaped. */
const mrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack refuses a section whose text is longer than this (invalid_blocks, for good). */
const SECTION_MAX = 3000;
const TITLE_MAX = 300;

/** At most `max` characters, an ellipsis where it was cut, never inside an escape (&amp; &lt; &gt;). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5 && text.indexOf(';', amp) >= cut) cut = amp;
  return `${text.slice(0, cut)}…`;
}

/** Slack's date token: shown in each reader's own zone, the UTC words where it is not understood. */
function when(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${utc(iso)}>` : mrkdwn(iso);
}

function mark(n: AlertNotification): string {
  if (n.event === 'resolved') return ':white_check_mark:';
  return n.severity === 'critical' ? ':red_circle:' : ':large_orange_circle:';
}

export function slackBody(n: AlertNotification, appUrl: string | null): { text: string; blocks: unknown[] } {
  const url = absoluteLink(n.link, appUrl);
  // A URL in <url|label> must not hold the separator; WHATWG URLs already encode < and >.
  const link = url === null ? null : appUrl ? `<${url.replace(/\|/g, '%7C')}|Open in Callboard>` : mrkdwn(url);
  const title = clip(mrkdwn(n.title), TITLE_MAX);
  const head = `*${verb(n.event)}:* ${title}`;
  // The detail takes what the section has left after the title and the link.
  const room = SECTION_MAX - head.length - (link ? link.length + 1 : 0) - 1;
  const detail = n.detail && room > 1 ? clip(mrkdwn(n.detail), room) : null;
  const text = [`${mark(n)} ${verb(n.event)}: ${title}`, detail, link].filter(Boolean).join('\n');
  const duration = n.resolvedAt ? openFor(n.openedAt, n.resolvedAt) : null;
  const context = [
    n.severity,
    mrkdwn(n.rule),
    `opened ${when(n.openedAt)}`,
    n.resolvedAt ? `resolved ${when(n.resolvedAt)}${duration ? ` (open ${duration})` : ''}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: [head, detail, link].filter(Boolean).join('\n') },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}

export const slackChannel: AlertChannel = {
  name: SLACK,
  configured: (config) => config.slack !== null,
  label: (config: DispatchConfig) => (config.slack ? `Slack (${new URL(config.slack.url).host})` : 'Slack'),
  hosts: (config) => (config.slack ? [new URL(config.slack.url).host] : []),
  sender(config, http) {
    const target = config.slack;
    if (!target) return null;
    return {
      async send(message) {
        const ex = await http.exchange(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Callboard-Alerts/1' },
          body: JSON.stringify(slackBody(message.payload, config.appUrl)),
        });
        return ex.kind === 'response' ? http.fromStatus(ex) : http.fromFailure(ex);
      },
    };
  },
};
