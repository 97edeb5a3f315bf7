import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook } from './standard-webhook';

// Local HTTP servers that behave like each destination: they record every request, keep the
// side effects (orders created, messages accepted) per idempotency key, and misbehave on cue.
// `effects` is what exactly-once is judged by: a key with two effects is a duplicate.

/**
 * ok: do it, answer 200. fail500 / reject400: do nothing, answer so. throttle:<s>: do nothing,
 * 429 with Retry-After. lateOk: do it, but answer only after the client has given up.
 * hang: do nothing and never answer (the client's timeout ends it).
 */
export type Behaviour = 'ok' | 'fail500' | 'reject400' | `throttle:${number}` | 'lateOk' | 'hang';

export interface FakeDestination {
  origin: string;
  host: string;
  /** Requests as received, in order. */
  requests: { path: string; key: string | null; headers: Headers; body: string }[];
  /** Side effects per key: orders created, messages accepted. */
  effects: Map<string, number>;
  /** Queued behaviours per key, consumed one per effect-bearing request; then 'ok'. */
  script: Map<string, Behaviour[]>;
  lateMs: number;
  /**
   * A receiver that has just closed its idle keep-alive connections (a restart): a request that
   * arrives on a connection that already carried one is reset unread, so nothing happens.
   */
  resetReused: boolean;
  /** Requests reset that way. */
  resets: number;
  /** Connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export interface Reading {
  key: string | null;
  /** Lookups and other reads answer at once and consume no behaviour. */
  read?: (fake: FakeDestination) => { status: number; body: unknown };
  /** The answer to a successful effect (order id, message id). */
  done?: (fake: FakeDestination, key: string, n: number) => unknown;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFake(read: (path: string, headers: Headers, body: string) => Reading): Promise<FakeDestination> {
  const fake: FakeDestination = {
    origin: '',
    host: '',
    requests: [],
    effects: new Map(),
    script: new Map(),
    lateMs: 800,
    resetReused: false,
    resets: 0,
    connections: 0,
    close: async () => undefined,
  };
  const served = new WeakMap<object, number>();
  const server = createServer((req, res) => {
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (fake.resetReused && n > 1) {
      fake.resets += 1;
      req.socket.resetAndDestroy();
      return;
    }
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
      const reading = read(req.url ?? '/', headers, body);
      fake.requests.push({ path: req.url ?? '/', key: reading.key, headers, body });
      if (reading.read) {
        const answer = reading.read(fake);
        return send(res, answer.status, answer.body);
      }
      const key = reading.key ?? 'unkeyed';
      const behaviour = fake.script.get(key)?.shift() ?? 'ok';
      if (behaviour === 'fail500') return send(res, 500, { error: 'internal' });
      if (behaviour === 'reject400') return send(res, 400, { error: { message: 'Invalid parameter', code: 100 } });
      if (behaviour === 'hang') return;
      if (behaviour.startsWith('throttle:')) return send(res, 429, { error: 'slow down' }, { 'retry-after': behaviour.slice('throttle:'.length) });
      const n = (fake.effects.get(key) ?? 0) + 1;
      fake.effects.set(key, n);
      // The effect happens now; only the answer is late.
      const answer = reading.done?.(fake, key, n) ?? {};
      if (behaviour === 'lateOk') await sleep(fake.lateMs);
      send(res, 200, answer);
    })().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  server.on('connection', () => {
    fake.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.host = `127.0.0.1:${port}`;
  fake.origin = `http://${fake.host}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** A generic endpoint that checks the Standard Webhooks signature; keyed by webhook-id. */
export function standardWebhookFake(secret: string): Promise<FakeDestination> {
  return startFake((_path, headers, body) => {
    const key = headers.get('webhook-id');
    if (!verifyStandardWebhook(secret, headers, body)) return { key, read: () => ({ status: 401, body: { error: 'bad signature' } }) };
    return { key, done: (_fake, k, n) => ({ id: `rcpt_${k.slice(0, 8)}_${n}` }) };
  });
}

/**
 * A Slack-compatible incoming webhook: POST {text, blocks}, answered "ok". It has no idempotency
 * key, so every message is one effect under the single key 'slack'.
 */
export function slackFake(): Promise<FakeDestination> {
  return startFake(() => ({ key: 'slack', done: () => 'ok' }));
}

interface ShopifyOrder {
  id: string;
  tags: string[];
  /** The OrderCreateOrderInput as received. */
  input: Record<string, unknown>;
}

/**
 * Shopify Admin GraphQL: orderCreate keyed by our cb-<key> tag; orders(query: tag:"…") searches
 * them; shop { currencyCode } answers `currency` (INR unless a test sets it).
 */
export function shopifyFake(token: string): Promise<FakeDestination & { orders: ShopifyOrder[]; currency: string }> {
  const orders: ShopifyOrder[] = [];
  const shop = { currency: 'INR' };
  return startFake((_path, headers, body) => {
    if (headers.get('x-shopify-access-token') !== token)
      return { key: null, read: () => ({ status: 401, body: { errors: 'Invalid API key or access token' } }) };
    const { query, variables } = JSON.parse(body) as { query: string; variables: { order?: { tags?: string[] }; query?: string } };
    if (query.includes('shop {')) return { key: null, read: () => ({ status: 200, body: { data: { shop: { currencyCode: shop.currency } } } }) };
    if (query.includes('orders(')) {
      const tag = /tag:"([^"]+)"/.exec(variables.query ?? '')?.[1];
      return {
        key: tag?.slice(3) ?? null,
        read: () => ({ status: 200, body: { data: { orders: { nodes: orders.filter((o) => tag && o.tags.includes(tag)).map(({ id }) => ({ id })) } } } }),
      };
    }
    const tag = variables.order?.tags?.find((t) => t.startsWith('cb-'));
    return {
      key: tag?.slice(3) ?? null,
      done: (_fake, _key) => {
        const order = {
          id: `gid://shopify/Order/${orders.length + 1000}`,
          tags: variables.order?.tags ?? [],
          input: (variables.order ?? {}) as Record<string, unknown>,
        };
        orders.push(order);
        return { data: { orderCreate: { order: { id: order.id, name: `#${orders.length + 1000}` }, userErrors: [] } } };
      },
    };
  }).then(
    (fake) =>
      Object.defineProperty(Object.assign(fake, { orders }), 'currency', {
        get: () => shop.currency,
        set: (value: string) => {
          shop.currency = value;
        },
        enumerable: true,
      }) as FakeDestination & { orders: ShopifyOrder[]; currency: string },
  );
}

/** A Graph API refusal as the Cloud API writes it: `{error:{message, type, code, error_data:{details}, fbtrace_id}}`. */
export interface GraphRefusal {
  status: number;
  code: number;
  message: string;
  details?: string;
}

/**
 * WhatsApp Cloud API: POST /{phone-number-id}/messages, keyed by the recipient (our tests use one
 * number per action). `refusals` queues Graph errors per recipient, answered before any effect.
 */
export function whatsappCloudFake(token: string): Promise<FakeDestination & { refusals: Map<string, GraphRefusal[]> }> {
  const refusals = new Map<string, GraphRefusal[]>();
  return startFake((_path, headers, body) => {
    if (headers.get('authorization') !== `Bearer ${token}`)
      return { key: null, read: () => ({ status: 401, body: { error: { message: 'Invalid OAuth access token', code: 190 } } }) };
    const { to } = JSON.parse(body) as { to: string };
    const refusal = refusals.get(to)?.shift();
    if (refusal)
      return {
        key: to,
        read: () => ({
          status: refusal.status,
          body: {
            error: {
              message: refusal.message,
              type: 'OAuthException',
              code: refusal.code,
              error_data: { messaging_product: 'whatsapp', details: refusal.details ?? refusal.message },
              fbtrace_id: 'Atrace',
            },
          },
        }),
      };
    return {
      key: to,
      done: (_fake, key, n) => ({ messaging_product: 'whatsapp', contacts: [{ input: key, wa_id: key }], messages: [{ id: `wamid.${key}.${n}` }] }),
    };
  }).then((fake) => Object.assign(fake, { refusals }));
}
