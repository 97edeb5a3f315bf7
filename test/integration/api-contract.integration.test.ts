import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as markSent } from '@/app/api/actions/[id]/mark-sent/route';
import { POST as resend } from '@/app/api/actions/[id]/resend/route';
import { GET as listActions } from '@/app/api/actions/route';
import { GET as chart } from '@/app/api/analytics/[chart]/route';
import { PUT as putThreshold } from '@/app/api/analytics/threshold/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import { GET as openApi } from '@/app/api/openapi.json/route';
import { POST as reprocess } from '@/app/api/reprocess/route';
import { PUT as putTemplates } from '@/app/api/settings/whatsapp-templates/route';
import { makeToken } from '@/test/auth';
import { insertCall } from '@/test/calls';
import { post, uid, useTestSecrets } from '@/test/webhooks';

// The API's contract is one thing in three places: the README's "JSON API" section, the OpenAPI
// document at /api/openapi.json, and what the routes accept. README_NAMES mirrors the README;
// each name must be written in the README's bullet for its route, be in the document, and be
// read by the route (a bad value is a 400 naming it, a good one is accepted). The document may
// name nothing the README does not.

useTestSecrets();

const README_NAMES: Record<string, { query?: string[]; body?: string[] }> = {
  'GET /api/calls': {
    query: [
      'provider',
      'status',
      'outcome',
      'success',
      'pending',
      'agent',
      'meta',
      'range',
      'from',
      'to',
      'tz',
      'q',
      'sort',
      'dir',
      'limit',
      'cursor',
      'updatedSince',
    ],
  },
  'GET /api/calls/export': { query: ['provider', 'status', 'outcome', 'success', 'pending', 'agent', 'meta', 'range', 'from', 'to', 'tz', 'q', 'sort', 'dir'] },
  'GET /api/deliveries': { query: ['provider', 'outcome', 'verification', 'since', 'from', 'to', 'q', 'cursor', 'limit'] },
  'GET /api/actions': { query: ['status', 'limit', 'cursor'] },
  'GET /api/analytics/{chart}': { query: ['range', 'from', 'to', 'provider', 'tz', 'granularity', 'by', 'key', 'format'] },
  'POST /api/actions/{id}/decision': { body: ['decision', 'note', 'payload', 'template'] },
  'POST /api/actions/{id}/mark-sent': { body: ['reference'] },
  'POST /api/actions/{id}/resend': { body: ['template'] },
  'PUT /api/settings/whatsapp-templates': { body: ['templates'] },
  'POST /api/reprocess': { body: ['callId', 'provider', 'all'] },
  'PUT /api/analytics/threshold': { body: ['threshold'] },
};

/** The README's JSON API section, split into its bullets, keyed by each concrete `METHOD /path` they name (not `<provider>` or `…`). */
function readmeBullets(): Map<string, string> {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## JSON API'), readme.indexOf('\n## ', readme.indexOf('## JSON API') + 1));
  const bullets = new Map<string, string>();
  for (const bullet of section.split(/\n- /).slice(1)) {
    const text = bullet.replace(/\s+/g, ' ');
    for (const m of text.matchAll(/`(GET|POST|PUT) (\/api\/[\w/{}.-]+)(?:\?[^`]*)?`/g))
      bullets.set(`${m[1]} ${m[2]}`, `${bullets.get(`${m[1]} ${m[2]}`) ?? ''} ${text}`);
  }
  return bullets;
}

type Op = { parameters: { name: string; in: string }[]; requestBody?: { content: { 'application/json': { schema: Schema } } } };
type Schema = { properties?: Record<string, unknown>; anyOf?: Schema[] };
const bodyFields = (schema: Schema | undefined): string[] => [
  ...new Set([...Object.keys(schema?.properties ?? {}), ...(schema?.anyOf ?? []).flatMap(bodyFields)]),
];

async function document() {
  const res = openApi();
  expect(res.status).toBe(200);
  return (await res.json()) as { openapi: string; paths: Record<string, Record<string, Op>> };
}

describe('GET /api/openapi.json', () => {
  it('is public and serves an OpenAPI 3.1 document', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/calls', '/api/webhooks/mirai', '/api/cron/dispatch']));
  });
});

describe('README ↔ OpenAPI document', () => {
  it('names every documented parameter and body field in the README bullet for its route', () => {
    const bullets = readmeBullets();
    for (const [route, { query = [], body = [] }] of Object.entries(README_NAMES)) {
      const bullet = bullets.get(route);
      expect(bullet, `README has a bullet for ${route}`).toBeDefined();
      for (const name of [...query, ...body]) expect(bullet, `${route}: ${name}`).toMatch(new RegExp(`[\`"]${name}[\`"=?]`));
    }
  });

  it('the document has exactly these parameters and fields, and every route the README lists', async () => {
    const doc = await document();
    for (const [route, { query = [], body = [] }] of Object.entries(README_NAMES)) {
      const [method = '', path = ''] = route.split(' ');
      const op = doc.paths[path]?.[method.toLowerCase()];
      expect(op, route).toBeDefined();
      expect(
        op?.parameters
          .filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
        route,
      ).toEqual([...query].sort());
      expect(bodyFields(op?.requestBody?.content['application/json'].schema).sort(), route).toEqual([...body].sort());
    }
    for (const route of readmeBullets().keys()) {
      const [method = '', path = ''] = route.split(' ');
      expect(doc.paths[path]?.[method.toLowerCase()], `README's ${route} is in the document`).toBeDefined();
    }
  });
});

type Handler = (request: Request) => Promise<Response>;
const as = async (role: 'approver' | 'admin') => ({ authorization: `Bearer ${await makeToken(role)}` });
const getWith = (handler: Handler, path: string, headers: Record<string, string>) => handler(new Request(`http://localhost${path}`, { headers }));
const analytics: Handler = (r) => chart(r, { params: Promise.resolve({ chart: 'credits' }) });

describe('README ↔ the routes: every documented query parameter is read', () => {
  const CALL_VALUES: Record<string, string> = {
    provider: 'mirai,atoms',
    status: 'completed',
    outcome: 'sale',
    success: 'true',
    pending: 'false',
    agent: 'agent_1',
    meta: 'store=pune',
    range: '7d',
    from: '2026-01-01',
    to: '2026-01-02',
    tz: 'Asia/Kolkata',
    q: 'asha',
    sort: 'started',
    dir: 'asc',
    limit: '5',
    updatedSince: '2026-01-01T00:00:00Z',
  };
  const ROUTES: { route: string; handler: Handler; path: string; values: Record<string, string> }[] = [
    { route: 'GET /api/calls', handler: listCalls, path: '/api/calls', values: CALL_VALUES },
    { route: 'GET /api/calls/export', handler: exportCalls, path: '/api/calls/export', values: CALL_VALUES },
    {
      route: 'GET /api/deliveries',
      handler: listDeliveries,
      path: '/api/deliveries',
      values: {
        provider: 'mirai',
        outcome: 'stored',
        verification: 'valid',
        since: '24h',
        from: '2026-01-01',
        to: '2026-01-02',
        q: 'call.completed',
        limit: '5',
      },
    },
    { route: 'GET /api/actions', handler: listActions, path: '/api/actions', values: { status: 'pending', limit: '5' } },
    {
      route: 'GET /api/analytics/{chart}',
      handler: analytics,
      path: '/api/analytics/credits',
      values: {
        range: '30d',
        from: '2026-01-01',
        to: '2026-01-02',
        provider: 'mirai',
        tz: 'UTC',
        granularity: 'week',
        by: 'meta',
        key: 'campaign',
        format: 'csv',
      },
    },
  ];

  for (const { route, handler, path, values } of ROUTES) {
    for (const name of README_NAMES[route]?.query ?? []) {
      it(`${route} ?${name}`, async () => {
        const headers = await as('approver');
        const bad = await getWith(handler, `${path}?${new URLSearchParams({ [name]: 'x\u0000' })}`, headers);
        expect(bad.status, `${name}=<bad>`).toBe(400);
        expect((await bad.json()).error.message).toContain(name);
        let value = values[name];
        if (name === 'cursor') {
          // A cursor the route issued itself: two rows exist, so a page of one has a next one.
          if (route === 'GET /api/calls') await Promise.all([insertCall(uid('contract')), insertCall(uid('contract'))]);
          else if (route === 'GET /api/actions')
            await Promise.all(
              [1, 2].map(() =>
                post('mirai', {
                  event: { type: 'action', data: { action: 'send_whatsapp', call: { id: uid('contract') }, payload: { number: '+911234567890' } } },
                }),
              ),
            );
          else
            await Promise.all(
              [1, 2].map(() => post('mirai', { event: { type: 'call.completed', data: { call: { id: uid('contract'), status: 'completed' } } } })),
            );
          value = (await (await getWith(handler, `${path}?limit=1`, headers)).json()).nextCursor;
        }
        expect(value, `a good value for ${name}`).toEqual(expect.any(String));
        const good = await getWith(handler, `${path}?${new URLSearchParams({ [name]: String(value) })}`, headers);
        expect(good.status, `${name}=${value}: ${good.status === 200 ? '' : await good.text()}`).toBe(200);
      });
    }
  }
});

describe('README ↔ the routes: every documented body field is read', () => {
  const id = randomUUID();
  const send = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>) => async (headers: Record<string, string>, body: object) =>
    handler(
      new Request(`http://localhost/api/x`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ id }) },
    );
  const put: (headers: Record<string, string>, body: object) => Promise<Response> = (headers, body) =>
    putThreshold(
      new Request('http://localhost/api/analytics/threshold', {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  // [field, a body that is wrong only in that field, a body that is right] per route; a right
  // body gets past validation (404 for the made-up action id, 200 for the threshold).
  const CASES: {
    route: string;
    role: 'approver' | 'admin';
    call: (h: Record<string, string>, b: object) => Promise<Response>;
    fields: Record<string, [object, object, number]>;
  }[] = [
    {
      route: 'POST /api/actions/{id}/decision',
      role: 'approver',
      call: send(decide),
      fields: {
        decision: [{ decision: 'maybe' }, { decision: 'reject' }, 404],
        note: [{ decision: 'reject', note: 'x'.repeat(1001) }, { decision: 'reject', note: 'called back' }, 404],
        payload: [{ decision: 'approve', payload: 'not an object' }, { decision: 'approve', payload: { number: '+919812345678' } }, 404],
        template: [{ decision: 'approve', template: 'x'.repeat(513) }, { decision: 'approve', template: 'order_confirmed' }, 404],
      },
    },
    {
      route: 'POST /api/actions/{id}/mark-sent',
      role: 'approver',
      call: send(markSent),
      fields: { reference: [{ reference: 'x'.repeat(501) }, { reference: '#1001' }, 404] },
    },
    { route: 'PUT /api/analytics/threshold', role: 'admin', call: put, fields: { threshold: [{ threshold: -1 }, { threshold: null }, 200] } },
    {
      route: 'POST /api/actions/{id}/resend',
      role: 'approver',
      call: send(resend),
      fields: { template: [{ template: 'x'.repeat(513) }, { template: 'order_confirmed' }, 404] },
    },
    {
      route: 'PUT /api/settings/whatsapp-templates',
      role: 'admin',
      call: (headers, body) =>
        putTemplates(
          new Request('http://localhost/api/settings/whatsapp-templates', {
            method: 'PUT',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        ),
      fields: { templates: [{ templates: 'x' }, { templates: null }, 200] },
    },
  ];

  for (const { route, role, call, fields } of CASES) {
    for (const name of README_NAMES[route]?.body ?? []) {
      it(`${route} {"${name}"}`, async () => {
        const headers = await as(role);
        const [bad, good, status] = fields[name] ?? [{}, {}, 0];
        const refused = await call(headers, bad);
        expect(refused.status).toBe(400);
        expect((await refused.json()).error.message).toContain(name);
        expect((await call(headers, good)).status).toBe(status);
      });
    }
  }

  it('POST /api/reprocess takes exactly one of callId, provider, all', async () => {
    const headers = await as('admin');
    const call = (body: object) =>
      reprocess(
        new Request('http://localhost/api/reprocess', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    // Past validation: an unknown call is 404, an unknown provider the scope's own 400.
    expect((await call({ callId: randomUUID() })).status).toBe(404);
    const provider = await call({ provider: 'no-such-provider' });
    expect((await provider.json()).error.message).toMatch(/No provider "no-such-provider"/);
    for (const bad of [{ callId: 'nope' }, { all: false }, { all: 'yes' }, { callId: randomUUID(), all: true }, { bogus: 1 }]) {
      expect((await call(bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});
