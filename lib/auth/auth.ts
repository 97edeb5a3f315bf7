import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { writeAudit } from '@/lib/audit';
import { pool, prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { clientIp, registerSignInAttempt } from './sign-in-limit';

// Sign-in is Better Auth: email + password for everyone, Google when configured. Nobody signs
// up: admins create users (lib/auth/users-store.ts). Sessions live in Postgres, in HTTP-only
// SameSite=Lax cookies, Secure unless the app is explicitly served over plain http.

const DEV_SECRET = 'callboard-development-secret-not-for-production-use';

function createAuth() {
  const e = env();
  const httpOnlyOrigin = e.BETTER_AUTH_URL?.startsWith('http://') ?? false;
  return betterAuth({
    appName: 'Callboard',
    baseURL: e.BETTER_AUTH_URL,
    secret: e.BETTER_AUTH_SECRET ?? DEV_SECRET,
    database: prismaAdapter(prisma(), { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    socialProviders:
      e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
        ? { google: { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET, disableImplicitSignUp: true } }
        : {},
    user: { additionalFields: { role: { type: 'string', required: false, defaultValue: 'viewer', input: false } } },
    session: { expiresIn: e.SESSION_HOURS * 3600, updateAge: 3600 },
    // Better Auth's own limiter counts per IP in memory; ours counts per address and IP in Postgres.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: e.NODE_ENV === 'production' && !httpOnlyOrigin,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '')
          .trim()
          .toLowerCase();
        const ip = clientIp(ctx.headers);
        const { allowed } = await registerSignInAttempt(email, ip, e.SIGN_IN_ATTEMPTS_PER_MINUTE);
        if (!allowed) {
          await writeAudit(pool(), { actorEmail: email, action: 'sign_in_failed', after: { reason: 'rate_limited' }, ip });
          throw new APIError('TOO_MANY_REQUESTS', { message: 'Too many sign-in attempts. Wait a minute and try again.' });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const ip = clientIp(ctx.headers);
        const session = ctx.context.newSession;
        if (ctx.path === '/sign-in/email' || ctx.path.startsWith('/callback/')) {
          if (session) {
            await writeAudit(pool(), {
              actorId: session.user.id,
              actorEmail: session.user.email,
              action: 'sign_in',
              after: { method: ctx.path === '/sign-in/email' ? 'password' : 'google' },
              ip,
            });
          } else if (ctx.path === '/sign-in/email') {
            const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '')
              .trim()
              .toLowerCase();
            const returned = ctx.context.returned;
            const reason = returned instanceof APIError ? returned.message : 'failed';
            if (!(returned instanceof APIError && returned.statusCode === 429)) {
              await writeAudit(pool(), { actorEmail: email, action: 'sign_in_failed', after: { reason }, ip });
            }
          }
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { callboardAuth?: Auth };

/** The Better Auth instance, created on first use (never at build time). */
export function auth(): Auth {
  globalForAuth.callboardAuth ??= createAuth();
  return globalForAuth.callboardAuth;
}

export function googleSignInEnabled(): boolean {
  return Boolean(env().GOOGLE_CLIENT_ID && env().GOOGLE_CLIENT_SECRET);
}
