import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(secret: string, data: Buffer | string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two hex digests; the length check comes first. */
export function safeEqualHex(expected: string, received: string): boolean {
  if (expected.length !== received.length || !/^[0-9a-f]+$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(received, 'hex'));
}

/** True when `signature` is the HMAC of `data` under any of the (rotating) secrets. */
export function matchesAnySecret(secrets: readonly string[], data: Buffer | string, signature: string): boolean {
  // Evaluate every secret so timing does not reveal which one matched.
  let ok = false;
  for (const secret of secrets) ok = safeEqualHex(hmacSha256Hex(secret, data), signature) || ok;
  return ok;
}

/** JSON with object keys sorted at every level: the same document always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The common scheme: one header carrying the hex HMAC-SHA256 of the raw body, no timestamp.
 * Returns a verifier for a provider that signs this way.
 */
export function bodyHmacVerifier(header: string, secretSetting: string) {
  return ({ rawBody, headers, secrets }: { rawBody: Buffer; headers: Headers; secrets: readonly string[] }) => {
    const signature = headers.get(header)?.trim().toLowerCase();
    if (!signature) return { verification: 'missing' as const, reason: `${header} header is missing` };
    if (!matchesAnySecret(secrets, rawBody, signature)) {
      return { verification: 'invalid' as const, reason: `${header} does not match the body under any configured ${secretSetting}` };
    }
    return { verification: 'valid' as const };
  };
}
