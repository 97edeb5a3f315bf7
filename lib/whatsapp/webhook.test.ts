import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanString, e164, parseWhatsappWebhook } from './webhook';

const body = (changes: unknown[]) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes }] });
const metadata = { display_phone_number: '15550001111', phone_number_id: '106540352242922' };

describe('parseWhatsappWebhook', () => {
  it("reads Meta's text message example with its contact", () => {
    const parsed = parseWhatsappWebhook(
      body([
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata,
            contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16315551234' }],
            messages: [
              {
                from: '16315551234',
                id: 'wamid.ABGGFlCGg0cvAgo-sJQh43L5Pe4W',
                timestamp: '1603059201',
                text: { body: 'Hello this is an answer' },
                type: 'text',
              },
            ],
          },
        },
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      eventType: 'messages',
      ignored: 0,
      statuses: [],
      messages: [
        {
          wamid: 'wamid.ABGGFlCGg0cvAgo-sJQh43L5Pe4W',
          businessPhoneId: '106540352242922',
          businessNumber: '+15550001111',
          customerNumber: '+16315551234',
          profileName: 'Kerry Fisher',
          type: 'text',
          body: 'Hello this is an answer',
          media: null,
          contextWamid: null,
          sentAt: new Date(1603059201 * 1000),
        },
      ],
    });
  });

  it('media: the type, caption or file name, mime type; interactive replies by their title', () => {
    const parsed = parseWhatsappWebhook(
      body([
        {
          field: 'messages',
          value: {
            metadata,
            messages: [
              {
                from: '919800000001',
                id: 'w1',
                timestamp: '1',
                type: 'document',
                document: { filename: 'invoice.pdf', mime_type: 'application/pdf', id: 'm1' },
              },
              { from: '919800000001', id: 'w2', timestamp: '2', type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', id: 'm2', voice: true } },
              {
                from: '919800000001',
                id: 'w3',
                timestamp: '3',
                type: 'interactive',
                interactive: { type: 'list_reply', list_reply: { id: 'x', title: 'Cash on delivery' } },
              },
              { from: '919800000001', id: 'w4', timestamp: '4', type: 'unsupported', errors: [{ code: 131051 }] },
            ],
          },
        },
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.messages.map((m) => [m.type, m.body, m.media?.mime_type ?? null])).toEqual([
      ['document', 'invoice.pdf', 'application/pdf'],
      ['audio', null, 'audio/ogg; codecs=opus'],
      ['interactive', 'Cash on delivery', null],
      ['unsupported', null, null],
    ]);
  });

  it('statuses: each with its error; unknown status words are counted, not refused', () => {
    const parsed = parseWhatsappWebhook(
      body([
        {
          field: 'messages',
          value: {
            metadata,
            statuses: [
              { id: 'w1', status: 'delivered', timestamp: '1700000000', recipient_id: '919800000001', conversation: { id: 'c' }, pricing: { billable: true } },
              {
                id: 'w1',
                status: 'failed',
                timestamp: 1700000001,
                recipient_id: '919800000001',
                errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours' } }],
              },
              { id: 'w1', status: 'deleted', timestamp: '1700000002' },
            ],
          },
        },
      ]),
    );
    expect(parsed).toMatchObject({
      ok: true,
      eventType: 'statuses',
      ignored: 1,
      statuses: [
        { wamid: 'w1', status: 'delivered', errorCode: 0, recipient: '919800000001' },
        {
          wamid: 'w1',
          status: 'failed',
          errorCode: 131047,
          errorTitle: 'Re-engagement message',
          errorDetails: 'More than 24 hours',
          at: new Date(1700000001000),
        },
      ],
    });
  });

  it('says why: not JSON, not a WABA webhook, a message without its sender', () => {
    expect(parseWhatsappWebhook('{')).toMatchObject({ ok: false, code: 'invalid_json' });
    expect(parseWhatsappWebhook(JSON.stringify({ object: 'page', entry: [] }))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      message: expect.stringMatching(/object/),
    });
    expect(parseWhatsappWebhook(body([{ field: 'messages', value: { metadata, messages: [{ id: 'w', timestamp: '1', type: 'text' }] } }]))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      message: expect.stringMatching(/entry\.0\.changes\.0\.value\.messages\.0\.from/),
    });
  });

  it('text Postgres can hold: NUL dropped, lone surrogates replaced', () => {
    expect(cleanString('a\u0000b\uD800c')).toBe('ab\uFFFDc');
    expect(e164('919876543210')).toBe('+919876543210');
    expect(e164('+1 (631) 555-1234')).toBe('+16315551234');
  });

  it('property: never throws; anything it accepts is storable text with valid dates', () => {
    const message = fc.record({
      from: fc.oneof(fc.string(), fc.stringMatching(/^\d{6,15}$/)),
      id: fc.string(),
      timestamp: fc.oneof(fc.string(), fc.integer(), fc.stringMatching(/^\d{1,11}$/)),
      type: fc.oneof(fc.constantFrom('text', 'image', 'button', 'location', 'reaction', 'sticker'), fc.string()),
      text: fc.record({ body: fc.string({ unit: 'binary' }) }),
      image: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    const status = fc.record({
      id: fc.string(),
      status: fc.constantFrom('sent', 'delivered', 'read', 'failed', 'x'),
      timestamp: fc.oneof(fc.integer(), fc.string()),
      errors: fc.array(fc.record({ code: fc.integer() })),
    });
    const value = fc.record(
      {
        metadata: fc.record({ phone_number_id: fc.string(), display_phone_number: fc.string() }),
        messages: fc.array(message, { maxLength: 3 }),
        statuses: fc.array(status, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    const doc = fc.oneof(
      fc.jsonValue(),
      fc.record({
        object: fc.constant('whatsapp_business_account'),
        entry: fc.array(fc.record({ changes: fc.array(fc.record({ field: fc.constantFrom('messages', 'account_update'), value })) }), { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(doc, (d) => {
        const parsed = parseWhatsappWebhook(JSON.stringify(d) ?? 'null');
        if (!parsed.ok) return;
        for (const m of parsed.messages) {
          for (const text of [m.wamid, m.customerNumber, m.type, m.body ?? '', m.businessPhoneId]) expect(text).not.toContain(String.fromCharCode(0));
          expect(Number.isNaN(m.sentAt.getTime())).toBe(false);
          expect(JSON.stringify(m.media ?? {})).not.toMatch(/\\u0000/);
        }
        for (const s of parsed.statuses) expect(Number.isInteger(s.errorCode)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
