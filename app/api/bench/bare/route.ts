// POST /api/bench/bare — benchmark baseline: reads and parses the body, stores nothing.
// Answers 404 unless BENCH_ROUTES=true, so it is inert in a real deployment.
import { env } from '@/lib/env';

export async function POST(request: Request): Promise<Response> {
  if (!env().BENCH_ROUTES) return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  JSON.parse(await request.text());
  return Response.json({ ok: true });
}
