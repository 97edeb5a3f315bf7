import { providerById } from '@/lib/providers/registry';
import { demoCalls } from './demo-plan';
import { sendCalls } from './send';
import { endpointOf, SIM_PROVIDERS, type SimProvider } from './sign';
import { DEMO_WHATSAPP, demoReplies, sendDemoReplies } from './whatsapp';

// Demo data goes through the real webhook endpoints, never straight into tables, so a demo
// exercises verify → normalize → store → fold exactly as production traffic would.

/** Fake, fixed secrets for local demos: never valid anywhere else. */
export const DEMO_SECRETS = {
  mirai: 'sk_deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
  minivoice: 'demo_minivoice_webhook_secret',
  atoms: 'demo_atoms_signing_secret',
  'mirai-v2': 'whsec_demo_mirai_v2_signing_secret',
} as const;

/** Mirai v2's demo secret (the demo sends its calls too, so the month holds voicemail). */
export const DEMO_MIRAI_V2_SECRET = DEMO_SECRETS['mirai-v2'];

/** The demo secret for any simulated provider. */
export function demoSecret(provider: SimProvider): string {
  return DEMO_SECRETS[endpointOf(provider)];
}

/** The setting that holds a provider's webhook secret: <PREFIX>_WEBHOOK_SECRET (lib/env.ts). */
export function secretSetting(provider: string): string {
  return `${providerById(provider)?.envPrefix ?? provider.toUpperCase()}_WEBHOOK_SECRET`;
}

/** The server settings that make it accept what the demo secrets sign: MIRAI_WEBHOOK_SECRET …, and WhatsApp's. */
export function demoSecretSettings(): Record<string, string> {
  return {
    ...Object.fromEntries(Object.entries(DEMO_SECRETS).map(([provider, secret]) => [secretSetting(provider), secret])),
    WHATSAPP_APP_SECRET: DEMO_WHATSAPP.appSecret,
    WHATSAPP_VERIFY_TOKEN: DEMO_WHATSAPP.verifyToken,
  };
}

/** A fixed seed gives every demo the same month; ids still differ per run. */
const DEMO_SEED = 20260801;

export interface SeedDemoOptions {
  baseUrl: string;
  secrets: Record<keyof typeof DEMO_SECRETS, string>;
  log?: (msg: string) => void;
  /** Multiplies the month's volume (default 1: about 450 calls, 1,600 deliveries). */
  scale?: number;
  now?: Date;
  /**
   * WhatsApp's app secret on the server: a few customers asked over WhatsApp write back
   * (simulator/whatsapp.ts), to this business number (default DEMO_WHATSAPP.phoneNumberId).
   */
  whatsapp?: { appSecret: string; phoneNumberId?: string };
}

/**
 * Sends a month of calls across all providers and outcomes (simulator/demo-plan.ts), oldest
 * first. Each run adds new calls. Never throws for a rejected or failed delivery; it logs them.
 * `deliveries` counts the events the server accepted (2xx).
 */
export async function seedDemo(opts: SeedDemoOptions): Promise<{ calls: number; deliveries: number; seconds: number }> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  // Every story whose endpoint has a secret here: the server refuses the others.
  const providers = SIM_PROVIDERS.filter((p) => endpointOf(p) in opts.secrets);
  const calls = demoCalls({ now: opts.now ?? new Date(), seed: DEMO_SEED, scale: opts.scale, providers });
  const events = calls.reduce((sum, call) => sum + call.events.length, 0);
  log(`demo: sending ${events} webhook events for ${calls.length} calls over the last 30 days to ${opts.baseUrl}`);
  const result = await sendCalls({ baseUrl: opts.baseUrl, calls, secrets: opts.secrets, concurrency: 4 });
  const statuses = Object.entries(result.byStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log(`demo: ${result.ok}/${result.sent} accepted (${statuses}) in ${seconds} s`);
  if (result.firstFailure) log(`demo: ${result.failed} failed; first: ${result.firstFailure}`);
  if (opts.whatsapp) {
    const replies = demoReplies(calls, opts.now ?? new Date());
    const sent = await sendDemoReplies({
      baseUrl: opts.baseUrl,
      appSecret: opts.whatsapp.appSecret,
      phoneNumberId: opts.whatsapp.phoneNumberId ?? DEMO_WHATSAPP.phoneNumberId,
      replies,
    });
    log(`demo: ${sent.ok}/${replies.length} WhatsApp replies accepted${sent.firstFailure ? `; first failure: ${sent.firstFailure}` : ''}`);
  }
  return { calls: calls.length, deliveries: result.ok, seconds };
}
