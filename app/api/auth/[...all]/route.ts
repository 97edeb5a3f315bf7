// GET|POST /api/auth/* — Better Auth: sign-in, sign-out, session, Google callback.
import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { AppError, errorResponse } from '@/lib/http/errors';
import { storableJson } from '@/lib/ingest/storable';

export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);

/**
 * Text Postgres cannot hold (an email with a NUL in it) or an address longer than any real one
 * would reach Better Auth's queries, and a body nested thousands deep its parser, each as a 500:
 * named and refused here instead.
 */
async function badText(request: Request): Promise<string | null> {
  let json: unknown;
  try {
    json = JSON.parse(await request.clone().text());
  } catch {
    return null; // not JSON: Better Auth answers that itself
  }
  const [first] = storableJson(json).warnings;
  if (first) return `${first.field}: ${first.change}`;
  // No address is longer (RFC 5321); a longer one would reach the sign-in limiter's index.
  const email = (json as { email?: unknown } | null)?.email;
  return typeof email === 'string' && email.length > 254 ? `email: ${email.length} characters; at most 254` : null;
}

export async function POST(request: Request): Promise<Response> {
  const problem = await badText(request);
  if (problem) return errorResponse(new AppError(400, 'invalid_request', problem));
  return toNextJsHandler(auth()).POST(request);
}
