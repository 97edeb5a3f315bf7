import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { guardedRoute } from './route';

// The shell alone, with nobody to check (guard 'public'): what it reads, in which order, and
// how a failure becomes the error envelope.

const route = guardedRoute(
  {
    guard: 'public',
    params: ({ id = '' }) => {
      if (id === 'nope') throw new AppError(404, 'not_found', `No thing with id ${id}`);
      return id;
    },
    query: z.object({ n: z.coerce.number().int() }),
    body: z.object({ name: z.string() }),
  },
  async ({ params, query, body }) => Response.json({ id: params, n: query.n, name: body.name }),
);

const post = (url: string, body: string, type = 'application/json') => new Request(url, { method: 'POST', headers: { 'content-type': type }, body });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('guardedRoute', () => {
  it('hands the handler the parsed params, query and body', async () => {
    const res = await route(post('http://localhost/x?n=3&blank=', '{"name":"a"}'), params('7'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '7', n: 3, name: 'a' });
  });

  it('checks the params before the query, and the query before the body', async () => {
    const bad = await route(post('http://localhost/x?n=x', 'not json'), params('nope'));
    expect(bad.status).toBe(404);
    const badQuery = await route(post('http://localhost/x?n=x', 'not json'), params('7'));
    expect(badQuery.status).toBe(400);
    expect(await badQuery.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringMatching(/^n:/) } });
  });

  it('reads the body as JSON only: 415 for another type, 400 for bad JSON or a bad field', async () => {
    expect((await route(post('http://localhost/x?n=1', 'name=a', 'application/x-www-form-urlencoded'), params('7'))).status).toBe(415);
    expect(await (await route(post('http://localhost/x?n=1', '{'), params('7'))).json()).toMatchObject({ error: { code: 'invalid_json' } });
    expect(await (await route(post('http://localhost/x?n=1', '{"name":1}'), params('7'))).json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('turns what the handler throws into the envelope, and hides a 500', async () => {
    const failing = guardedRoute({ guard: 'public' }, async () => {
      throw new Error('secret detail');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await failing(new Request('http://localhost/x'));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
