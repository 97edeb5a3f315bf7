import { describe, expect, it, vi } from 'vitest';
import { testDb } from '@/test/webhooks';
import { change, postWhatsapp, statusUpdate, useWhatsappSecrets, wamid, whatsappBody } from '@/test/whatsapp-webhooks';

// A verified WhatsApp delivery whose processing fails (a bug on our side) is kept whole and
// acknowledged 202, so Meta does not retry the same poison for ever and nothing is lost.

vi.mock('@/lib/whatsapp/store', async (original) => ({
  ...(await original<typeof import('@/lib/whatsapp/store')>()),
  storeStatuses: async () => {
    throw new Error('a bug while storing statuses');
  },
}));

useWhatsappSecrets();

describe('processing fails after a valid signature', () => {
  it('202, kept raw as a failed delivery with the whole body; nothing half-stored', async () => {
    const id = wamid('poison');
    const result = await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(id, 'read', new Date(), '919800000004')] })]));
    expect(result).toEqual({ status: 202, json: { ok: true, processed: false } });
    const { rows } = await testDb().query(
      `SELECT outcome, verification, http_status, error_code, body_truncated, octet_length(body) = body_size AS whole FROM delivery
       WHERE provider = 'whatsapp' AND position($1::bytea in body) > 0`,
      [Buffer.from(id)],
    );
    expect(rows).toEqual([{ outcome: 'failed', verification: 'valid', http_status: 202, error_code: 'processing_failed', body_truncated: false, whole: true }]);
    const statuses = await testDb().query('SELECT 1 FROM whatsapp_status WHERE wamid = $1', [id]);
    expect(statuses.rows).toHaveLength(0);
  });
});
