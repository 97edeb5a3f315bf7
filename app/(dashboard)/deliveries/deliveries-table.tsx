import { DataTable, EmptyState } from '@/components/data-table';
import { PROVIDERS } from '@/lib/providers/registry';
import type { DeliveryListItem } from '@/lib/queries/deliveries/list';
import { WHATSAPP_SOURCE, WHATSAPP_SOURCE_LABEL } from '@/lib/whatsapp/webhook';
import { OutcomeBadge, VerificationLabel } from './badges';
import { DeliveryRow } from './delivery-row';

const COLUMNS = ['Received', 'Provider', 'Event', 'Signature', 'Outcome', 'Call', ''];

// Seconds matter here: retries and duplicates often land within the same minute.
const receivedFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

function Outcome({ d }: { d: DeliveryListItem }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <OutcomeBadge outcome={d.outcome} />
        <span className="font-mono text-xs text-slate-500">{d.httpStatus}</span>
      </div>
      {d.errorCode && (
        <p className="max-w-64 truncate text-xs text-slate-600" title={d.errorMessage ?? undefined} data-testid="delivery-reason">
          <span className="font-mono">{d.errorCode}</span>
          {d.errorMessage && <> · {d.errorMessage}</>}
        </p>
      )}
      {d.warnings.length > 0 && (
        <p className="max-w-64 text-xs text-amber-900" title={d.warnings.map((w) => `${w.field}: ${w.change}`).join('\n')} data-testid="delivery-warnings">
          Stored with {d.warnings.length === 1 ? '1 change' : `${d.warnings.length} changes`}:{' '}
          {d.warnings.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored delivery's warnings never change or reorder, and neither field nor change is unique
            <span key={i}>
              {i > 0 && ', '}
              <code className="font-mono [overflow-wrap:anywhere]">{w.field}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

export function DeliveriesTable({ deliveries, filtered, canReprocess }: { deliveries: DeliveryListItem[]; filtered: boolean; canReprocess: boolean }) {
  if (deliveries.length === 0) {
    return (
      <EmptyState title={filtered ? 'No deliveries match these filters' : 'No deliveries yet'}>
        Every request to <code>/api/webhooks/&lt;provider&gt;</code> is recorded here, accepted or not.
      </EmptyState>
    );
  }
  return (
    <DataTable columns={COLUMNS}>
      {deliveries.map((d) => (
        <DeliveryRow key={d.id} id={d.id} outcome={d.outcome} columnCount={COLUMNS.length} canReprocess={canReprocess}>
          <td className="whitespace-nowrap px-4 py-2 text-slate-600">
            <time dateTime={d.receivedAt.toISOString()} title={d.receivedAt.toISOString()}>
              {receivedFormat.format(d.receivedAt)}
            </time>
          </td>
          <td className="whitespace-nowrap px-4 py-2">
            {PROVIDERS[d.provider]?.label ?? (d.provider === WHATSAPP_SOURCE ? WHATSAPP_SOURCE_LABEL : d.provider)}
            <span className="block font-mono text-xs text-slate-500" data-testid="delivery-endpoint">
              {d.endpoint}
            </span>
          </td>
          <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{d.eventType ?? '—'}</td>
          <td className="px-4 py-2">
            <VerificationLabel verification={d.verification} errorCode={d.errorCode} />
          </td>
          <td className="px-4 py-2">
            <Outcome d={d} />
          </td>
          <td className="max-w-44 truncate px-4 py-2 font-mono text-xs">
            {d.callId ? (
              <a href={`/calls/${d.callId}`} className="text-slate-700 underline" title={d.callId}>
                {d.providerCallId ?? d.callId}
              </a>
            ) : (
              '—'
            )}
          </td>
        </DeliveryRow>
      ))}
    </DataTable>
  );
}
