import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { testDb } from '@/test/webhooks';

// The WhatsApp templates setting: GET/PUT /api/settings/whatsapp-templates and the Settings
// page's server action. Read by approvers and admins (they pick templates), written by admins,
// audited; until an admin saves a list, WHATSAPP_TEMPLATES seeds it.

// Read once by lib/env.ts, on first use: before anything here asks.
process.env.WHATSAPP_TEMPLATES = 'order_confirmed,address_needed';
process.env.WHATSAPP_TEMPLATE_LANGUAGE = 'en_US';

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { GET, PUT } = await import('@/app/api/settings/whatsapp-templates/route');
const { setWhatsappTemplatesAction } = await import('@/lib/server-actions/set-whatsapp-templates');

type Who = 'anonymous' | Role;
const URL = 'http://localhost/api/settings/whatsapp-templates';

const ADDRESS = {
  name: 'address_needed',
  language: 'en_US',
  body: 'Hi {{1}}, we need your address for order {{2}}. Reply here or use {{3}}',
  params: [{ source: 'customer_name' }, { source: 'order_reference' }, { source: 'link', value: 'https://shop.example/o/{order_reference}' }],
};
const CONFIRMED = { name: 'order_confirmed', language: 'en_US', body: 'Your order {{1}} is confirmed.', params: [{ source: 'order_reference' }] };

async function headersOf(who: Who): Promise<Record<string, string>> {
  return who === 'anonymous' ? {} : { authorization: `Bearer ${await makeToken(who)}` };
}
const get = async (who: Who) => GET(new Request(URL, { headers: await headersOf(who) }));
const put = async (who: Who, body: unknown) =>
  PUT(new Request(URL, { method: 'PUT', headers: { ...(await headersOf(who)), 'content-type': 'application/json' }, body: JSON.stringify(body) }));

async function lastAudit() {
  const { rows } = await testDb().query<{ actor_email: string; before: unknown; after: unknown }>(
    `SELECT actor_email, before, after FROM audit_log WHERE action = 'setting_changed' AND target_id = 'whatsapp_templates' ORDER BY at DESC, id DESC LIMIT 1`,
  );
  return rows[0];
}

// Other files share this database: leave the seed in force for them.
const clear = () => testDb().query(`DELETE FROM team_setting WHERE key = 'whatsapp_templates'`);
beforeEach(clear);
afterAll(clear);

describe('GET/PUT /api/settings/whatsapp-templates', () => {
  it('reads the WHATSAPP_TEMPLATES seed until an admin saves a list', async () => {
    const res = await get('approver');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      templates: [
        { name: 'order_confirmed', language: 'en_US', body: '', params: [] },
        { name: 'address_needed', language: 'en_US', body: '', params: [] },
      ],
      seeded: true,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('who may read and who may write', async () => {
    const reads: Record<Who, number> = { anonymous: 401, viewer: 403, approver: 200, admin: 200 };
    const writes: Record<Who, number> = { anonymous: 401, viewer: 403, approver: 403, admin: 200 };
    for (const who of Object.keys(reads) as Who[]) {
      expect((await get(who)).status, `GET as ${who}`).toBe(reads[who]);
      expect((await put(who, { templates: [CONFIRMED] })).status, `PUT as ${who}`).toBe(writes[who]);
    }
  });

  it('an admin saves the list: read back as saved, audited with before and after', async () => {
    const token = await makeToken('admin');
    const res = await PUT(
      new Request(URL, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ templates: [ADDRESS, { ...CONFIRMED, name: ' order_confirmed ' }] }),
      }),
    );
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved).toMatchObject({ templates: [ADDRESS, CONFIRMED], seeded: false, updatedAt: expect.any(String), updatedBy: expect.stringMatching(/@/) });
    expect(await (await get('approver')).json()).toEqual(saved);
    expect(await lastAudit()).toMatchObject({ before: { whatsappTemplates: null }, after: { whatsappTemplates: [ADDRESS, CONFIRMED] } });

    // The same list again changes nothing and writes no second audit row.
    const { rows: before } = await testDb().query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = 'whatsapp_templates'`);
    expect((await put('admin', { templates: [ADDRESS, CONFIRMED] })).status).toBe(200);
    const { rows: after } = await testDb().query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = 'whatsapp_templates'`);
    expect(after[0]?.n).toBe(before[0]?.n);

    // An empty list is a list: no templates at all (not the seed).
    expect(await (await put('admin', { templates: [] })).json()).toMatchObject({ templates: [], seeded: false });
    expect(await lastAudit()).toMatchObject({ before: { whatsappTemplates: [ADDRESS, CONFIRMED] }, after: { whatsappTemplates: [] } });

    // null removes the saved list: WHATSAPP_TEMPLATES applies again.
    expect(await (await put('admin', { templates: null })).json()).toMatchObject({
      seeded: true,
      templates: [{ name: 'order_confirmed' }, { name: 'address_needed' }],
    });
    expect(await lastAudit()).toMatchObject({ before: { whatsappTemplates: [] }, after: { whatsappTemplates: null } });
  });

  it('refuses a bad list with 400 naming the template and field, and keeps what was saved', async () => {
    expect((await put('admin', { templates: [CONFIRMED] })).status).toBe(200);
    const cases: [unknown, RegExp][] = [
      [{ templates: [{ ...ADDRESS, name: 'Address Needed' }] }, /templates\.0\.name: must be the template name/],
      [{ templates: [CONFIRMED, { ...ADDRESS, language: 'english' }] }, /templates\.1\.language: must be a language code/],
      [{ templates: [{ ...ADDRESS, params: ADDRESS.params.slice(0, 2) }] }, /templates\.0\.params: The body has 3 placeholder\(s\)/],
      [{ templates: [{ ...ADDRESS, body: 'Hi {{1}} and {{3}}' }] }, /templates\.0\.body: Placeholders must be numbered/],
      [{ templates: [{ ...ADDRESS, params: [ADDRESS.params[0], ADDRESS.params[1], { source: 'link' }] }] }, /templates\.0\.params\.2\.value: Give the link/],
      [{ templates: [{ ...ADDRESS, params: [{ source: 'phone' }, ADDRESS.params[1], ADDRESS.params[2]] }] }, /templates\.0\.params\.0\.source/],
      [{ templates: [CONFIRMED, CONFIRMED] }, /templates\.1\.name: order_confirmed in en_US is already in the list/],
      [{ templates: [{ ...CONFIRMED, body: 'Order {{1}}\u0000' }] }, /templates\.0\.body: must not contain a NUL/],
      [{ templates: 'order_confirmed' }, /templates/],
      [{}, /templates/],
    ];
    for (const [body, reason] of cases) {
      const res = await put('admin', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_request');
      expect(error.message, JSON.stringify(body)).toMatch(reason);
    }
    const notJson = await PUT(new Request(URL, { method: 'PUT', headers: { ...(await headersOf('admin')), 'content-type': 'application/json' }, body: '{' }));
    expect(notJson.status).toBe(400);
    expect(await (await get('admin')).json()).toMatchObject({ templates: [CONFIRMED], seeded: false });
  });
});

describe('the Settings form (server action)', () => {
  async function actAs(who: Who): Promise<void> {
    request.headers = new Headers({ origin: 'http://localhost', host: 'localhost' });
    if (who === 'anonymous') return;
    const user = await makeUser(who);
    const { cookie } = await signIn(user.email, undefined, `198.51.100.${Math.floor(Math.random() * 250)}`);
    request.headers.set('cookie', cookie);
  }
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it('only admins save; a bad list is refused with its reason; reset goes back to the seed', async () => {
    for (const who of ['anonymous', 'viewer', 'approver'] as const) {
      await actAs(who);
      expect(await setWhatsappTemplatesAction(null, form({ templates: JSON.stringify([ADDRESS]) })), who).toMatchObject({ ok: false });
    }
    await actAs('admin');
    expect(await setWhatsappTemplatesAction(null, form({ templates: JSON.stringify([{ ...ADDRESS, params: [] }]) }))).toEqual({
      ok: false,
      error: expect.stringMatching(/Template 1 \(address_needed\), params: The body has 3 placeholder\(s\)/),
    });
    expect(await setWhatsappTemplatesAction(null, form({ templates: 'not json' }))).toMatchObject({ ok: false });
    expect(await setWhatsappTemplatesAction(null, form({ templates: JSON.stringify([ADDRESS]) }))).toEqual({ ok: true, message: 'Saved 1 template' });
    expect(await setWhatsappTemplatesAction(null, form({ templates: JSON.stringify([ADDRESS]) }))).toEqual({ ok: true, message: 'Nothing changed' });
    expect(await (await get('approver')).json()).toMatchObject({ templates: [ADDRESS], seeded: false });
    expect(await setWhatsappTemplatesAction(null, form({ reset: '1' }))).toEqual({ ok: true, message: 'Back to the WHATSAPP_TEMPLATES names' });
    expect(await (await get('approver')).json()).toMatchObject({ seeded: true });
    expect(await lastAudit()).toMatchObject({ after: { whatsappTemplates: null } });
  });
});
