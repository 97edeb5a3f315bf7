import 'server-only';
import type { ZodType } from 'zod';
import { type Actor, requireActor } from '@/lib/auth/actor';
import { requireCron } from '@/lib/auth/cron';
import type { Permission } from '@/lib/auth/roles';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { searchParamsObject } from '@/lib/schemas/calls';

// The one shell of a JSON route handler: who may call it, what it reads, and the error envelope.
// In order: the guard (401/403), the path params, the query, the body (400/404/415); whatever
// throws on the way or in the handler becomes `{ "error": { "code", "message" } }` with its status.

/** A permission (signed-in person or API token), `cron` (CRON_SECRET) or `public` (nobody checked). */
export type Guard = Permission | 'cron' | 'public';

type RawParams = Record<string, string>;

export interface RouteOptions<G extends Guard, P, Q, B> {
  guard: G;
  /** Checks and shapes the awaited path params (throw an AppError, e.g. uuidParam's 404). */
  params?: (raw: RawParams) => P;
  /** Parses the query string (blank values dropped). */
  query?: ZodType<Q>;
  /** Parses the JSON body read by readJsonBody (empty reads as {}). */
  body?: ZodType<B>;
}

export interface RouteInput<G extends Guard, P, Q, B> {
  request: Request;
  actor: G extends Permission ? Actor : null;
  params: P;
  query: Q;
  body: B;
}

/** What Next calls: the request, and the route's params as a promise. */
export type RouteHandler = (request: Request, context?: { params: Promise<RawParams> }) => Promise<Response>;

async function guardOf(request: Request, guard: Guard): Promise<Actor | null> {
  if (guard === 'public') return null;
  if (guard === 'cron') {
    requireCron(request);
    return null;
  }
  return requireActor(request, guard);
}

export function guardedRoute<G extends Guard, P = RawParams, Q = undefined, B = undefined>(
  options: RouteOptions<G, P, Q, B>,
  handle: (input: RouteInput<G, P, Q, B>) => Promise<Response>,
): RouteHandler {
  return async (request, context) => {
    try {
      const actor = (await guardOf(request, options.guard)) as RouteInput<G, P, Q, B>['actor'];
      const raw = (await context?.params) ?? {};
      const params = (options.params ? options.params(raw) : raw) as P;
      const query = (options.query ? options.query.parse(searchParamsObject(new URL(request.url).searchParams)) : undefined) as Q;
      const body = (options.body ? options.body.parse(await readJsonBody(request)) : undefined) as B;
      return await handle({ request, actor, params, query, body });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
