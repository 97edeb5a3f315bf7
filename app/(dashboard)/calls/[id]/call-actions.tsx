import Link from 'next/link';
import { KeyValueTable } from '@/components/key-value-table';
import { LocalTime } from '@/components/local-time';
import { asRecord, humanizeKey, keyValueRows } from '@/lib/calls/key-values';
import type { CallDetailView } from '@/lib/queries/calls/detail';
import { Section } from './section';

const TONE: Record<string, string> = {
  pending: 'bg-status-waiting/20 text-amber-900',
  approved: 'bg-status-success/15 text-green-800',
  dispatched: 'bg-status-active/15 text-blue-800',
  rejected: 'bg-status-failure/15 text-red-800',
  failed: 'bg-status-failure/15 text-red-800',
};

/** Business actions the agent asked for during the call, and where each stands. */
export function CallActions({ actions }: { actions: CallDetailView['actions'] }) {
  return (
    <Section
      title="Actions"
      aside={
        <Link href="/approvals" className="text-slate-700 underline">
          Approvals queue
        </Link>
      }
      testId="actions"
    >
      {actions.length === 0 ? (
        <p className="text-sm text-slate-500">No actions were raised during this call.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {actions.map((a) => (
            <li key={a.id} data-testid="call-action" data-status={a.status} className="space-y-1 py-2 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{humanizeKey(a.kind)}</span>
                {a.reason && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{humanizeKey(a.reason)}</span>}
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[a.status] ?? TONE.pending}`}>{a.status}</span>
                <LocalTime value={a.createdAt} className="text-xs text-slate-500" />
              </div>
              <details>
                <summary className="w-fit cursor-pointer text-xs text-slate-600 select-none hover:text-slate-900">What it asks for</summary>
                <div className="mt-1">
                  <KeyValueTable rows={keyValueRows(asRecord(a.payload))} empty="No details were sent." />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
