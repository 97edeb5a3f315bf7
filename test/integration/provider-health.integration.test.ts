import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { type ProviderHealth, providerHealth } from '@/lib/queries/admin/health';
import { makeUser } from '@/test/auth';
import { post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Provider health judged at moments in the past that only this file's deliveries occupy (other
// files post at the present, and the retention prune removes only what is over 29 days old):
// each test moves its deliveries to its own moment and reads the cards as they were then.
useTestSecrets();
// Atoms has no secret here and may not send unsigned: everything it sends is refused.
delete process.env.ATOMS_WEBHOOK_SECRET;
process.env.ATOMS_ALLOW_UNSIGNED = 'false';

const DAY = 86_400_000;
const MINUTE = 60_000;

async function viewer() {
  const role: Role = 'viewer';
  const user = await makeUser(role);
  return { userId: user.id, email: user.email, role, via: 'token' as const };
}

/** Moves the deliveries whose bytes contain `marker` to `at` minus their index in minutes (newest first); other files store bodies that are not UTF-8. */
async function moveTo(marker: string, at: Date): Promise<void> {
  await testDb().query(
    `WITH d AS (SELECT id, row_number() OVER (ORDER BY received_at DESC, id) AS n FROM delivery WHERE position(convert_to($1, 'UTF8') IN body) > 0)
     UPDATE delivery SET received_at = $2::timestamptz - make_interval(mins => d.n::int) FROM d WHERE delivery.id = d.id`,
    [marker, at],
  );
}

const miraiBody = (marker: string, n: number) => ({
  metadata: { marker },
  event: { type: 'call.completed', data: { call: { id: `${marker}_${n}`, status: 'completed' } } },
});

async function cardAt(provider: string, at: Date): Promise<ProviderHealth> {
  const card = (await providerHealth(await viewer(), at)).find((h) => h.provider === provider);
  if (!card) throw new Error(`no card for ${provider}`);
  return card;
}

describe('provider health', () => {
  it('a provider whose every delivery is refused for want of a secret is failing, and says so', async () => {
    const marker = uid('nosecret');
    for (let i = 0; i < 3; i++) {
      const res = await post('atoms', { event: 'call.start', timestamp: new Date().toISOString(), agent_id: 'a', call_id: `${marker}_${i}` });
      expect(res).toMatchObject({ status: 401, json: { error: { code: 'unsigned_not_allowed' } } });
    }
    const at = new Date(Date.now() - 12 * DAY);
    await moveTo(marker, at);
    const atoms = await cardAt('atoms', at);
    expect(atoms).toMatchObject({ state: 'failing', deliveries24h: 3, rejected24h: 3, judged: { window: '1h', deliveries: 3, refused: 3 } });
    expect(atoms.causes).toEqual([{ code: 'unsigned_not_allowed', outcome: 'rejected', label: expect.stringMatching(/no secret configured/), count: 3 }]);
    expect(atoms.reason).toMatch(/3 of 3 deliveries in the last hour refused: no secret configured/);
    expect(atoms.reason).not.toMatch(/signature invalid/);
  });

  it('a provider refusing most of its deliveries is failing, with the real cause', async () => {
    const marker = uid('mostly');
    await post('mirai', miraiBody(marker, 0));
    for (let i = 1; i <= 3; i++) expect((await post('mirai', miraiBody(marker, i), { secret: 'sk_not_the_right_secret' })).status).toBe(401);
    const at = new Date(Date.now() - 14 * DAY);
    await moveTo(marker, at);
    const mirai = await cardAt('mirai', at);
    expect(mirai).toMatchObject({ state: 'failing', judged: { deliveries: 4, refused: 3 } });
    expect(mirai.causes).toEqual([{ code: 'signature_invalid', outcome: 'rejected', label: expect.stringMatching(/signature invalid/), count: 3 }]);
  });

  it('a few refusals among many accepted deliveries are reported, not failing', async () => {
    const marker = uid('few');
    for (let i = 0; i < 4; i++) await post('mirai', miraiBody(marker, i));
    await post('mirai', miraiBody(marker, 9), { secret: 'sk_not_the_right_secret' });
    const at = new Date(Date.now() - 16 * DAY);
    await moveTo(marker, at);
    expect(await cardAt('mirai', at)).toMatchObject({ state: 'degraded', judged: { deliveries: 5, refused: 1 } });
  });

  it('a provider silent for longer than its usual rate explains, while others deliver, is silent with that cause', async () => {
    const at = new Date(Date.now() - 18 * DAY);
    // Mirai sent one delivery an hour for a week, then nothing for six hours; MiniVoice spoke meanwhile.
    await testDb().query(
      `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status)
       SELECT 'mirai', '/api/webhooks/mirai', $1::timestamptz - make_interval(hours => g), '\\x7b7d', 2, 'valid', 'stored', 200 FROM generate_series(6, 173) g`,
      [at],
    );
    const marker = uid('speaks');
    await post('minivoice', {
      event: 'call.created',
      created_at: new Date().toISOString(),
      call: { id: marker, status: 'in_progress', from: '+15550000001', to: '+15550000002' },
      data: {},
    });
    await moveTo(marker, new Date(at.getTime() - 9 * MINUTE));

    const cards = await providerHealth(await viewer(), at);
    const mirai = cards.find((h) => h.provider === 'mirai');
    expect(mirai).toMatchObject({ state: 'silent', silence: { usualPerHour: 1, othersMeanwhile: 1 } });
    expect(mirai?.reason).toMatch(/^Nothing received for 6 h; it usually sends about 1 an hour/);
    expect(cards.find((h) => h.provider === 'minivoice')).toMatchObject({ state: 'healthy' });
  });
});
