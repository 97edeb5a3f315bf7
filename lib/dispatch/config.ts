import type { Env } from '@/lib/env';
import type { RetryPolicy } from './backoff';

// The validated settings (lib/dispatch/settings.ts) turned into what the outbox needs: which
// destination each action kind goes to, and how to reach it.

export type DestinationName = 'shopify' | 'standard_webhook' | 'whatsapp_cloud';

export interface ShopifyTarget { domain: string; token: string; apiVersion: string; currency: string }
export interface StandardWebhookTarget { url: string; secret: string }
export interface WhatsAppCloudTarget { baseUrl: string; phoneNumberId: string; token: string; templateLanguage: string }

export interface DispatchConfig {
  shopify: ShopifyTarget | null;
  orderWebhook: StandardWebhookTarget | null;
  whatsappCloud: WhatsAppCloudTarget | null;
  whatsappWebhook: StandardWebhookTarget | null;
  templates: string[];
  templateLanguage: string;
  currency: string;
  /** Test-only: hosts reachable over http. */
  insecureHosts: string[];
  timeoutMs: number;
  policy: RetryPolicy;
}

export function dispatchConfig(env: Env): DispatchConfig {
  return {
    shopify: env.SHOPIFY_STORE_DOMAIN && env.SHOPIFY_ADMIN_TOKEN
      ? { domain: env.SHOPIFY_STORE_DOMAIN, token: env.SHOPIFY_ADMIN_TOKEN, apiVersion: env.SHOPIFY_API_VERSION, currency: env.ORDER_CURRENCY }
      : null,
    orderWebhook: env.ORDER_WEBHOOK_URL && env.ORDER_WEBHOOK_SECRET ? { url: env.ORDER_WEBHOOK_URL, secret: env.ORDER_WEBHOOK_SECRET } : null,
    whatsappCloud: env.WHATSAPP_PHONE_NUMBER_ID && env.WHATSAPP_ACCESS_TOKEN
      ? { baseUrl: env.WHATSAPP_GRAPH_BASE_URL.replace(/\/+$/, ''), phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID, token: env.WHATSAPP_ACCESS_TOKEN, templateLanguage: env.WHATSAPP_TEMPLATE_LANGUAGE }
      : null,
    whatsappWebhook: env.WHATSAPP_WEBHOOK_URL && env.WHATSAPP_WEBHOOK_SECRET ? { url: env.WHATSAPP_WEBHOOK_URL, secret: env.WHATSAPP_WEBHOOK_SECRET } : null,
    templates: env.WHATSAPP_TEMPLATES,
    templateLanguage: env.WHATSAPP_TEMPLATE_LANGUAGE,
    currency: env.ORDER_CURRENCY,
    insecureHosts: env.DISPATCH_ALLOW_INSECURE_HOSTS,
    timeoutMs: env.DISPATCH_TIMEOUT_MS,
    policy: { maxAttempts: env.DISPATCH_MAX_ATTEMPTS, baseMs: env.DISPATCH_BACKOFF_BASE_SECONDS * 1000, factor: 3, maxMs: 12 * 60 * 60 * 1000 },
  };
}

/** The destination an approved action of this kind goes to, or null when none is configured. */
export function destinationFor(kind: string, config: DispatchConfig): DestinationName | null {
  if (kind === 'create_order') return config.shopify ? 'shopify' : config.orderWebhook ? 'standard_webhook' : null;
  if (kind === 'send_whatsapp') return config.whatsappCloud ? 'whatsapp_cloud' : config.whatsappWebhook ? 'standard_webhook' : null;
  return null;
}

/** Destinations this server can send to: a drainer only claims rows it can deliver. */
export function configuredDestinations(config: DispatchConfig): DestinationName[] {
  const names = new Set<DestinationName>();
  if (config.shopify) names.add('shopify');
  if (config.orderWebhook || config.whatsappWebhook) names.add('standard_webhook');
  if (config.whatsappCloud) names.add('whatsapp_cloud');
  return [...names];
}

/** Human words for the queue and the API: where a kind goes, or why it goes nowhere. */
export function destinationLabel(kind: string, config: DispatchConfig): string | null {
  const name = destinationFor(kind, config);
  if (name === 'shopify') return `Shopify (${config.shopify?.domain})`;
  if (name === 'whatsapp_cloud') return 'WhatsApp Cloud API';
  const webhook = kind === 'create_order' ? config.orderWebhook : config.whatsappWebhook;
  if (name === 'standard_webhook' && webhook) return new URL(webhook.url).host;
  return null;
}
