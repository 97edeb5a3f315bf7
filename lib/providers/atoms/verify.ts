import { matchesAnySecret } from '@/lib/providers/hmac';
import type { VerifyInput, VerifyResult } from '@/lib/providers/types';

// `X-Signature` = hex HMAC-SHA256(per-webhook signing secret, raw body); no timestamp (spec §3.1).
export function verifyAtoms({ rawBody, headers, secrets }: VerifyInput): VerifyResult {
  const signature = headers.get('x-signature')?.trim().toLowerCase();
  if (!signature) return { verification: 'missing', reason: 'X-Signature header is missing' };
  if (!matchesAnySecret(secrets, rawBody, signature)) {
    return { verification: 'invalid', reason: 'X-Signature does not match the body under any configured ATOMS_WEBHOOK_SECRET' };
  }
  return { verification: 'valid' };
}
