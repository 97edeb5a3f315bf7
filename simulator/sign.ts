import { createHash, createHmac } from 'node:crypto';

// Builds the headers each provider attaches to a delivery, written from the spec
// (providers.md §1.1, §2.1, §3.1) rather than from our verifiers, so the simulator is an
// independent check on them.

/** Providers we can sign for: one per webhook endpoint. */
export type SignableProvider = 'mirai' | 'minivoice' | 'atoms' | 'mirai-v2';
/** Simulated dialects: atoms-current is Atoms' newer envelope, posted to the atoms endpoint. */
export type SimProvider = SignableProvider | 'atoms-current';
export const SIM_PROVIDERS: readonly SimProvider[] = ['mirai', 'minivoice', 'atoms', 'mirai-v2', 'atoms-current'];

/** The endpoint (and signature scheme) a dialect posts to. */
export function endpointOf(provider: SimProvider): SignableProvider {
  return provider === 'atoms-current' ? 'atoms' : provider;
}
/**
 * What generateCalls sends when not told: the three providers `npm run dev`, the e2e setup and
 * the bench configure secrets for. Mirai v2 is opt-in (--providers, or its secret being set).
 */
export const DEFAULT_SIM_PROVIDERS: readonly SimProvider[] = ['mirai', 'minivoice', 'atoms'];

function hmacHex(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input, 'utf8').digest('hex');
}

/**
 * Mirai v1 pairs each org's private key with a public key `pk_<32 hex>` that picks the
 * secret. We have only the secret, so derive a stable stand-in: the same secret always
 * presents the same public key.
 */
export function publicKeyFor(secret: string): string {
  return 'pk_' + createHash('sha256').update(`public-key:${secret}`).digest('hex').slice(0, 32);
}

/** Mirai v1: hex HMAC-SHA256 of the raw body; no timestamp. */
export function signMirai(body: string, secret: string): Record<string, string> {
  return { 'x-signature': hmacHex(secret, body), 'x-public-key': publicKeyFor(secret) };
}

/** MiniVoice: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>`, timestamp in unix seconds. */
export function signMiniVoice(body: string, secret: string, timestampSeconds: number): Record<string, string> {
  const ts = String(timestampSeconds);
  return {
    'x-minivoice-timestamp': ts,
    'x-minivoice-signature': `v1=${hmacHex(secret, `${ts}.${body}`)}`,
  };
}

/** Atoms (canonical): hex HMAC-SHA256 of the raw body, no prefix, no timestamp. */
export function signAtoms(body: string, secret: string): Record<string, string> {
  return { 'x-signature': hmacHex(secret, body) };
}

/** Mirai v2 (§1.5): `X-Mirai-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signMiraiV2(body: string, secret: string, timestampSeconds: number): Record<string, string> {
  const t = String(timestampSeconds);
  return { 'x-mirai-signature': `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}` };
}

/** The signature headers `provider` would send for `body` at time `now`. */
export function signFor(provider: SignableProvider, body: string, secret: string, now: Date = new Date()): Record<string, string> {
  switch (provider) {
    case 'mirai-v2':
      return signMiraiV2(body, secret, Math.floor(now.getTime() / 1000));
    case 'mirai':
      return signMirai(body, secret);
    case 'minivoice':
      return signMiniVoice(body, secret, Math.floor(now.getTime() / 1000));
    case 'atoms':
      return signAtoms(body, secret);
  }
}
