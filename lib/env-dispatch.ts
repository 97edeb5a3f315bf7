import { z } from 'zod';

// Where approved actions and alert notifications go, read by lib/env.ts with every other
// setting, and the shape the outbox reads them in (DispatchConfig). It sits in the env layer,
// beside env.ts, so reading the environment never imports dispatch. Each kind has at most one
// destination: orders go to Shopify or to a generic endpoint, WhatsApp messages to the Cloud API
// or to a generic endpoint. Nothing configured means approvals are recorded, not sent. Alert
// notifications go to each channel that is configured (a Slack-compatible webhook, email), or
// nowhere but the app.

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** Standard Webhooks secrets are `whsec_` + base64 of 24–64 random bytes. */
const standardWebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+=*$/, 'must be whsec_ followed by base64')
  .refine((s) => Buffer.from(s.slice('whsec_'.length), 'base64').length >= 16, 'must decode to at least 16 bytes');

export const dispatchSettings = {
  /**
   * ISO 4217 currency the store sells in: sent with orders to the own endpoint, and an order quoted
   * in another currency is refused. Shopify orders use the shop's own currency, asked of Shopify.
   */
  ORDER_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as INR')
    .default('INR'),
  SHOPIFY_STORE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as my-store.myshopify.com')
    .optional(),
  SHOPIFY_ADMIN_TOKEN: z.string().min(1).optional(),
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^(\d{4}-\d{2}|unstable)$/, 'must look like 2025-10')
    .default('2025-10'),
  ORDER_WEBHOOK_URL: z.url().optional(),
  ORDER_WEBHOOK_SECRET: standardWebhookSecret.optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, 'must be the numeric phone number id').optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_GRAPH_BASE_URL: z.url().default('https://graph.facebook.com/v23.0'),
  WHATSAPP_WEBHOOK_URL: z.url().optional(),
  WHATSAPP_WEBHOOK_SECRET: standardWebhookSecret.optional(),
  /** Pre-approved template names; past the 24-hour window one of them must be chosen. */
  WHATSAPP_TEMPLATES: list,
  WHATSAPP_TEMPLATE_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a language code such as en or en_US')
    .default('en'),
  /** Test-only: host names that may be reached over plain http (local fake destinations). */
  DISPATCH_ALLOW_INSECURE_HOSTS: list,
  DISPATCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  DISPATCH_BACKOFF_BASE_SECONDS: z.coerce.number().min(0.001).max(3600).default(60),
  /** Slack (or any Slack-compatible) incoming webhook: alert notifications are posted there. Its path is a secret. */
  SLACK_WEBHOOK_URL: z.url().optional(),
  /** smtp://user:pass@host:587 (STARTTLS required) or smtps://user:pass@host:465 (TLS from the start): alert emails. */
  SMTP_URL: z.string().optional(),
  /** Who gets alert emails, comma-separated; required with SMTP_URL. */
  ALERT_EMAILS: list,
  /** The sender of alert emails: an address or `Name <address>`; default Callboard <alerts@host of BETTER_AUTH_URL>. */
  ALERT_EMAIL_FROM: z.string().trim().optional(),
};

/** Signing secrets for outgoing requests; env.ts must not read them as provider webhook secrets. */
export const OUTBOUND_SECRET_KEYS = new Set(['ORDER_WEBHOOK_SECRET', 'WHATSAPP_WEBHOOK_SECRET']);

export type DispatchSettings = z.infer<z.ZodObject<typeof dispatchSettings>>;
/** What dispatchConfig reads: the dispatch settings and the app's public origin (links in notifications). */
export type DispatchEnv = DispatchSettings & { BETTER_AUTH_URL?: string | undefined };

interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
}

/** SMTP_URL read, or what is wrong with it: never the URL itself, which may hold a password. */
function parseSmtpUrl(value: string): SmtpServer | string {
  const shape = 'must be smtp:// or smtps://[user:password@]host[:port]';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return shape;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return shape;
  if (!url.hostname || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) return shape;
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return shape;
  if (Boolean(url.username) !== Boolean(url.password)) return `${shape}: set both user and password, or neither`;
  const decode = (part: string) => (part ? decodeURIComponent(part) : null);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, secure, user: decode(url.username), pass: decode(url.password) };
}

const emailAddress = z.email();

/** The address inside `Name <address>`, or the whole value. */
const addressOf = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from;

function defaultFrom(appUrl: string | undefined): string {
  const host = appUrl ? new URL(appUrl).hostname : '';
  return `Callboard <alerts@${host.includes('.') ? host : 'callboard.local'}>`;
}

function urlProblem(name: string, value: string | undefined, insecureHosts: string[]): string | null {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && insecureHosts.includes(url.hostname)) return null;
  return `${name}: must be an https:// URL (http only for hosts in DISPATCH_ALLOW_INSECURE_HOSTS, which is for tests)`;
}

/** Settings that are each valid but do not fit together. */
export function dispatchSettingProblems(s: DispatchSettings): string[] {
  const problems: string[] = [];
  const pair = (a: keyof DispatchSettings, b: keyof DispatchSettings) => {
    if (Boolean(s[a]) !== Boolean(s[b])) problems.push(`${a} and ${b}: set both or neither`);
  };
  pair('SHOPIFY_STORE_DOMAIN', 'SHOPIFY_ADMIN_TOKEN');
  pair('ORDER_WEBHOOK_URL', 'ORDER_WEBHOOK_SECRET');
  pair('WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN');
  pair('WHATSAPP_WEBHOOK_URL', 'WHATSAPP_WEBHOOK_SECRET');
  if (s.SHOPIFY_STORE_DOMAIN && s.ORDER_WEBHOOK_URL) problems.push('SHOPIFY_STORE_DOMAIN and ORDER_WEBHOOK_URL: orders go to one destination; set one');
  if (s.WHATSAPP_PHONE_NUMBER_ID && s.WHATSAPP_WEBHOOK_URL)
    problems.push('WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_WEBHOOK_URL: WhatsApp messages go to one destination; set one');
  const insecure = s.DISPATCH_ALLOW_INSECURE_HOSTS;
  for (const name of ['ORDER_WEBHOOK_URL', 'WHATSAPP_WEBHOOK_URL'] as const) {
    const problem = urlProblem(name, s[name], insecure);
    if (problem) problems.push(problem);
  }
  if (s.WHATSAPP_PHONE_NUMBER_ID) {
    const problem = urlProblem('WHATSAPP_GRAPH_BASE_URL', s.WHATSAPP_GRAPH_BASE_URL, insecure);
    if (problem) problems.push(problem);
  }
  const slack = urlProblem('SLACK_WEBHOOK_URL', s.SLACK_WEBHOOK_URL, insecure);
  if (slack) problems.push(slack);
  if (Boolean(s.SMTP_URL) !== s.ALERT_EMAILS.length > 0) problems.push('SMTP_URL and ALERT_EMAILS: set both or neither');
  if (s.SMTP_URL) {
    const smtp = parseSmtpUrl(s.SMTP_URL);
    if (typeof smtp === 'string') problems.push(`SMTP_URL: ${smtp}`);
  }
  const notEmails = s.ALERT_EMAILS.filter((to) => !emailAddress.safeParse(to).success);
  if (notEmails.length > 0) problems.push(`ALERT_EMAILS: not email addresses: ${notEmails.join(', ')}`);
  if (s.ALERT_EMAIL_FROM !== undefined && (!emailAddress.safeParse(addressOf(s.ALERT_EMAIL_FROM)).success || /[\r\n]/.test(s.ALERT_EMAIL_FROM)))
    problems.push('ALERT_EMAIL_FROM: must be an email address, or Name <address>');
  return problems;
}

/** When to try a destination again (lib/dispatch/backoff.ts applies it). */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one the action is failed. */
  maxAttempts: number;
  /** Delay after the first failed attempt. */
  baseMs: number;
  factor: number;
  maxMs: number;
}

export interface ShopifyTarget {
  domain: string;
  token: string;
  apiVersion: string;
  /** ORDER_CURRENCY; the sender uses the shop's own currency, asked of Shopify. */
  currency: string;
}
export interface StandardWebhookTarget {
  url: string;
  secret: string;
}
/** A Slack-compatible incoming webhook (SLACK_WEBHOOK_URL). */
export interface SlackTarget {
  url: string;
}
/** Where alert emails go (SMTP_URL, ALERT_EMAILS, ALERT_EMAIL_FROM). */
export interface EmailTarget extends SmtpServer {
  /** STARTTLS must succeed (smtp://, unless the host is a test host in DISPATCH_ALLOW_INSECURE_HOSTS). */
  requireTLS: boolean;
  to: string[];
  from: string;
}
export interface WhatsAppCloudTarget {
  baseUrl: string;
  phoneNumberId: string;
  token: string;
  templateLanguage: string;
}

/** The validated settings as the outbox and the action kinds read them. */
export interface DispatchConfig {
  shopify: ShopifyTarget | null;
  orderWebhook: StandardWebhookTarget | null;
  whatsappCloud: WhatsAppCloudTarget | null;
  whatsappWebhook: StandardWebhookTarget | null;
  templates: string[];
  templateLanguage: string;
  currency: string;
  /** Alert notifications: each channel, or null when it is not configured. */
  slack: SlackTarget | null;
  email: EmailTarget | null;
  /** The app's public origin (BETTER_AUTH_URL) for links in notifications; null: links are shown as paths. */
  appUrl: string | null;
  /** Test-only: hosts reachable over http. */
  insecureHosts: string[];
  timeoutMs: number;
  policy: RetryPolicy;
}

/** The parsed settings (env() has them all) turned into what the outbox needs. */
export function dispatchConfig(s: DispatchEnv): DispatchConfig {
  const smtp = s.SMTP_URL ? parseSmtpUrl(s.SMTP_URL) : null;
  return {
    shopify:
      s.SHOPIFY_STORE_DOMAIN && s.SHOPIFY_ADMIN_TOKEN
        ? { domain: s.SHOPIFY_STORE_DOMAIN, token: s.SHOPIFY_ADMIN_TOKEN, apiVersion: s.SHOPIFY_API_VERSION, currency: s.ORDER_CURRENCY }
        : null,
    orderWebhook: s.ORDER_WEBHOOK_URL && s.ORDER_WEBHOOK_SECRET ? { url: s.ORDER_WEBHOOK_URL, secret: s.ORDER_WEBHOOK_SECRET } : null,
    whatsappCloud:
      s.WHATSAPP_PHONE_NUMBER_ID && s.WHATSAPP_ACCESS_TOKEN
        ? {
            baseUrl: s.WHATSAPP_GRAPH_BASE_URL.replace(/\/+$/, ''),
            phoneNumberId: s.WHATSAPP_PHONE_NUMBER_ID,
            token: s.WHATSAPP_ACCESS_TOKEN,
            templateLanguage: s.WHATSAPP_TEMPLATE_LANGUAGE,
          }
        : null,
    whatsappWebhook: s.WHATSAPP_WEBHOOK_URL && s.WHATSAPP_WEBHOOK_SECRET ? { url: s.WHATSAPP_WEBHOOK_URL, secret: s.WHATSAPP_WEBHOOK_SECRET } : null,
    templates: s.WHATSAPP_TEMPLATES,
    templateLanguage: s.WHATSAPP_TEMPLATE_LANGUAGE,
    currency: s.ORDER_CURRENCY,
    slack: s.SLACK_WEBHOOK_URL ? { url: s.SLACK_WEBHOOK_URL } : null,
    email:
      smtp && typeof smtp !== 'string' && s.ALERT_EMAILS.length > 0
        ? {
            ...smtp,
            requireTLS: !smtp.secure && !s.DISPATCH_ALLOW_INSECURE_HOSTS.includes(smtp.host),
            to: s.ALERT_EMAILS,
            from: s.ALERT_EMAIL_FROM || defaultFrom(s.BETTER_AUTH_URL),
          }
        : null,
    appUrl: s.BETTER_AUTH_URL ? new URL(s.BETTER_AUTH_URL).origin : null,
    insecureHosts: s.DISPATCH_ALLOW_INSECURE_HOSTS,
    timeoutMs: s.DISPATCH_TIMEOUT_MS,
    policy: { maxAttempts: s.DISPATCH_MAX_ATTEMPTS, baseMs: s.DISPATCH_BACKOFF_BASE_SECONDS * 1000, factor: 3, maxMs: 12 * 60 * 60 * 1000 },
  };
}
