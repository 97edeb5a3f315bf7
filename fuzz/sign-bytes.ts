import { createHmac } from 'node:crypto';
import { publicKeyFor } from '@/lib/providers/mirai/simulate';
import type { SignableProvider } from '@/simulator/sign';

// simulator/sign.ts signs text; a mutated body may not be valid UTF-8, so the fuzzer signs
// the exact bytes it sends (same schemes, providers.md §1.1, §1.5, §2.1, §3.1).

function hmacHex(secret: string, prefix: string, body: Uint8Array): string {
  return createHmac('sha256', secret).update(prefix, 'utf8').update(body).digest('hex');
}

export function signBytes(provider: SignableProvider, body: Uint8Array, secret: string, timestampSeconds: number): Record<string, string> {
  const t = String(timestampSeconds);
  switch (provider) {
    case 'mirai':
      return { 'x-signature': hmacHex(secret, '', body), 'x-public-key': publicKeyFor(secret) };
    case 'atoms':
      return { 'x-signature': hmacHex(secret, '', body) };
    case 'minivoice':
      return { 'x-minivoice-timestamp': t, 'x-minivoice-signature': `v1=${hmacHex(secret, `${t}.`, body)}` };
    case 'mirai-v2':
      return { 'x-mirai-signature': `t=${t},v1=${hmacHex(secret, `${t}.`, body)}` };
  }
}

/** Meta's WhatsApp webhook signature over the exact bytes: `X-Hub-Signature-256: sha256=<hex>`. */
export function signWhatsappBytes(body: Uint8Array, secret: string): Record<string, string> {
  return { 'x-hub-signature-256': `sha256=${hmacHex(secret, '', body)}` };
}
