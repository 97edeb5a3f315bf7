import { describe, expect, it } from 'vitest';
import { GET as getCall } from '@/app/api/calls/[id]/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { POST as atomsPost } from '@/app/api/webhooks/atoms/route';
import { POST as minivoicePost } from '@/app/api/webhooks/minivoice/route';
import { POST as miraiPost } from '@/app/api/webhooks/mirai/route';
import { POST as miraiV2Post } from '@/app/api/webhooks/mirai-v2/route';
import { makeToken } from '@/test/auth';
import { TEST_SECRETS, useTestSecrets } from '@/test/webhooks';
import { checkCalls, type FetchLike } from './check-api';
import { generateCalls, withDuplicates } from './lifecycles';
import { withOutOfOrder } from './out-of-order';
import { sendCalls } from './send';
import { SIM_PROVIDERS } from './sign';

// A small `simulate --check` run against the real route handlers and a real Postgres: what the
// simulator sends must be exactly what the API then shows, duplicates and shuffles included.

useTestSecrets();

const WEBHOOKS: Record<string, (r: Request) => Promise<Response>> = { mirai: miraiPost, 'mirai-v2': miraiV2Post, minivoice: minivoicePost, atoms: atomsPost };

const inProcess: FetchLike = async (url, init) => {
  const request = new Request(url, init);
  const path = new URL(url).pathname;
  const hook = /^\/api\/webhooks\/([\w-]+)$/.exec(path)?.[1];
  if (hook && WEBHOOKS[hook]) return WEBHOOKS[hook](request);
  if (path === '/api/calls') return listCalls(request);
  const id = /^\/api\/calls\/([\w-]+)$/.exec(path)?.[1];
  if (id) return getCall(request, { params: Promise.resolve({ id }) });
  return new Response('no such route', { status: 404 });
};

describe('simulate --check', () => {
  it('finds every simulated call exactly as sent, with duplicates and out-of-order delivery', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const generated = generateCalls({ count: 60, seed, now: new Date(), providers: SIM_PROVIDERS });
    const calls = withOutOfOrder(withDuplicates(generated, 0.2, seed), 0.3, seed);
    const sent = await sendCalls({ baseUrl: 'http://localhost', calls, secrets: TEST_SECRETS, concurrency: 4, fetch: inProcess });
    expect(sent.firstFailure).toBeUndefined();
    const token = await makeToken('approver');
    const summary = await checkCalls({ baseUrl: 'http://localhost', token, calls: generated, fetch: inProcess });
    expect(summary.discrepancies).toEqual([]);
    expect(summary.checked).toBe(60);
    expect(new Set(generated.map((c) => c.dialect ?? c.provider))).toEqual(new Set(SIM_PROVIDERS));
  });
});
