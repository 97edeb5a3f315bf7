import fc from 'fast-check';
import { freshenIds } from './fixtures';
import { encode, fromValue } from './json-tree';
import { applyByteMutations, applyJsonMutations, type ByteMutation, byteMutation, type JsonMutation, jsonMutation } from './mutate';
import type { FuzzRequest } from './request';
import { signWhatsappBytes } from './sign-bytes';

// Fuzz cases for POST /api/webhooks/whatsapp: Meta's payload shapes (customer messages of every
// kind, statuses with and without errors, several entries and business numbers), mutated as JSON
// and as bytes, signed right (mostly) or wrong. The ids (wamids) are made fresh per request.

export const WHATSAPP_ENDPOINT = '/api/webhooks/whatsapp';

const metadata = (id: string) => ({ display_phone_number: '15550001111', phone_number_id: id });
const T = '1764926400';

/** Seeds: what Meta sends, one shape each. */
export const WHATSAPP_FIXTURES: unknown[] = [
  {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba_1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: metadata('106540352242922'),
              contacts: [{ profile: { name: 'Asha Rao' }, wa_id: '919876543210' }],
              messages: [{ from: '919876543210', id: 'wamid.fuzz_text_0001', timestamp: T, type: 'text', text: { body: '12 MG Road, Bengaluru 560001' } }],
            },
          },
        ],
      },
    ],
  },
  {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba_1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: metadata('106540352242922'),
              contacts: [{ profile: { name: 'Ravi' }, wa_id: '919812345678' }],
              messages: [
                {
                  from: '919812345678',
                  id: 'wamid.fuzz_image_0001',
                  timestamp: T,
                  type: 'image',
                  image: { caption: 'gate', mime_type: 'image/jpeg', sha256: 'x', id: 'media_1' },
                },
                {
                  from: '919812345678',
                  id: 'wamid.fuzz_button_001',
                  timestamp: T,
                  type: 'button',
                  button: { text: 'Yes', payload: 'yes' },
                  context: { from: '15550001111', id: 'wamid.ctx_0001' },
                },
                {
                  from: '919812345678',
                  id: 'wamid.fuzz_locate_001',
                  timestamp: T,
                  type: 'location',
                  location: { latitude: 12.97, longitude: 77.59, name: 'Home' },
                },
                {
                  from: '919812345678',
                  id: 'wamid.fuzz_unsupp_001',
                  timestamp: T,
                  type: 'unsupported',
                  errors: [{ code: 131051, title: 'Message type unknown' }],
                },
              ],
            },
          },
        ],
      },
    ],
  },
  {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba_1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: metadata('106540352242922'),
              statuses: [
                {
                  id: 'wamid.fuzz_status_001',
                  status: 'delivered',
                  timestamp: T,
                  recipient_id: '919876543210',
                  conversation: { id: 'conv_1', origin: { type: 'utility' } },
                  pricing: { billable: true, category: 'utility' },
                },
                {
                  id: 'wamid.fuzz_status_001',
                  status: 'failed',
                  timestamp: T,
                  recipient_id: '919876543210',
                  errors: [
                    { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } },
                  ],
                },
              ],
            },
          },
        ],
      },
      {
        id: 'waba_2',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: metadata('2222222222'),
              statuses: [{ id: 'wamid.fuzz_status_002', status: 'read', timestamp: T, recipient_id: '919800000000' }],
            },
          },
          { field: 'account_update', value: { phone_number: '15550002222', event: 'VERIFIED_ACCOUNT' } },
        ],
      },
    ],
  },
];

export type WhatsappSignMode = 'valid' | 'missing' | 'wrong' | 'garbage' | 'no-prefix' | 'uppercase' | 'wrong-secret' | 'duplicated';

export interface WhatsappCase {
  fixture: number;
  json: JsonMutation[];
  bytes: ByteMutation[];
  sign: WhatsappSignMode;
  garbage: string;
}

export function whatsappCase(): fc.Arbitrary<WhatsappCase> {
  return fc.record({
    fixture: fc.nat({ max: WHATSAPP_FIXTURES.length - 1 }),
    json: fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as JsonMutation[]) },
      { weight: 4, arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }) },
    ),
    bytes: fc.oneof(
      { weight: 5, arbitrary: fc.constant([] as ByteMutation[]) },
      { weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 2 }) },
    ),
    sign: fc.oneof(
      { weight: 85, arbitrary: fc.constant('valid' as const) },
      { weight: 15, arbitrary: fc.constantFrom<WhatsappSignMode>('missing', 'wrong', 'garbage', 'no-prefix', 'uppercase', 'wrong-secret', 'duplicated') },
    ),
    garbage: fc.constantFrom('', 'sha256=', 'sha256=zz', `sha256=${'0'.repeat(64)}`, 'sha1=abc', 'a'.repeat(4096), '%ED%A0%80'),
  });
}

export function buildWhatsappRequest(c: WhatsappCase, b: { secret: string; serial: string; requestId: string }): FuzzRequest {
  const tree = freshenIds(applyJsonMutations(fromValue(WHATSAPP_FIXTURES[c.fixture % WHATSAPP_FIXTURES.length]), c.json), b.serial);
  const body = applyByteMutations(encode(tree), c.bytes);
  const valid = signWhatsappBytes(body, b.secret)['x-hub-signature-256'] as string;
  const signature: Record<WhatsappSignMode, [string, string][]> = {
    valid: [['x-hub-signature-256', valid]],
    missing: [],
    wrong: [['x-hub-signature-256', valid.replace(/[0-9a-f]$/, (d) => (d === '0' ? '1' : '0'))]],
    garbage: [['x-hub-signature-256', c.garbage]],
    'no-prefix': [['x-hub-signature-256', valid.slice('sha256='.length)]],
    uppercase: [['x-hub-signature-256', valid.toUpperCase()]],
    'wrong-secret': [['x-hub-signature-256', signWhatsappBytes(body, `${b.secret}x`)['x-hub-signature-256'] as string]],
    duplicated: [
      ['x-hub-signature-256', valid],
      ['x-hub-signature-256', valid],
    ],
  };
  const headers: [string, string][] = [['content-type', 'application/json'], ...signature[c.sign], ['x-request-id', b.requestId]];
  return { route: `POST ${WHATSAPP_ENDPOINT}`, method: 'POST', path: WHATSAPP_ENDPOINT, headers, body, requestId: b.requestId };
}
