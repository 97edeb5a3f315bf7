import { words } from '@/components/action-kinds/values';
import { ActionStatusBadge } from '@/components/action-status-badge';
import { DataTable, EmptyState } from '@/components/data-table';
import { MessageStateBadge } from '@/components/whatsapp/message-state-badge';
import { RepliedBadge } from '@/components/whatsapp/replied-badge';
import { formatDateTime } from '@/lib/format';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { customerOf } from './view-model';

// Decided actions and those that need a person (failed, needs check), each linking to its life.

export function DecisionsTable({ items, empty }: { items: ActionListItem[]; empty: string }) {
  if (items.length === 0) return <EmptyState title={empty} />;
  return (
    <DataTable columns={['Status', 'Kind', 'Customer', 'Decided', 'By', 'Sent to', 'Last error', '']}>
      {items.map((item) => {
        const customer = customerOf(item);
        return (
          <tr key={item.id} data-testid="decision-row" data-id={item.id}>
            <td className="space-y-1 px-4 py-2">
              <ActionStatusBadge status={item.status} />
              {/* A failed action whose message failed says it once; the reason is under Last error. */}
              {item.message && !(item.message.state === 'failed' && item.status === 'failed') && (
                <div>
                  <MessageStateBadge state={item.message.state} failures={item.message.state === 'failed' ? [] : item.message.failures} at={item.message.at} />
                </div>
              )}
            </td>
            <td className="px-4 py-2">{words(item.kind)}</td>
            <td className="px-4 py-2">
              {item.customerHref ? (
                <a href={item.customerHref} className="underline decoration-slate-300" data-testid="customer-link">
                  {customer.name ?? 'Customer'}
                </a>
              ) : (
                (customer.name ?? '—')
              )}{' '}
              <span className="font-mono text-xs text-slate-500">{customer.number}</span>
              <div>
                <RepliedBadge replies={item.replies} />
              </div>
            </td>
            <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDateTime(item.decidedAt)}</td>
            <td className="px-4 py-2 text-slate-600">{item.decidedByEmail ?? '—'}</td>
            <td className="px-4 py-2 text-xs text-slate-600">
              {item.dispatch ? `${words(item.dispatch.destination)} · ${item.dispatch.attempts} attempt${item.dispatch.attempts === 1 ? '' : 's'}` : '—'}
            </td>
            <td className="max-w-72 truncate px-4 py-2 text-xs text-red-700" title={item.dispatch?.lastError ?? undefined}>
              {item.status === 'rejected'
                ? item.decisionNote
                : item.message?.state === 'failed'
                  ? (item.message.failures.at(-1)?.explanation ?? item.dispatch?.lastError)
                  : item.dispatch?.lastError}
            </td>
            <td className="px-4 py-2">
              <a href={`/approvals/${item.id}`} className="text-slate-700 underline">
                History
              </a>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
