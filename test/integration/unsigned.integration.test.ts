import { describe, expect, it } from 'vitest';
import { callRow, post, rejectedDelivery, testDb, uid } from '@/test/webhooks';

// A provider with no secret: MiniVoice may send unsigned deliveries (its docs say so) when the
// operator allows them; Atoms is not allowed here and must refuse.
delete process.env.MINIVOICE_WEBHOOK_SECRET;
delete process.env.ATOMS_WEBHOOK_SECRET;
process.env.MINIVOICE_ALLOW_UNSIGNED = 'true';
process.env.ATOMS_ALLOW_UNSIGNED = 'false';

describe('unsigned deliveries', () => {
  it('are accepted and marked unsigned when <PROVIDER>_ALLOW_UNSIGNED=true', async () => {
    const id = uid('unsigned');
    const res = await post('minivoice', { event: 'call.created', created_at: new Date().toISOString(), call: { id, status: 'in_progress' } }, { secret: null });
    expect(res).toMatchObject({ status: 200, json: { ok: true } });
    const call = await callRow('minivoice', id);
    expect(call).toMatchObject({ status: 'in_progress' });
    const { rows } = await testDb().query('SELECT d.verification, e.signed FROM delivery d JOIN call_event e ON e.id = d.event_id WHERE d.call_id = $1', [
      call?.id,
    ]);
    expect(rows).toEqual([{ verification: 'unsigned', signed: false }]);
  });

  it('are refused with 401 when no secret is set and unsigned is not allowed', async () => {
    const marker = uid('refused');
    const res = await post('atoms', { event: 'call.start', timestamp: new Date().toISOString(), agent_id: 'a', call_id: marker }, { secret: null });
    expect(res).toMatchObject({ status: 401, json: { error: { code: 'unsigned_not_allowed' } } });
    expect(String(JSON.stringify(res.json))).toContain('ATOMS_WEBHOOK_SECRET');
    expect(await rejectedDelivery(marker)).toMatchObject([{ http_status: 401, outcome: 'rejected' }]);
  });
});
