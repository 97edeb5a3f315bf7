import { describe, expect, it } from 'vitest';
import { GET as listActions } from '@/app/api/actions/route';
import { makeToken } from '@/test/auth';
import { seedActions } from '@/test/dispatch';

// GET /api/actions pages the whole queue with limit and nextCursor, as /api/calls does. Other
// files add actions to the same database meanwhile, so the checks are on this file's own rows.

type Page = { actions: { id: string; createdAt: string }[]; nextCursor: string | null };

async function get(query: string, token: string): Promise<{ status: number; json: Page & { error?: { code: string } } }> {
  const res = await listActions(new Request(`http://localhost/api/actions?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, json: await res.json() };
}

describe('GET /api/actions paging', () => {
  it('reads a queue longer than 100 page by page: each action once, oldest first, then nextCursor null', async () => {
    const token = await makeToken('viewer');
    const ours = await seedActions(250, 'send_whatsapp', (i) => ({ number: '+911234567890', message: `paging ${i}` }));
    const seen: Page['actions'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, json }: { status: number; json: Page } = await get(`status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(status).toBe(200);
      expect(json.actions.length).toBeLessThanOrEqual(100);
      seen.push(...json.actions);
      cursor = json.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(cursor).toBeNull();
    const ids = seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ours.includes(id)).sort()).toEqual([...ours].sort());
    const keys = seen.map((a) => `${a.createdAt}|${a.id}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('a page that ends the list says so; the default page is 50; more than 100 is refused', async () => {
    const token = await makeToken('viewer');
    await seedActions(3, 'send_whatsapp', () => ({ number: '+911234567890' }));
    expect((await get('status=pending', token)).json.actions.length).toBeLessThanOrEqual(50);
    const first = await get('limit=1', token);
    expect(first.json.actions).toHaveLength(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    expect((await get('limit=101', token)).status).toBe(400);
  });

  it.each(['zzz', 'eyJ4IjoxfQ', Buffer.from('["actions","2026-01-01T00:00:00Z","nope"]').toString('base64url')])(
    'a cursor it did not issue (%s) → 400 invalid_cursor',
    async (cursor) => {
      const { status, json } = await get(`cursor=${cursor}`, await makeToken('viewer'));
      expect(status).toBe(400);
      expect(json.error?.code).toBe('invalid_cursor');
    },
  );
});
