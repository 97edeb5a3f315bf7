import { describe, expect, it } from 'vitest';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { makeToken } from '@/test/auth';
import { insertCall } from '@/test/calls';
import { uid } from '@/test/webhooks';

// The README documents success=true|false and pending=true|false; the calls page writes yes/no
// into its URLs, and those links keep working.

const getWith = (handler: (r: Request) => Promise<Response>, path: string, headers: Record<string, string>) =>
  handler(new Request(`http://localhost${path}`, { headers }));
const as = async (role: 'approver') => ({ authorization: `Bearer ${await makeToken(role)}` });

describe('GET /api/calls success and pending', () => {
  it('success and pending take true/false as documented, and mean what yes/no mean', async () => {
    const marker = uid('flags');
    const yes = await insertCall(marker, { success: true });
    const no = await insertCall(marker, { success: false });
    const headers = await as('approver');
    const ids = async (query: string) => {
      const res = await getWith(listCalls, `/api/calls?q=${marker}&${query}`, headers);
      expect(res.status, query).toBe(200);
      return ((await res.json()).calls as { id: string }[]).map((c) => c.id);
    };
    expect(await ids('success=true')).toEqual([yes.id]);
    expect(await ids('success=false')).toEqual([no.id]);
    expect(await ids('success=yes')).toEqual([yes.id]);
    expect(await ids('success=no')).toEqual([no.id]);
    expect(await ids('pending=true')).toEqual([]);
    expect(await ids('pending=false')).toEqual([no.id, yes.id]);
    expect((await getWith(listCalls, '/api/calls?success=TRUE', headers)).status).toBe(400);
    const csv = await getWith(exportCalls, `/api/calls/export?q=${marker}&success=true`, headers);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n').filter((line) => line.includes(yes.providerCallId) || line.includes(no.providerCallId))).toHaveLength(1);
  });
});
