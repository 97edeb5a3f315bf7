import { providerById } from '@/lib/providers/registry';
import { generateCalls } from './lifecycles';
import { sendCalls } from './send';
import { endpointOf, type SimProvider } from './sign';

// Demo data goes through the real webhook endpoints, never straight into tables, so a demo
// exercises verify → normalize → store → fold exactly as production traffic would.

/** Fake, fixed secrets for local demos: never valid anywhere else. */
export const DEMO_SECRETS = {
  mirai: 'sk_deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
  minivoice: 'demo_minivoice_webhook_secret',
  atoms: 'demo_atoms_signing_secret',
} as const;

/** Mirai v2's demo secret: apart from DEMO_SECRETS, whose keys name the dev server's env settings. */
export const DEMO_MIRAI_V2_SECRET = 'whsec_demo_mirai_v2_signing_secret';

/** The demo secret for any simulated provider. */
export function demoSecret(provider: SimProvider): string {
  const endpoint = endpointOf(provider);
  return endpoint === 'mirai-v2' ? DEMO_MIRAI_V2_SECRET : DEMO_SECRETS[endpoint];
}

/** The setting that holds a provider's webhook secret: <PREFIX>_WEBHOOK_SECRET (lib/env.ts). */
export function secretSetting(provider: string): string {
  return `${providerById(provider)?.envPrefix ?? provider.toUpperCase()}_WEBHOOK_SECRET`;
}

/** The server settings that make it accept what the demo secrets sign: MIRAI_WEBHOOK_SECRET … */
export function demoSecretSettings(): Record<string, string> {
  return Object.fromEntries(Object.entries(DEMO_SECRETS).map(([provider, secret]) => [secretSetting(provider), secret]));
}

/** A fixed seed gives every demo the same mix of stories; ids still differ per run. */
const DEMO_SEED = 20260801;

export interface SeedDemoOptions {
  baseUrl: string;
  secrets: { mirai: string; minivoice: string; atoms: string };
  log?: (msg: string) => void;
  /** Number of calls (default 40: enough for every provider to show every outcome). */
  count?: number;
}

/**
 * Sends a week of calls across all providers and outcomes. Each run adds new calls. Never
 * throws for a rejected or failed delivery; it logs them. `deliveries` counts the events the
 * server accepted (2xx).
 */
export async function seedDemo(opts: SeedDemoOptions): Promise<{ calls: number; deliveries: number }> {
  const log = opts.log ?? (() => {});
  const calls = generateCalls({ count: opts.count ?? 40, seed: DEMO_SEED, now: new Date(), days: 7 });
  const events = calls.reduce((sum, call) => sum + call.events.length, 0);
  log(`demo: sending ${events} webhook events for ${calls.length} calls to ${opts.baseUrl}`);
  const result = await sendCalls({ baseUrl: opts.baseUrl, calls, secrets: { ...opts.secrets, 'mirai-v2': DEMO_MIRAI_V2_SECRET }, concurrency: 4 });
  const statuses = Object.entries(result.byStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  log(`demo: ${result.ok}/${result.sent} accepted (${statuses})`);
  if (result.firstFailure) log(`demo: ${result.failed} failed; first: ${result.firstFailure}`);
  return { calls: calls.length, deliveries: result.ok };
}
