import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/roles';

/** What an admin page shows a role without its permission: a plain 403 message, not an error page. */
export function ForbiddenNotice({ actor, permission, title }: { actor: Actor; permission: Permission; title: string }) {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950">
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-700">403 · Forbidden</p>
      <h1 className="mt-1 text-lg font-semibold">{title} is for admins only</h1>
      <p className="mt-2 text-sm">
        Your role ({actor.role}) does not allow this ({permission}). Ask a Callboard admin if you need access.
      </p>
    </section>
  );
}
