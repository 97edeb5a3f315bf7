import Link from 'next/link';
import { DecidePanel } from '@/components/action-kinds/decide-panel';
import { kindView } from '@/components/action-kinds/registry';
import { obj } from '@/components/action-kinds/values';
import { KeyValueTable } from '@/components/key-value-table';
import { LocalTime } from '@/components/local-time';
import type { TemplateFacts } from '@/lib/action-kinds/send-whatsapp/parameters';
import { asRecord, humanizeKey, keyValueRows } from '@/lib/calls/key-values';
import type { CallDetailView } from '@/lib/queries/calls/detail';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import { Section } from './section';

const TONE: Record<string, string> = {
  pending: 'bg-status-waiting/20 text-amber-900',
  approved: 'bg-status-success/15 text-green-800',
  dispatched: 'bg-status-active/15 text-blue-800',
  rejected: 'bg-status-failure/15 text-red-800',
  failed: 'bg-status-failure/15 text-red-800',
};

/** What deciding on this page needs, worked out on the server (page.tsx). */
export interface CallDecideSettings {
  mayDecide: boolean;
  role: string;
  currency: string;
  templates: WhatsappTemplate[];
  /** Per kind on this call: where approving sends it, or null. */
  destinations: Record<string, string | null>;
  /** Per WhatsApp action: the customer's last message to the business (ISO; their service window) and its template's facts. */
  whatsapp: Record<string, { lastInboundAt: string | null; facts: TemplateFacts }>;
  fallbackNumber: string | null;
  now: number;
}

/**
 * Business actions the agent asked for during the call, and where each stands. A pending one is
 * decided right here (Approve / Edit / Reject, as in the queue); each opens its own page.
 */
export function CallActions({ actions, decide }: { actions: CallDetailView['actions']; decide: CallDecideSettings }) {
  const pending = actions.some((a) => a.status === 'pending');
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
          {actions.map((a) => {
            const label = kindView(a.kind)?.label ?? humanizeKey(a.kind);
            // Waiting for this person: the kind's own view (what will go out) and the buttons; the
            // panel stays mounted after a decision, with its receipt.
            const deciding = decide.mayDecide && a.status === 'pending';
            return (
              <li key={a.id} data-testid="call-action" data-action-id={a.id} data-status={a.status} className="space-y-2 py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{humanizeKey(a.kind)}</span>
                  {a.reason && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{humanizeKey(a.reason)}</span>}
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[a.status] ?? TONE.pending}`}>{a.status}</span>
                  <LocalTime value={a.createdAt} className="text-xs text-slate-500" />
                  <Link href={`/approvals/${a.id}`} className="ml-auto text-xs text-slate-700 underline" aria-label={`Open the ${label} action`}>
                    Open
                  </Link>
                </div>
                {!(deciding && kindView(a.kind)) && (
                  <details>
                    <summary className="w-fit cursor-pointer text-xs text-slate-600 select-none hover:text-slate-900">What it asks for</summary>
                    <div className="mt-1">
                      <KeyValueTable rows={keyValueRows(asRecord(a.payload))} empty="No details were sent." />
                    </div>
                  </details>
                )}
                {decide.mayDecide && (
                  <DecidePanel
                    details={deciding}
                    id={a.id}
                    kind={a.kind}
                    status={a.status}
                    label={label}
                    payload={obj(a.payload)}
                    reason={a.reason}
                    lastInboundAt={decide.whatsapp[a.id]?.lastInboundAt ?? null}
                    templateFacts={decide.whatsapp[a.id]?.facts ?? null}
                    fallbackNumber={decide.fallbackNumber}
                    now={decide.now}
                    currency={decide.currency}
                    destination={decide.destinations[a.kind] ?? null}
                    templates={decide.templates}
                    mayDecide={decide.mayDecide}
                    role={decide.role}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pending && !decide.mayDecide && (
        <p className="mt-3 text-xs text-slate-500">Approving and rejecting needs the approver or admin role (yours: {decide.role}).</p>
      )}
    </Section>
  );
}
