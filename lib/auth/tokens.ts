import { createHash, randomBytes } from 'node:crypto';

// API tokens are random, shown once, and stored only as their SHA-256: a database leak does not
// leak working tokens. (No salt needed: 256 random bits cannot be guessed from the hash.)

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `cb_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
