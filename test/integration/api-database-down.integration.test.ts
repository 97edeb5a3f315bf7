import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { GET as countActions } from '@/app/api/actions/count/route';
import { GET as listActions } from '@/app/api/actions/route';
import { GET as chart } from '@/app/api/analytics/[chart]/route';
import { GET as getThreshold } from '@/app/api/analytics/threshold/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import { GET as health } from '@/app/api/health/route';
import { GET as getWhatsappTemplates } from '@/app/api/settings/whatsapp-templates/route';

// The JSON API with the database down answers 503 in the error envelope, as the webhooks do
// (database-down.integration.test.ts): a client can tell "try again shortly" from a bug. The
// bearer token is looked up first, so that lookup (through Prisma and the pg adapter) is what fails.

// Nothing listens on port 9: every connection is refused, as when the database is down.
process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/none';

/** A session cookie signed as Better Auth signs it (HMAC-SHA256 of the token with the secret). */
function sessionCookie(token: string): string {
  const signature = createHmac('sha256', String(process.env.BETTER_AUTH_SECRET)).update(token).digest('base64');
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

const auth = { authorization: 'Bearer cb_any_token_the_database_cannot_check' };
const id = '00000000-0000-4000-8000-000000000000';

const ROUTES: [string, () => Promise<Response>][] = [
  ['GET /api/calls', () => listCalls(new Request('http://localhost/api/calls', { headers: auth }))],
  ['GET /api/calls/export', () => exportCalls(new Request('http://localhost/api/calls/export', { headers: auth }))],
  ['GET /api/deliveries', () => listDeliveries(new Request('http://localhost/api/deliveries', { headers: auth }))],
  ['GET /api/actions', () => listActions(new Request('http://localhost/api/actions', { headers: auth }))],
  ['GET /api/actions/count', () => countActions(new Request('http://localhost/api/actions/count', { headers: auth }))],
  [
    'GET /api/analytics/summary',
    () => chart(new Request('http://localhost/api/analytics/summary', { headers: auth }), { params: Promise.resolve({ chart: 'summary' }) }),
  ],
  ['GET /api/analytics/threshold', () => getThreshold(new Request('http://localhost/api/analytics/threshold', { headers: auth }))],
  [
    'POST /api/actions/{id}/decision',
    () =>
      decide(
        new Request(`http://localhost/api/actions/${id}/decision`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{"decision":"reject"}',
        }),
        { params: Promise.resolve({ id }) },
      ),
  ],
  ['GET /api/settings/whatsapp-templates', () => getWhatsappTemplates(new Request('http://localhost/api/settings/whatsapp-templates', { headers: auth }))],
  ['GET /api/health', () => health()],
  // A validly signed session cookie is looked up by Better Auth in the session table: that read fails too.
  [
    'GET /api/calls with a session cookie',
    () => listCalls(new Request('http://localhost/api/calls', { headers: { cookie: sessionCookie('some-session-token') } })),
  ],
];

describe('database unreachable: the JSON API', () => {
  it.each(ROUTES)('%s → 503 database_unavailable, nothing internal in the body', async (_, call) => {
    const res = await call();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'database_unavailable', message: 'The database is unavailable; try again shortly' } });
  });
});
