import 'server-only';
import { headers as nextHeaders } from 'next/headers';
import { AppError } from '@/lib/http/errors';
import { findTokenUser } from './api-tokens';
import { auth } from './auth';
import { can, isRole, type Permission, type Role } from './roles';
import { bearerToken, hashToken } from './tokens';

/** Whoever is acting: a signed-in person, or a script holding one of their API tokens. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}

async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const token = bearerToken(headers.get('authorization'));
  if (token) {
    const user = await findTokenUser(hashToken(token));
    if (!user) throw new AppError(401, 'unauthorized', 'The API token is unknown or revoked');
    return { ...user, via: 'token' };
  }
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  // The role is read with the session on every request, so a role change applies at once.
  const role: Role = isRole(session.user.role) ? session.user.role : 'viewer';
  return { userId: session.user.id, email: session.user.email, role, via: 'session' };
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError(403, 'forbidden', `Your role (${actor.role}) does not allow this (${permission})`);
  }
}

/** The host of an Origin header; null for `null` (a sandboxed or privacy-sensitive context) and for anything that is not a URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Cookies ride along on cross-site requests; tokens do not. So a cookie-authenticated request
 * that changes something must come from our own origin.
 */
function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const ours = new URL(request.url).origin;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const sameHost = origin ? origin === ours || (host !== null && originHost(origin) === host) : site !== 'cross-site';
  if (!sameHost) throw new AppError(403, 'cross_site_request', 'Cross-site requests are refused');
}

/** For route handlers: the actor of a request, or 401; 403 when the role lacks the permission. */
export async function requireActor(request: Request, permission: Permission): Promise<Actor> {
  const actor = await actorFromHeaders(request.headers);
  if (!actor) throw new AppError(401, 'unauthorized', 'Sign in, or send Authorization: Bearer <token>');
  if (actor.via === 'session') assertSameOrigin(request);
  assertCan(actor, permission);
  return actor;
}

/** For pages and server actions: the signed-in person, or null. */
export async function currentActor(): Promise<Actor | null> {
  return actorFromHeaders(await nextHeaders());
}

/** For server actions: the signed-in person with the permission, or an AppError (401/403). */
export async function requireCurrentActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError(401, 'unauthorized', 'Your session has ended; sign in again');
  assertCan(actor, permission);
  return actor;
}
