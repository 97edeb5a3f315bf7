import { bodyHmacVerifier } from '@/lib/providers/hmac';

// `X-Signature` = hex HMAC-SHA256(per-webhook signing secret, raw body); no timestamp (spec §3.1).
export const verifyAtoms = bodyHmacVerifier('X-Signature', 'ATOMS_WEBHOOK_SECRET');
