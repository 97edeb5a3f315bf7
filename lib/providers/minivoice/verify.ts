import { matchesAnySecret } from '@/lib/providers/hmac';
import type { VerifyInput, VerifyResult } from '@/lib/providers/types';

/** Seconds since the epoch from the timestamp header (unix seconds; ISO tolerated). */
function parseTimestamp(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

// `X-MiniVoice-Signature: v1=<hex>` over `<X-MiniVoice-Timestamp>.<raw body>` (spec §2.1).
// The header may list several `v1=` values during a secret rotation on their side.
export function verifyMiniVoice({ rawBody, headers, secrets, now, toleranceSeconds }: VerifyInput): VerifyResult {
  const timestamp = headers.get('x-minivoice-timestamp')?.trim();
  const signatureHeader = headers.get('x-minivoice-signature')?.trim();
  if (!timestamp || !signatureHeader) {
    return { verification: 'missing', reason: 'X-MiniVoice-Timestamp and X-MiniVoice-Signature headers are required' };
  }
  const seconds = parseTimestamp(timestamp);
  if (seconds === null) return { verification: 'invalid', reason: 'X-MiniVoice-Timestamp is not a unix timestamp' };
  const skew = Math.abs(now.getTime() / 1000 - seconds);
  if (skew > toleranceSeconds) {
    return { verification: 'stale', reason: `X-MiniVoice-Timestamp is ${Math.round(skew)} s away from now (limit ${toleranceSeconds} s)` };
  }
  const candidates = signatureHeader
    .split(/[,\s]+/)
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3).toLowerCase());
  if (candidates.length === 0) return { verification: 'invalid', reason: 'X-MiniVoice-Signature has no v1= value' };
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]);
  const ok = candidates.some((candidate) => matchesAnySecret(secrets, signed, candidate));
  return ok
    ? { verification: 'valid' }
    : { verification: 'invalid', reason: 'X-MiniVoice-Signature does not match under any configured MINIVOICE_WEBHOOK_SECRET' };
}
