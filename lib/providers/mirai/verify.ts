import { matchesAnySecret } from '@/lib/providers/hmac';
import type { VerifyInput, VerifyResult } from '@/lib/providers/types';

// v1 scheme: `x-signature` = hex HMAC-SHA256(org private key, raw body). No timestamp, so no
// replay window (spec §1.1). `x-public-key` only says which org signed; we keep it, not trust it.
export function verifyMirai({ rawBody, headers, secrets }: VerifyInput): VerifyResult {
  const signature = headers.get('x-signature')?.trim().toLowerCase();
  if (!signature) return { verification: 'missing', reason: 'x-signature header is missing' };
  if (!matchesAnySecret(secrets, rawBody, signature)) {
    return { verification: 'invalid', reason: 'x-signature does not match the body under any configured MIRAI_WEBHOOK_SECRET' };
  }
  return { verification: 'valid' };
}
