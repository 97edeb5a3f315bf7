// GET|POST /api/auth/* — Better Auth: sign-in, sign-out, session, Google callback.
import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { AppError, errorResponse } from '@/lib/http/errors';
import { findBadText } from '@/lib/schemas/pg-text';

export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);

/** Text Postgres cannot hold (an email with a NUL in it) would reach Better Auth's queries as a 500. */
async function badText(request: Request): Promise<string | null> {
  let json: unknown;
  try {
    json = JSON.parse(await request.clone().text());
  } catch {
    return null; // not JSON: Better Auth answers that itself
  }
  const path = findBadText(json);
  return path ? path.join('.') || '(body)' : null;
}

export async function POST(request: Request): Promise<Response> {
  const field = await badText(request);
  if (field) return errorResponse(new AppError(400, 'invalid_request', `${field}: must not contain a NUL character or an unpaired UTF-16 surrogate`));
  return toNextJsHandler(auth()).POST(request);
}
