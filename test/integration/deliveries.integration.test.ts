import { describe, expect, it } from 'vitest';
import { GET as pruneDeliveries } from '@/app/api/cron/prune-deliveries/route';
import { GET as getDelivery } from '@/app/api/deliveries/[id]/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import type { Role } from '@/lib/auth/roles';
import { pruneDeliveries as pruneBatches } from '@/lib/commands/deliveries/prune-deliveries';
import type { BodyView, HeaderView } from '@/lib/delivery-view';
import { providerHealth } from '@/lib/queries/admin/health';
import { makeToken, makeUser } from '@/test/auth';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

useTestSecrets();
const CRON_SECRET = 'integration-cron-secret-0123456789';
process.env.CRON_SECRET = CRON_SECRET;

interface Item {
  id: string;
  provider: string;
  outcome: string;
  verification: string;
  httpStatus: number;
  errorCode: string | null;
  eventType: string | null;
  callId: string | null;
  providerCallId: string | null;
  receivedAt: string;
}
interface ListJson {
  deliveries: Item[];
  nextCursor: string | null;
  error?: { code: string };
}
interface DetailJson {
  delivery: Item & { headers: HeaderView[]; body: BodyView };
  error?: { code: string };
}

async function get<T>(handler: (r: Request) => Promise<Response>, path: string, token?: string): Promise<{ status: number; json: T }> {
  const res = await handler(new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: res.status, json: (await res.json()) as T };
}

const list = (query: string, token: string) => get<ListJson>(listDeliveries, `/api/deliveries?${query}`, token);
const detail = (id: string, token: string) => get<DetailJson>((r) => getDelivery(r, { params: Promise.resolve({ id }) }), `/api/deliveries/${id}`, token);

const phone = () =>
  `+9198${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;
const miraiEvent = (id: string, type: string, metadata: Record<string, string> = {}) => ({
  metadata,
  event: { type, data: { call: { id, status: 'completed', durationSeconds: 30 } } },
});

/** A good delivery, the same one again, and one signed with the wrong secret: all about one call. */
async function threeDeliveries() {
  const callId = uid('deliv');
  const customer = phone();
  const body = JSON.stringify(miraiEvent(callId, 'call.completed', { customerPhone: customer }));
  expect((await post('mirai', body)).status).toBe(200);
  expect((await post('mirai', body)).json).toMatchObject({ duplicate: true });
  expect((await post('mirai', body, { secret: 'sk_not_the_right_secret' })).status).toBe(401);
  return { callId, customer };
}

describe('GET /api/deliveries', () => {
  it('lists the good, duplicate and badly signed delivery newest first, found by call id', async () => {
    const token = await makeToken('approver');
    const { callId } = await threeDeliveries();
    const res = await list(`provider=mirai&q=${callId}`, token);
    expect(res.status).toBe(200);
    expect(res.json.deliveries.map((d) => [d.outcome, d.verification, d.httpStatus])).toEqual([
      ['rejected', 'invalid', 401],
      ['duplicate', 'valid', 200],
      ['stored', 'valid', 200],
    ]);
    const [rejected, duplicate, stored] = res.json.deliveries;
    expect(rejected).toMatchObject({ errorCode: 'signature_invalid', callId: null, provider: 'mirai' });
    const call = await callRow('mirai', callId);
    for (const d of [duplicate, stored]) expect(d).toMatchObject({ eventType: 'call.completed', callId: call?.id, providerCallId: callId });
  });

  it('filters by outcome, signature and time, and pages with a cursor without repeats', async () => {
    const token = await makeToken('viewer');
    const { callId } = await threeDeliveries();
    const outcomes = async (query: string) => (await list(`q=${callId}&${query}`, token)).json.deliveries.map((d) => d.outcome);
    expect(await outcomes('outcome=rejected')).toEqual(['rejected']);
    expect(await outcomes('verification=valid')).toEqual(['duplicate', 'stored']);
    expect(await outcomes('since=15m')).toHaveLength(3);
    expect(await outcomes(`to=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toEqual([]);
    expect(await outcomes('provider=atoms')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: ListJson } = await list(`q=${callId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, token);
      seen.push(...page.json.deliveries.map((d) => d.outcome));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['rejected', 'duplicate', 'stored']);
  });

  it('finds deliveries by event type', async () => {
    const token = await makeToken('viewer');
    const type = `custom.${uid('type')}`;
    await post('mirai', { event: { type, data: {} } });
    const res = await list(`q=${type}`, token);
    expect(res.json.deliveries.map((d) => d.eventType)).toEqual([type]);
  });

  it('refuses anonymous requests, bad filters and cursors', async () => {
    const token = await makeToken('viewer');
    expect((await get<ListJson>(listDeliveries, '/api/deliveries')).status).toBe(401);
    expect(await list('outcome=lost', token)).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    expect((await list('limit=101', token)).status).toBe(400);
    expect(await list('cursor=zzz', token)).toMatchObject({ status: 400, json: { error: { code: 'invalid_cursor' } } });
  });
});

describe('GET /api/deliveries/{id}', () => {
  async function opened(role: Role) {
    const token = await makeToken(role);
    const { callId, customer } = await threeDeliveries();
    const [rejected, , stored] = (await list(`q=${callId}`, token)).json.deliveries;
    return { token, customer, stored: await detail(stored!.id, token), rejected: await detail(rejected!.id, token) };
  }

  it('shows an approver the body whole, and every role the signature masked', async () => {
    const { customer, stored, rejected } = await opened('approver');
    expect(stored.status).toBe(200);
    expect(stored.json.delivery.body).toMatchObject({ format: 'json', masked: false, truncated: false });
    expect(stored.json.delivery.body.raw).toContain(customer);
    expect(stored.json.delivery.body.text).toContain(customer);
    for (const d of [stored, rejected]) {
      const signature = d.json.delivery.headers.find((h) => h.name === 'x-signature');
      expect(signature).toMatchObject({ masked: true });
      expect(signature?.value).toMatch(/^[0-9a-f]{6}…$/);
      expect(d.json.delivery.headers.find((h) => h.name === 'x-public-key')?.value).toMatch(/^pk_...…$/);
      expect(d.json.delivery.headers.find((h) => h.name === 'content-type')).toEqual({ name: 'content-type', value: 'application/json', masked: false });
    }
  });

  it('shows a viewer the body with personal data masked, and no raw bytes', async () => {
    const { customer, stored, rejected } = await opened('viewer');
    for (const d of [stored, rejected]) {
      expect(d.json.delivery.body).toMatchObject({ format: 'json', masked: true, raw: null, withheld: null });
      expect(d.json.delivery.body.text).not.toContain(customer);
      expect(d.json.delivery.body.text).toContain(`+91•••••${customer.slice(-4)}`);
    }
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const token = await makeToken('viewer');
    expect(await detail('00000000-0000-0000-0000-000000000000', token)).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    expect((await detail('nope', token)).status).toBe(404);
  });
});

describe('GET /api/cron/prune-deliveries', () => {
  const prune = (auth?: string) => pruneDeliveries(new Request('http://localhost/api/cron/prune-deliveries', { headers: auth ? { authorization: auth } : {} }));

  async function backdate(days: number, callId: string): Promise<string> {
    const { rows } = await testDb().query<{ id: string }>(
      `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, call_id)
       VALUES ('mirai', '/api/webhooks/mirai', now() - make_interval(days => $1), '\\x7b7d', 2, 'valid', 'stored', 200, $2) RETURNING id`,
      [days, callId],
    );
    return rows[0]!.id;
  }

  it('deletes deliveries older than the retention and keeps newer ones, calls and events', async () => {
    const callId = uid('retention');
    await post('mirai', miraiEvent(callId, 'call.completed'));
    const call = await callRow('mirai', callId);
    const old = await backdate(40, String(call?.id));
    const recent = await backdate(29, String(call?.id));

    expect((await prune()).status).toBe(401);
    expect((await prune('Bearer wrong-secret-wrong-secret')).status).toBe(401);
    const res = await prune(`Bearer ${CRON_SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, retentionDays: 30, done: true });

    const { rows } = await testDb().query<{ id: string }>('SELECT id FROM delivery WHERE call_id = $1', [call?.id]);
    const left = rows.map((r) => r.id);
    expect(left).not.toContain(old);
    expect(left).toContain(recent);
    expect(left).toHaveLength(2); // the webhook's own delivery and the 29-day-old one
    expect(await callRow('mirai', callId)).toBeTruthy();
    const events = await testDb().query('SELECT 1 FROM call_event WHERE call_id = $1', [call?.id]);
    expect(events.rowCount).toBe(1);
  });

  it('deletes a backlog in batches', async () => {
    const callId = uid('backlog');
    await post('mirai', miraiEvent(callId, 'call.completed'));
    const call = await callRow('mirai', callId);
    for (let i = 0; i < 5; i++) await backdate(400 + i, String(call?.id));
    // Only this test's rows are a year old, so the count is ours alone.
    const result = await pruneBatches({ before: new Date(Date.now() - 399 * 86_400_000), batchSize: 2 });
    expect(result).toEqual({ deleted: 5, done: true });
  });
});

describe('provider health', () => {
  async function actor(role: Role) {
    const user = await makeUser(role);
    return { userId: user.id, email: user.email, role, via: 'token' as const };
  }

  async function backdateEvents(providerCallIds: [string, string][], minutes: number) {
    await testDb().query(
      `UPDATE call_event SET received_at = now() - make_interval(mins => $3)
       WHERE call_id IN (SELECT id FROM call WHERE provider = ANY($1) AND provider_call_id = ANY($2))`,
      [providerCallIds.map(([p]) => p), providerCallIds.map(([, id]) => id), minutes],
    );
  }

  it('finds calls whose closing event has not come 15 minutes after the call ended', async () => {
    const [missing, complete, recent] = [uid('nohook'), uid('full'), uid('fresh')];
    await post('mirai', miraiEvent(missing, 'call.ended'));
    await post('mirai', miraiEvent(complete, 'call.ended'));
    await post('mirai', miraiEvent(complete, 'end-of-call'));
    await post('mirai', miraiEvent(recent, 'call.ended'));
    const atomsMissing = uid('atoms');
    await post('atoms', { event: 'call.end', timestamp: new Date().toISOString(), agent_id: 'agent_1', call_id: atomsMissing, duration_seconds: 10 });
    await backdateEvents(
      [
        ['mirai', missing],
        ['mirai', complete],
        ['atoms', atomsMissing],
      ],
      20,
    );

    const health = await providerHealth(await actor('viewer'));
    const mirai = health.find((h) => h.provider === 'mirai');
    const found = mirai?.incomplete?.examples.map((c) => c.providerCallId) ?? [];
    expect(found).toContain(missing);
    expect(found).not.toContain(complete);
    expect(found).not.toContain(recent);
    expect(mirai?.incomplete?.count).toBeGreaterThanOrEqual(1);
    expect(health.find((h) => h.provider === 'atoms')?.incomplete?.examples.map((c) => c.providerCallId)).toContain(atomsMissing);
  });

  it("counts each provider's last 24 hours and knows its last delivery", async () => {
    await threeDeliveries();
    const mirai = (await providerHealth(await actor('viewer'))).find((h) => h.provider === 'mirai');
    expect(mirai?.deliveries24h).toBeGreaterThanOrEqual(3);
    expect(mirai?.rejected24h).toBeGreaterThanOrEqual(1);
    expect(Date.now() - (mirai?.lastDeliveryAt?.getTime() ?? 0)).toBeLessThan(60_000);
  });
});
