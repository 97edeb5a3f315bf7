import fc from 'fast-check';
import type { SignableProvider } from '@/simulator/sign';
import { freshenIds, loadFixtures } from './fixtures';
import { encode } from './json-tree';
import { applyByteMutations, applyJsonMutations, type ByteMutation, byteMutation, type JsonMutation, jsonMutation } from './mutate';
import type { FuzzRequest } from './request';
import { signBytes } from './sign-bytes';

// A webhook fuzz case: a fixture, JSON-level and byte-level mutations, how it is signed, and
// which headers ride along. About 85% are signed correctly over the mutated bytes, so they get
// past verification and reach the parser, the normalizer and the database.

export type SignMode = 'valid' | 'missing' | 'wrong' | 'stale' | 'future' | 'duplicated' | 'garbage' | 'uppercase' | 'wrong-secret';

export interface WebhookCase {
  fixture: number;
  json: JsonMutation[];
  bytes: ByteMutation[];
  sign: SignMode;
  /** null: no content-type header at all. */
  contentType: string | null;
  extraHeaders: [string, string][];
  garbage: string;
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/vnd.mirai+json',
  'application/json, text/plain',
  '',
  'application/jsonx',
  'multipart/form-data; boundary=x',
];
const GARBAGE_HEADER_VALUES = [
  '',
  ' ',
  'v1=',
  't=,v1=',
  't=abc,v1=00',
  'v1=zz',
  'sha256=00',
  '0'.repeat(64),
  'a'.repeat(8192),
  '%ED%A0%80',
  'null',
  '-1',
  '99999999999999999999',
  '1e400',
  't=-1,v1=',
  'v1=ab,v1=cd',
];

const headerValue = fc.oneof(
  fc.constantFrom(...GARBAGE_HEADER_VALUES),
  fc.string({ unit: fc.constantFrom('a', '=', ',', ' ', '0', '%', ';', '\t', 'é'), maxLength: 20 }),
);

export function webhookCase(fixtureCount = loadFixtures().length): fc.Arbitrary<WebhookCase> {
  const mutations = fc.oneof(
    { weight: 2, arbitrary: fc.constant({ json: [] as JsonMutation[], bytes: [] as ByteMutation[] }) },
    { weight: 6, arbitrary: fc.record({ json: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), bytes: fc.constant([] as ByteMutation[]) }) },
    { weight: 2, arbitrary: fc.record({ json: fc.constant([] as JsonMutation[]), bytes: fc.array(byteMutation, { minLength: 1, maxLength: 2 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({ json: fc.array(jsonMutation, { minLength: 1, maxLength: 2 }), bytes: fc.array(byteMutation, { minLength: 1, maxLength: 2 }) }),
    },
  );
  return fc
    .record({
      fixture: fc.nat({ max: fixtureCount - 1 }),
      mutations,
      sign: fc.oneof(
        { weight: 85, arbitrary: fc.constant('valid' as const) },
        { weight: 15, arbitrary: fc.constantFrom<SignMode>('missing', 'wrong', 'stale', 'future', 'duplicated', 'garbage', 'uppercase', 'wrong-secret') },
      ),
      contentType: fc.oneof(
        { weight: 12, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom<string | null>(null, ...CONTENT_TYPES) },
      ),
      extraHeaders: fc.oneof(
        { weight: 8, arbitrary: fc.constant([] as [string, string][]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.tuple(
              fc.constantFrom('x-forwarded-for', 'user-agent', 'x-minivoice-event', 'x-atoms-signature', 'x-private-key', 'x-public-key', 'x-mirai-signature'),
              headerValue,
            ),
            { maxLength: 3 },
          ),
        },
      ),
      garbage: headerValue,
    })
    .map(({ mutations: m, ...rest }) => ({ ...rest, json: m.json, bytes: m.bytes }));
}

export interface WebhookBuild {
  secrets: Record<SignableProvider, string>;
  now: Date;
  /** Unique per request: fresh ids in the payload. */
  serial: string;
  /** The x-request-id the delivery row will carry. */
  requestId: string;
}

/** Turns a case into the bytes and headers that go on the wire. */
export function buildWebhookRequest(c: WebhookCase, b: WebhookBuild): FuzzRequest {
  const fixtures = loadFixtures();
  const fixture = fixtures[c.fixture % fixtures.length]!;
  const provider = fixture.endpoint;
  const tree = freshenIds(applyJsonMutations(fixture.tree, c.json), b.serial);
  const body = applyByteMutations(encode(tree), c.bytes);
  const seconds = Math.floor(b.now.getTime() / 1000);
  const secret = b.secrets[provider];
  let signature: [string, string][] = [];
  const signed = (s: string, t: number) => Object.entries(signBytes(provider, body, s, t));
  switch (c.sign) {
    case 'valid':
      signature = signed(secret, seconds);
      break;
    case 'missing':
      break;
    case 'wrong':
      signature = signed(secret, seconds).map(([k, v]) => [
        k,
        k.endsWith('public-key') || k.endsWith('timestamp') ? v : v.replace(/[0-9a-f]$/, (d) => (d === '0' ? '1' : '0')),
      ]);
      break;
    case 'stale':
      signature = signed(secret, seconds - 3600);
      break;
    case 'future':
      signature = signed(secret, seconds + 3600);
      break;
    case 'duplicated':
      signature = [...signed(secret, seconds), ...signed(secret, seconds)];
      break;
    case 'garbage':
      signature = signed(secret, seconds).map(([k]) => [k, c.garbage]);
      break;
    case 'uppercase':
      signature = signed(secret, seconds).map(([k, v]) => [k, k.endsWith('public-key') ? v : v.toUpperCase()]);
      break;
    case 'wrong-secret':
      signature = signed(`${secret}x`, seconds);
      break;
  }
  const headers: [string, string][] = [
    ...(c.contentType === null ? [] : [['content-type', c.contentType] as [string, string]]),
    ...signature,
    ...c.extraHeaders,
    ['x-request-id', b.requestId],
  ];
  return { route: `POST /api/webhooks/${provider}`, method: 'POST', path: `/api/webhooks/${provider}`, headers, body, requestId: b.requestId };
}
