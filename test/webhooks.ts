import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { POST as atomsPost } from '@/app/api/webhooks/atoms/route';
import { POST as minivoicePost } from '@/app/api/webhooks/minivoice/route';
import { POST as miraiPost } from '@/app/api/webhooks/mirai/route';
import { POST as miraiV2Post } from '@/app/api/webhooks/mirai-v2/route';
import { type SignableProvider, signFor } from '@/simulator/sign';

// Drives the real route handlers with signed requests, as a provider would.

export const TEST_SECRETS: Record<SignableProvider, string> = {
  mirai: 'sk_integration_mirai_0123456789abcdef',
  'mirai-v2': 'whsec_integration_mirai_v2',
  minivoice: 'integration_minivoice_secret',
  atoms: 'integration_atoms_secret',
};

/** Call before the first request: lib/env.ts reads the environment once. */
export function useTestSecrets(): void {
  process.env.MIRAI_WEBHOOK_SECRET = `sk_retired_secret,${TEST_SECRETS.mirai}`;
  process.env.MINIVOICE_WEBHOOK_SECRET = TEST_SECRETS.minivoice;
  process.env.ATOMS_WEBHOOK_SECRET = TEST_SECRETS.atoms;
  process.env.MIRAI_V2_WEBHOOK_SECRET = `whsec_old_secret,${TEST_SECRETS['mirai-v2']}`;
}

const ROUTES: Record<SignableProvider, (request: Request) => Promise<Response>> = {
  mirai: miraiPost,
  'mirai-v2': miraiV2Post,
  minivoice: minivoicePost,
  atoms: atomsPost,
};

export interface PostOptions {
  secret?: string | null;
  headers?: Record<string, string>;
  now?: Date;
  contentType?: string;
}

export async function post(
  provider: SignableProvider,
  body: string | object,
  opts: PostOptions = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const secret = opts.secret === undefined ? TEST_SECRETS[provider] : opts.secret;
  const signature = secret === null ? {} : signFor(provider, text, secret, opts.now ?? new Date());
  const request = new Request(`http://localhost/api/webhooks/${provider}`, {
    method: 'POST',
    headers: { 'content-type': opts.contentType ?? 'application/json', ...signature, ...opts.headers },
    body: text,
  });
  const response = await ROUTES[provider](request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A fresh id so parallel tests never share a call. */
export const uid = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

let db: pg.Pool | undefined;
export function testDb(): pg.Pool {
  db ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return db;
}

export async function callRow(provider: string, providerCallId: string) {
  const { rows } = await testDb().query('SELECT * FROM call WHERE provider = $1 AND provider_call_id = $2', [provider, providerCallId]);
  return rows[0] as Record<string, unknown> | undefined;
}

export async function deliveriesFor(callId: string) {
  const { rows } = await testDb().query('SELECT outcome, verification, http_status FROM delivery WHERE call_id = $1 ORDER BY received_at', [callId]);
  return rows as { outcome: string; verification: string; http_status: number }[];
}

/** The delivery record of a rejected request, found by a marker in its body. */
export async function rejectedDelivery(marker: string) {
  const { rows } = await testDb().query(
    `SELECT verification, outcome, http_status, error_code, error_message, body_size, body_truncated, octet_length(body) AS stored
     FROM delivery WHERE position($1::bytea in body) > 0`,
    [Buffer.from(marker)],
  );
  return rows as Record<string, unknown>[];
}
