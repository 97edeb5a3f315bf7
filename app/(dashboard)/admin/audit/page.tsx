import Link from 'next/link';
import type { SearchParams } from 'nuqs/server';
import { type Actor, currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { AppError } from '@/lib/http/errors';
import { listAuditActions, listAuditLog } from '@/lib/queries/admin/audit';
import { ForbiddenNotice } from '../forbidden-notice';
import { AuditFilter } from './audit-filter';
import { AuditTable } from './audit-table';
import { auditHref, parseAuditFilters } from './search-params';

export const metadata = { title: 'Audit log · Callboard' };

/** A page of entries, or null when the URL's filter or cursor is not one this page made. */
async function loadPage(actor: Actor, params: SearchParams) {
  const filters = parseAuditFilters(params);
  if (!filters) return null;
  try {
    return { filters, ...(await listAuditLog(actor, filters)) };
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return null;
    throw error;
  }
}

// Read-only by design: the log is append-only in the database, and this page offers no edits.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  if (!can(actor.role, 'audit:read')) return <ForbiddenNotice actor={actor} permission="audit:read" title="The audit log" />;
  const [page, actions] = await Promise.all([loadPage(actor, await searchParams), listAuditActions(actor)]);
  const action = page?.filters.action;
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <AuditFilter actions={actions} selected={action} />
      </div>
      {page === null ? (
        <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          This link&apos;s filter or page is not valid.{' '}
          <Link href="/admin/audit" className="underline">
            Show the newest entries
          </Link>
          .
        </div>
      ) : (
        <>
          <AuditTable entries={page.entries} filtered={Boolean(action)} />
          <nav aria-label="Audit log pages" className="flex justify-between text-sm">
            {page.filters.cursor ? (
              <Link href={auditHref(action)} className="text-slate-700 underline">
                Newest entries
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Link href={auditHref(action, page.nextCursor)} className="text-slate-700 underline">
                Older entries
              </Link>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
