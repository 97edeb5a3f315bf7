'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ReprocessButton } from '@/components/reprocess-button';
import { apiGet } from '@/lib/api-client';
import type { BodyView, HeaderView } from '@/lib/delivery-view';

interface DetailResponse {
  delivery: { headers: HeaderView[]; body: BodyView };
}

export function useDelivery(id: string) {
  return useQuery({
    queryKey: ['deliveries', id],
    queryFn: () => apiGet<DetailResponse>(`/api/deliveries/${id}`),
    select: (response) => response.delivery,
  });
}

function Headers({ headers }: { headers: HeaderView[] }) {
  if (headers.length === 0) return <p className="text-slate-500">No headers were kept.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs" data-testid="delivery-headers">
      {headers.map((h) => (
        <div key={h.name} className="contents" data-header={h.name} data-masked={h.masked}>
          <dt className="text-slate-500">{h.name}</dt>
          <dd className="break-all">
            {h.value}
            {h.masked && <span className="ml-2 font-sans text-slate-500">(masked)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ body }: { body: BodyView }) {
  const [exact, setExact] = useState(false);
  const text = exact ? body.raw : body.text;
  return (
    <div className="space-y-2">
      {body.masked && !body.withheld && (
        <p className="text-xs text-amber-900">Personal data is masked for your role: names, phone numbers, emails and addresses are hidden.</p>
      )}
      {body.truncated && (
        <p className="text-xs text-amber-900">
          Only the start of this body was kept: {body.storedSize.toLocaleString()} of {body.size.toLocaleString()} bytes.
        </p>
      )}
      {body.withheld ? (
        <p className="text-sm text-slate-700">{body.withheld}</p>
      ) : (
        <pre
          data-testid="delivery-body"
          className="max-h-96 overflow-auto rounded border border-slate-200 bg-white p-3 font-mono text-xs whitespace-pre-wrap break-all"
        >
          {text === '' ? '(empty body)' : text}
        </pre>
      )}
      {body.format === 'json' && body.raw !== null && (
        <button type="button" onClick={() => setExact((v) => !v)} className="text-xs text-slate-600 underline">
          {exact ? 'Show pretty-printed' : 'Show exactly as received'}
        </button>
      )}
    </div>
  );
}

/** Headers and body of one delivery, fetched when its row is opened; admins may reprocess it. */
export function DeliveryDetail({ id, canReprocess = false }: { id: string; canReprocess?: boolean }) {
  const { data, error, isPending } = useDelivery(id);
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Headers</h3>
          <Headers headers={data.headers} />
        </section>
        <section>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Body</h3>
          <Body body={data.body} />
        </section>
      </div>
      {canReprocess && (
        <section className="border-t border-slate-200 pt-3">
          <ReprocessButton target={{ deliveryId: id }} question="Read this delivery again with the current code, and refile it and its call?" />
        </section>
      )}
    </div>
  );
}
