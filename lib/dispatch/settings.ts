import { z } from 'zod';

// Where approved actions go, read by lib/env.ts with every other setting. Each kind has at most
// one destination: orders go to Shopify or to a generic endpoint, WhatsApp messages to the
// Cloud API or to a generic endpoint. Nothing configured means approvals are recorded, not sent.

const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean));

/** Standard Webhooks secrets are `whsec_` + base64 of 24–64 random bytes. */
const standardWebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+=*$/, 'must be whsec_ followed by base64')
  .refine((s) => Buffer.from(s.slice('whsec_'.length), 'base64').length >= 16, 'must decode to at least 16 bytes');

export const dispatchSettings = {
  /** ISO 4217 currency of order prices (Shopify needs it on every amount). */
  ORDER_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as INR').default('INR'),
  SHOPIFY_STORE_DOMAIN: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as my-store.myshopify.com').optional(),
  SHOPIFY_ADMIN_TOKEN: z.string().min(1).optional(),
  SHOPIFY_API_VERSION: z.string().regex(/^(\d{4}-\d{2}|unstable)$/, 'must look like 2025-10').default('2025-10'),
  ORDER_WEBHOOK_URL: z.url().optional(),
  ORDER_WEBHOOK_SECRET: standardWebhookSecret.optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, 'must be the numeric phone number id').optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_GRAPH_BASE_URL: z.url().default('https://graph.facebook.com/v23.0'),
  WHATSAPP_WEBHOOK_URL: z.url().optional(),
  WHATSAPP_WEBHOOK_SECRET: standardWebhookSecret.optional(),
  /** Pre-approved template names; past the 24-hour window one of them must be chosen. */
  WHATSAPP_TEMPLATES: list,
  WHATSAPP_TEMPLATE_LANGUAGE: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a language code such as en or en_US').default('en'),
  /** Test-only: host names that may be reached over plain http (local fake destinations). */
  DISPATCH_ALLOW_INSECURE_HOSTS: list,
  DISPATCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  DISPATCH_BACKOFF_BASE_SECONDS: z.coerce.number().min(0.001).max(3600).default(60),
};

/** Signing secrets for outgoing requests; env.ts must not read them as provider webhook secrets. */
export const OUTBOUND_SECRET_KEYS = new Set(['ORDER_WEBHOOK_SECRET', 'WHATSAPP_WEBHOOK_SECRET']);

type Settings = z.infer<z.ZodObject<typeof dispatchSettings>>;

function urlProblem(name: string, value: string | undefined, insecureHosts: string[]): string | null {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && insecureHosts.includes(url.hostname)) return null;
  return `${name}: must be an https:// URL (http only for hosts in DISPATCH_ALLOW_INSECURE_HOSTS, which is for tests)`;
}

/** Settings that are each valid but do not fit together. */
export function dispatchSettingProblems(s: Settings): string[] {
  const problems: string[] = [];
  const pair = (a: keyof Settings, b: keyof Settings) => {
    if (Boolean(s[a]) !== Boolean(s[b])) problems.push(`${a} and ${b}: set both or neither`);
  };
  pair('SHOPIFY_STORE_DOMAIN', 'SHOPIFY_ADMIN_TOKEN');
  pair('ORDER_WEBHOOK_URL', 'ORDER_WEBHOOK_SECRET');
  pair('WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN');
  pair('WHATSAPP_WEBHOOK_URL', 'WHATSAPP_WEBHOOK_SECRET');
  if (s.SHOPIFY_STORE_DOMAIN && s.ORDER_WEBHOOK_URL) problems.push('SHOPIFY_STORE_DOMAIN and ORDER_WEBHOOK_URL: orders go to one destination; set one');
  if (s.WHATSAPP_PHONE_NUMBER_ID && s.WHATSAPP_WEBHOOK_URL) problems.push('WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_WEBHOOK_URL: WhatsApp messages go to one destination; set one');
  const insecure = s.DISPATCH_ALLOW_INSECURE_HOSTS;
  for (const name of ['ORDER_WEBHOOK_URL', 'WHATSAPP_WEBHOOK_URL'] as const) {
    const problem = urlProblem(name, s[name], insecure);
    if (problem) problems.push(problem);
  }
  if (s.WHATSAPP_PHONE_NUMBER_ID) {
    const problem = urlProblem('WHATSAPP_GRAPH_BASE_URL', s.WHATSAPP_GRAPH_BASE_URL, insecure);
    if (problem) problems.push(problem);
  }
  return problems;
}
