import { describe, expect, it } from 'vitest';
import { post, useTestSecrets } from '@/test/webhooks';
import { postWhatsapp, useWhatsappSecrets } from '@/test/whatsapp-webhooks';

// Nothing listens on port 9: every connection is refused, as when the database is down.
process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/none';
useTestSecrets();
useWhatsappSecrets();

describe('database unreachable', () => {
  it('answers 503 so the provider retries, without leaking internals', async () => {
    const res = await post('mirai', { event: { type: 'call.initiate', data: { call: { id: 'down_1', status: 'initiate' } } } });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: { code: 'database_unavailable', message: 'The database is unavailable; try again shortly' } });
  });

  it('WhatsApp too: 503 so Meta retries, never a kept-raw 202', async () => {
    const res = await postWhatsapp({ object: 'whatsapp_business_account', entry: [] });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: { code: 'database_unavailable', message: 'The database is unavailable; try again shortly' } });
  });
});
