import { matchesAnySecret } from '@/lib/providers/hmac';
import type { VerifyInput, VerifyResult } from '@/lib/providers/types';

// `X-Mirai-Signature: t=<unix seconds>,v1=<hex>`, v1 = HMAC-SHA256(whsec_…, "<t>.<raw body>"),
// rejected when t is more than the tolerance away from now (spec §1.5). During a rotation Mirai
// may send several v1 values; any one matching any configured secret is enough.
export function verifyMiraiV2({ rawBody, headers, secrets, now, toleranceSeconds }: VerifyInput): VerifyResult {
  const header = headers.get('x-mirai-signature');
  if (!header) return { verification: 'missing', reason: 'X-Mirai-Signature header is missing' };
  const parts = header.split(',').map((p) => p.trim().split('=') as [string, string?]);
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => (v ?? '').toLowerCase());
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) {
    return { verification: 'invalid', reason: 'X-Mirai-Signature must look like t=<unix seconds>,v1=<hex>' };
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(t));
  if (skew > toleranceSeconds)
    return { verification: 'stale', reason: `X-Mirai-Signature t is ${Math.round(skew)} s away from now (limit ${toleranceSeconds} s)` };
  const signed = Buffer.concat([Buffer.from(`${t}.`), rawBody]);
  return signatures.some((s) => matchesAnySecret(secrets, signed, s))
    ? { verification: 'valid' }
    : { verification: 'invalid', reason: 'X-Mirai-Signature does not match under any configured MIRAI_V2_WEBHOOK_SECRET' };
}
