import { beforeAll, describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as resend } from '@/app/api/actions/[id]/resend/route';
import { WHATSAPP_TEMPLATES_KEY } from '@/lib/whatsapp/templates-store';
import { makeToken } from '@/test/auth';
import { seedActions } from '@/test/dispatch';
import { testDb } from '@/test/webhooks';

// The decision and re-send routes as a client calls them: a template by name or as an object
// with its values, refused with a reason before anything is written; re-sending only for those
// who decide, only for a failed message a template answers.

const templates = [
  { name: 'order_address_needed', language: 'en', body: 'Hi {{1}}, your order {{2}}.', params: [{ source: 'customer_name' }, { source: 'order_reference' }] },
];

let approver = '';
let viewer = '';

beforeAll(async () => {
  [approver, viewer] = await Promise.all([makeToken('approver'), makeToken('viewer')]);
  await testDb().query(`INSERT INTO team_setting (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
    WHATSAPP_TEMPLATES_KEY,
    JSON.stringify(templates),
  ]);
});

const call = (handler: typeof decide, id: string, token: string, body: unknown) =>
  handler(
    new Request(`http://localhost/api/actions/${id}/x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

describe('POST /api/actions/{id}/decision with a template', () => {
  it('takes {name, language, parameters}; a wrong count is a 400 that names the template, and nothing is decided', async () => {
    const [id = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811300001' }));
    const wrong = await call(decide, id, approver, { decision: 'approve', template: { name: 'order_address_needed', parameters: ['Asha'] } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'template_parameters', message: expect.stringMatching(/order_address_needed \(en\) has 2 parameters/) },
    });
    const { rows } = await testDb().query('SELECT status FROM action WHERE id = $1', [id]);
    expect(rows[0]?.status).toBe('pending');

    const right = await call(decide, id, approver, {
      decision: 'approve',
      template: { name: 'order_address_needed', language: 'en', parameters: ['Asha', 'ORD-9'] },
    });
    expect(right.status).toBe(200);
    const outbox = await testDb().query<{ payload: unknown }>('SELECT payload FROM dispatch_outbox WHERE action_id = $1', [id]);
    expect(outbox.rows[0]?.payload).toMatchObject({
      template: { name: 'order_address_needed', parameters: ['Asha', 'ORD-9'], text: 'Hi Asha, your order ORD-9.' },
    });
  });

  it('a template that is neither a name nor an object is a 400 from the schema', async () => {
    const [id = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811300002' }));
    const res = await call(decide, id, approver, { decision: 'approve', template: 7 });
    expect(res.status).toBe(400);
  });
});

describe('POST /api/actions/{id}/resend', () => {
  it('needs the decide permission, a failed WhatsApp message, and a template that fits', async () => {
    const [id = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811300003' }));
    expect((await call(resend, id, viewer, {})).status).toBe(403);
    const pending = await call(resend, id, approver, { template: 'order_address_needed' });
    expect(pending.status).toBe(409);
    expect(await pending.json()).toMatchObject({ error: { code: 'not_resendable' } });
    expect((await call(resend, id, approver, { template: { parameters: [] } })).status).toBe(400);
  });
});
