import { bodyHmacVerifier } from '@/lib/providers/hmac';

// v1 scheme: `x-signature` = hex HMAC-SHA256(org private key, raw body). No timestamp, so no
// replay window (spec §1.1). `x-public-key` only says which org signed; we keep it, not trust it.
export const verifyMirai = bodyHmacVerifier('x-signature', 'MIRAI_WEBHOOK_SECRET');
