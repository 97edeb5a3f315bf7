import fc from 'fast-check';
import { hostileString, ODD_DATES, trickyString, wrongType } from './hostile';
import { encode, fromValue, type JsonNode, Obj, Raw } from './json-tree';
import { applyJsonMutations, type JsonMutation, jsonMutation } from './mutate';
import type { FuzzRequest, Method } from './request';

// JSON API fuzz cases: every route under app/api (webhooks aside) with hostile query strings,
// path ids and bodies, as a signed-in admin (session cookie or Bearer token) with odd Origins.

type IdKind = 'call' | 'action' | 'delivery' | 'chart' | 'alert' | 'customer';
export interface ApiRoute {
  method: Method;
  /** `{call}`, `{action}`, `{delivery}`, `{chart}` stand for a path id. */
  template: string;
  params?: readonly string[];
  body?: 'decision' | 'mark-sent' | 'threshold' | 'templates' | 'alert-rules' | 'reprocess' | 'sign-in' | 'any';
  /** Better Auth answers in its own shape; every other route in `{"error":{"code","message"}}`. */
  envelope?: false;
  /** Cron routes: only ever sent with a wrong secret (a right one would prune the shared database). */
  cron?: true;
}

const CALL_VIEW = ['provider', 'status', 'outcome', 'success', 'pending', 'agent', 'meta', 'range', 'from', 'to', 'q', 'sort', 'dir', 'tz'] as const;
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', template: '/api/calls', params: [...CALL_VIEW, 'updatedSince', 'cursor', 'limit'] },
  { method: 'GET', template: '/api/calls/export', params: CALL_VIEW },
  { method: 'GET', template: '/api/calls/{call}' },
  { method: 'GET', template: '/api/deliveries', params: ['provider', 'outcome', 'verification', 'since', 'from', 'to', 'q', 'cursor', 'limit'] },
  { method: 'GET', template: '/api/deliveries/{delivery}' },
  { method: 'GET', template: '/api/actions', params: ['status', 'limit'] },
  { method: 'GET', template: '/api/actions/count' },
  { method: 'GET', template: '/api/actions/{action}' },
  { method: 'POST', template: '/api/actions/{action}/decision', body: 'decision' },
  { method: 'POST', template: '/api/actions/{action}/mark-sent', body: 'mark-sent' },
  { method: 'POST', template: '/api/actions/{action}/redispatch', body: 'any' },
  { method: 'POST', template: '/api/actions/{action}/resend', body: 'any' },
  { method: 'POST', template: '/api/actions/{action}/undo', body: 'any' },
  { method: 'GET', template: '/api/customers/{customer}', params: ['cursor', 'limit'] },
  { method: 'GET', template: '/api/analytics/{chart}', params: ['range', 'from', 'to', 'provider', 'tz', 'granularity', 'by', 'key', 'format'] },
  { method: 'GET', template: '/api/analytics/threshold' },
  { method: 'PUT', template: '/api/analytics/threshold', body: 'threshold' },
  { method: 'GET', template: '/api/settings/whatsapp-templates' },
  { method: 'PUT', template: '/api/settings/whatsapp-templates', body: 'templates' },
  { method: 'GET', template: '/api/settings/alert-rules' },
  { method: 'PUT', template: '/api/settings/alert-rules', body: 'alert-rules' },
  { method: 'GET', template: '/api/alerts', params: ['state', 'rule', 'cursor', 'limit'] },
  { method: 'POST', template: '/api/alerts/{alert}/acknowledge', body: 'any' },
  { method: 'POST', template: '/api/reprocess', body: 'reprocess' },
  { method: 'GET', template: '/api/health' },
  { method: 'GET', template: '/api/cron/dispatch', cron: true },
  { method: 'GET', template: '/api/cron/alerts', cron: true },
  { method: 'GET', template: '/api/cron/prune-deliveries', cron: true },
  { method: 'GET', template: '/api/cron/prune-auth-attempts', cron: true },
  { method: 'POST', template: '/api/bench/bare', body: 'any' },
  { method: 'POST', template: '/api/auth/sign-in/email', body: 'sign-in', envelope: false },
  { method: 'GET', template: '/api/auth/get-session', envelope: false },
];

const DATE_PARAMS = new Set(['from', 'to', 'updatedSince']);
const VALID: Record<string, readonly string[]> = {
  provider: ['atoms', 'mirai', 'mirai-v2', 'minivoice', 'atoms,mirai', 'nope'],
  status: ['completed', 'queued,failed', 'pending', 'needs_check'],
  outcome: ['successful', 'stored', 'rejected', 'failed'],
  verification: ['valid', 'invalid', 'stale'],
  since: ['15m', '1h', '24h', '7d', '30d'],
  success: ['yes', 'no'],
  pending: ['yes', 'no'],
  agent: ['agent_abc123', 'agt_01JZQ8F3K7M2N5P9R4T6V8W0XZ'],
  meta: ['customer_id=12345', 'campaign=x', 'internalOrderId=8842', '=x', 'a='],
  range: ['today', '7d', '30d'],
  q: ['jane', '+91', 'call', '68f0', 'a b', '"', '\\', '%', '_'],
  sort: ['activity', 'started', 'duration', 'credits'],
  dir: ['asc', 'desc'],
  tz: ['UTC', 'Asia/Kolkata', 'America/New_York', 'Etc/GMT+12', 'Etc/GMT-14', 'Pacific/Kiritimati', 'Europe/Berlin', 'Mars/Olympus'],
  limit: ['1', '2', '100', '0', '101', '-1', '1.5', '1e2', '1e400', 'abc'],
  granularity: ['day', 'week', 'month'],
  by: ['none', 'provider', 'agent', 'meta'],
  key: ['campaign', 'store', 'customer_id', '__proto__'],
  format: ['json', 'csv'],
  state: ['open', 'resolved', 'all', 'closed'],
  rule: ['waiting_approval', 'low_credits', 'provider_silent', 'nope'],
};
const GOOD_DATES = ['2026-12-05', '2026-12-05T00:00:00Z', '2020-01-01T00:00:00Z', '2026-12-31T23:59:59.999+05:30'];

/** Already percent-encoded tokens (so `%ED%A0%80` reaches the server as those bytes). */
const RAW_QUERY = [
  '%00',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%F0%9F',
  '%C0%80',
  '%FF',
  '%zz',
  '%',
  '%25',
  '%2B',
  '+',
  '%0A',
  '%E2%80%AE',
  '-1',
  '0',
  '1e400',
  '99999999999999999999',
  'NaN',
  'Infinity',
  'null',
  '[]',
  '{}',
  'a'.repeat(5000),
  '%00'.repeat(300),
];

const bytesEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

const UUID = '00000000-0000-4000-8000-000000000000';
const CURSORS = [
  b64(JSON.stringify(['activity', 'desc', '+275760-09-13T00:00:00Z', UUID])),
  b64(JSON.stringify(['activity', 'desc', '0000-01-01T00:00:00Z', UUID])),
  b64(JSON.stringify(['activity', 'desc', 'garbage', 'not-a-uuid'])),
  b64(JSON.stringify(['duration', 'desc', 'abc', UUID])),
  b64(JSON.stringify(['duration', 'asc', 1e308, UUID])),
  b64(JSON.stringify(['credits', 'desc', null, UUID])),
  b64(JSON.stringify(['started', 'asc', { a: 1 }, UUID])),
  b64(JSON.stringify(['activity', 'desc', '2026-12-05T00:00:00Z', `${UUID}\u0000`])),
  b64(JSON.stringify([])),
  b64('[1,2'),
  b64(`+275760-09-13T00:00:00.000Z|${UUID}`),
  b64(`-000001-01-01T00:00:00.000Z|${UUID}`),
  b64(`2026-12-05T00:00:00.000Z|not-a-uuid`),
  b64('garbage'),
  b64('\u0000|\u0000'),
  '!!!',
  '',
];

const encodedTricky = trickyString.map((s) => bytesEncode(s.length > 2000 ? s.slice(0, 2000) : s));

function paramValue(name: string): fc.Arbitrary<string> {
  const valid = VALID[name] ?? [];
  const dates = DATE_PARAMS.has(name) ? [...ODD_DATES, ...GOOD_DATES].map(bytesEncode) : [];
  return fc.oneof(
    {
      weight: valid.length + dates.length > 0 ? 4 : 0,
      arbitrary: fc.constantFrom(...(valid.length + dates.length > 0 ? [...valid.map(bytesEncode), ...dates] : ['x'])),
    },
    { weight: name === 'cursor' ? 4 : 0, arbitrary: fc.constantFrom(...CURSORS) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY) },
    { weight: 1, arbitrary: encodedTricky },
  );
}

export type AuthMode = 'bearer' | 'cookie' | 'both' | 'none' | 'bad-bearer' | 'garbage-cookie';
export type IdPick = { kind: 'known'; i: number } | { kind: 'raw'; segment: string };

export interface ApiCase {
  route: number;
  id: IdPick;
  query: [string, string][];
  body: { kind: 'json'; tree: JsonNode; mutations: JsonMutation[] } | { kind: 'raw'; raw: Raw } | null;
  contentType: string | null;
  auth: AuthMode;
  origin: string | null;
  secFetchSite: string | null;
}

const ODD_ORIGINS = [
  'null',
  'not a url',
  'http://evil.example',
  'https://localhost.evil.example',
  '',
  'http://[::1',
  'file:///etc/passwd',
  'http://localhost:99999',
  'javascript:alert(1)',
  '%ED%A0%80',
  'http://localhost',
];
const ID_SEGMENTS = [
  'not-a-uuid',
  '%ED%A0%80',
  '%00',
  '%zz',
  UUID,
  UUID.toUpperCase(),
  `${UUID}%00`,
  'a'.repeat(1000),
  '..%2F..%2Fhealth',
  'summary',
  'volume',
  'credits',
  'balance',
  'actions',
  'threshold',
  '%E2%80%AE',
  '12345',
  '-1',
];
const CHARTS = ['summary', 'volume', 'credits', 'balance', 'actions', 'decisions'];

function bodyTemplate(kind: NonNullable<ApiRoute['body']>): JsonNode {
  switch (kind) {
    case 'decision':
      return fromValue({
        decision: 'reject',
        note: 'fuzz',
        payload: { lineItems: [{ title: 'Chai', quantity: 1 }], shippingAddress: { firstName: 'A', address1: 'B', city: 'C', country: 'IN' } },
        template: 'hello',
      });
    case 'mark-sent':
      return fromValue({ reference: 'ref-1' });
    case 'threshold':
      return fromValue({ threshold: 10 });
    case 'templates':
      return fromValue({
        templates: [
          {
            name: 'address_needed',
            language: 'en_US',
            body: 'Hi {{1}}, your order {{2}}: {{3}}',
            params: [{ source: 'customer_name' }, { source: 'order_reference' }, { source: 'link', value: 'https://x.example/{call_id}' }],
          },
        ],
      });
    case 'alert-rules':
      // Only ever the defaults (null): a real change would move the alert suites' thresholds under them.
      return fromValue({ rules: null });
    case 'reprocess':
      // Never {"all": true} or a real provider: rebuilding everything would disturb the other suites.
      return fromValue({ callId: UUID });
    case 'sign-in':
      return fromValue({ email: 'nobody@callboard.local', password: 'wrong-password' });
    case 'any':
      return fromValue({});
  }
}

const MALFORMED = [
  '',
  '{',
  '{"decision":',
  'null',
  '[]',
  '"x"',
  '1e400',
  '\ufeff{}',
  '{"threshold":1e400}',
  '{"threshold":-0}',
  '{"threshold":"5"}',
  '{"decision":"approve","decision":"reject"}',
  '{"__proto__":{"decision":"approve"}}',
  `${'['.repeat(10000)}${']'.repeat(10000)}`,
  `{"a":${'{"a":'.repeat(10000)}1${'}'.repeat(10001)}`,
];

export function apiCase(ctxSizes: { call: number; action: number; delivery: number; alert?: number; customer?: number }): fc.Arbitrary<ApiCase> {
  return fc.nat({ max: API_ROUTES.length - 1 }).chain((route) => {
    const r = API_ROUTES[route]!;
    const idKind = /\{(\w+)\}/.exec(r.template)?.[1] as IdKind | undefined;
    const known = idKind === 'chart' ? CHARTS.length : idKind ? (ctxSizes[idKind] ?? 0) : 0;
    const id: fc.Arbitrary<IdPick> = fc.oneof(
      { weight: known > 0 ? 4 : 0, arbitrary: fc.nat({ max: Math.max(0, known - 1) }).map((i) => ({ kind: 'known' as const, i })) },
      { weight: 1, arbitrary: fc.constantFrom(...ID_SEGMENTS).map((segment) => ({ kind: 'raw' as const, segment })) },
      { weight: 1, arbitrary: encodedTricky.map((segment) => ({ kind: 'raw' as const, segment: segment || 'x' })) },
    );
    const names = r.params ?? [];
    const param = fc.oneof(
      {
        weight: names.length > 0 ? 6 : 0,
        arbitrary: fc.constantFrom(...(names.length > 0 ? names : ['x'])).chain((n) => paramValue(n).map((v) => [n, v] as [string, string])),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', '', 'x', '%00', 'limit[]', 'a'.repeat(300)), fc.constantFrom(...RAW_QUERY)),
      },
    );
    const body = r.body
      ? fc.oneof(
          {
            weight: 4,
            arbitrary: fc.array(jsonMutation, { maxLength: 2 }).map((mutations) => ({ kind: 'json' as const, tree: bodyTemplate(r.body!), mutations })),
          },
          { weight: 1, arbitrary: fc.constantFrom(...MALFORMED).map((m) => ({ kind: 'raw' as const, raw: Raw.text(m) })) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(hostileString, wrongType)
              .map(([k, v]) => ({ kind: 'json' as const, tree: new Obj([[typeof k === 'string' ? k : 'k', v]]), mutations: [] })),
          },
        )
      : fc.constant(null);
    return fc.record({
      route: fc.constant(route),
      id,
      query: names.length > 0 ? fc.array(param, { maxLength: 5 }) : fc.array(param, { maxLength: 1 }),
      body,
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1') },
      ),
      auth: fc.oneof(
        { weight: 8, arbitrary: fc.constant<AuthMode>('bearer') },
        { weight: 7, arbitrary: fc.constant<AuthMode>('cookie') },
        { weight: 1, arbitrary: fc.constantFrom<AuthMode>('both', 'none', 'bad-bearer', 'garbage-cookie') },
      ),
      origin: fc.oneof(
        { weight: 3, arbitrary: fc.constant<string | null>(null) },
        { weight: 1, arbitrary: fc.constant<string | null>('SAME') },
        { weight: 2, arbitrary: fc.constantFrom(...ODD_ORIGINS) },
      ),
      secFetchSite: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>(null) },
        { weight: 1, arbitrary: fc.constantFrom('cross-site', 'same-origin', 'none', 'garbage') },
      ),
    });
  });
}

export interface ApiContext {
  /** Absolute origin the requests claim to be addressed to, e.g. http://localhost. */
  origin: string;
  ids: { call: string[]; action: string[]; delivery: string[]; alert?: string[]; customer?: string[] };
  /** Either may be missing (npm run fuzz with only --token, or only --email); the other stands in. */
  bearer: string | null;
  cookie: string | null;
}

const BAD_BEARERS = ['Bearer ', 'Bearer garbage', 'Basic YWRtaW46YWRtaW4=', `Bearer cb_${'a'.repeat(40)}`, 'bearer  x  y', 'Bearer %00'];

export function buildApiRequest(c: ApiCase, ctx: ApiContext): FuzzRequest {
  const r = API_ROUTES[c.route]!;
  const path = r.template.replace(/\{(\w+)\}/, (_m, kind: IdKind) => {
    if (c.id.kind === 'raw') return c.id.segment;
    const list = kind === 'chart' ? CHARTS : (ctx.ids[kind] ?? []);
    return list.length > 0 ? list[c.id.i % list.length]! : UUID;
  });
  const query = c.query.map(([k, v]) => `${k}=${v}`).join('&');
  const headers: [string, string][] = [];
  const auth = c.auth === 'bearer' && !ctx.bearer ? 'cookie' : c.auth === 'cookie' && !ctx.cookie ? 'bearer' : c.auth;
  if (r.cron) headers.push(['authorization', 'Bearer not-the-cron-secret']);
  else if ((auth === 'bearer' || auth === 'both') && ctx.bearer) headers.push(['authorization', `Bearer ${ctx.bearer}`]);
  else if (auth === 'bad-bearer') headers.push(['authorization', BAD_BEARERS[c.route % BAD_BEARERS.length]!]);
  if ((auth === 'cookie' || auth === 'both') && ctx.cookie) headers.push(['cookie', ctx.cookie]);
  if (c.auth === 'garbage-cookie') headers.push(['cookie', 'better-auth.session_token=garbage%00; __Secure-better-auth.session_token=x']);
  if (c.origin !== null) headers.push(['origin', c.origin === 'SAME' ? ctx.origin : c.origin]);
  if (c.secFetchSite !== null) headers.push(['sec-fetch-site', c.secFetchSite]);
  let body: Buffer | null = null;
  if (c.body && r.method !== 'GET') {
    body = c.body.kind === 'raw' ? Buffer.from(c.body.raw.bytes) : encode(applyJsonMutations(c.body.tree, c.body.mutations));
    if (c.contentType !== null) headers.push(['content-type', c.contentType]);
  }
  return { route: `${r.method} ${r.template.replace(/\{(\w+)\}/, '{id}')}`, method: r.method, path: query ? `${path}?${query}` : path, headers, body };
}

export function routeOf(c: ApiCase): ApiRoute {
  return API_ROUTES[c.route]!;
}
