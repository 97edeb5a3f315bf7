'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { kindView } from '@/components/action-kinds/registry';
import type { Json } from '@/components/action-kinds/values';
import { EmptyState } from '@/components/data-table';
import { ACTIONS_KEY } from '@/components/pending-badge';
import { apiGet } from '@/lib/api-client';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { decideActionAction } from '@/lib/server-actions/decide-action';
import { decideActionsAction } from '@/lib/server-actions/decide-actions';
import { ActionCard, approveBlocker, type OpenForm } from './action-card';
import { BulkBar } from './bulk-bar';
import { type DecidedEntry, DecidedList } from './decided-list';
import type { QueueSettings } from './queue-settings';
import { type QueueKey, useQueueKeys } from './use-queue-keys';
import { customerOf } from './view-model';

// The pending queue, oldest first. Polls every 10 s so new actions appear without a reload;
// decisions go through the same server actions as everywhere, one conditional update each.

const QUEUE_KEY = [...ACTIONS_KEY, 'pending'] as const;

interface Props {
  initial: ActionListItem[];
  settings: QueueSettings;
  renderedAt: number;
}

export function ApprovalsQueue({ initial, settings, renderedAt }: Props) {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: QUEUE_KEY,
    queryFn: ({ signal }) =>
      apiGet<{ actions: ActionListItem[] }>('/api/actions', new URLSearchParams({ status: 'pending', limit: '100' }), { signal }).then((r) => r.actions),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: 10_000,
  });
  // The server's clock first (no hydration mismatch), then the browser's, once a minute.
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const [decided, setDecided] = useState<DecidedEntry[]>([]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openForm, setOpenForm] = useState<{ id: string; form: OpenForm } | null>(null);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [templates, setTemplates] = useState<Record<string, string>>({});

  // A poll that raced a decision must not bring the decided row back.
  const items = useMemo(() => {
    const gone = new Set(decided.map((d) => d.id));
    return data.filter((item) => !gone.has(item.id));
  }, [data, decided]);
  const focused = items.find((i) => i.id === focusedId) ?? items[0] ?? null;

  const mark = (ids: string[], on: boolean) =>
    setBusy((prev) => {
      const next = new Set(prev);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const settle = (item: ActionListItem, status: string, message: string) => {
    const customer = customerOf(item);
    setDecided((prev) => [{ id: item.id, kind: item.kind, customer: customer.name ?? customer.number ?? '', status, message }, ...prev]);
    setSelected((prev) => {
      const next = new Set(prev);
      next.delete(item.id);
      return next;
    });
    setOpenForm((prev) => (prev?.id === item.id ? null : prev));
  };
  // The queue and the navigation badge both refetch.
  const afterDecisions = () => void client.invalidateQueries({ queryKey: ACTIONS_KEY });

  async function decide(item: ActionListItem, decision: 'approve' | 'reject', extra: { payload?: Json; note?: string } = {}) {
    mark([item.id], true);
    setErrors(({ [item.id]: _cleared, ...rest }) => rest);
    const form = new FormData();
    form.set('id', item.id);
    form.set('decision', decision);
    if (extra.note) form.set('note', extra.note);
    if (extra.payload) form.set('payload', JSON.stringify(extra.payload));
    if (decision === 'approve' && templates[item.id]) form.set('template', templates[item.id] ?? '');
    const result = await decideActionAction(null, form).catch((error: unknown) => ({
      ok: false as const,
      error: error instanceof Error ? error.message : 'The request failed',
    }));
    mark([item.id], false);
    if (result.ok) {
      settle(item, result.status, result.message);
      afterDecisions();
    } else {
      setErrors((prev) => ({ ...prev, [item.id]: result.error }));
    }
  }

  async function decideSelected(decision: 'approve' | 'reject', note?: string) {
    const chosen = items.filter((i) => selected.has(i.id));
    if (chosen.length === 0) return;
    mark(
      chosen.map((i) => i.id),
      true,
    );
    const form = new FormData();
    for (const item of chosen) form.append('id', item.id);
    form.set('decision', decision);
    if (note) form.set('note', note);
    const result = await decideActionsAction(null, form);
    mark(
      chosen.map((i) => i.id),
      false,
    );
    if (!result.ok) {
      setErrors((prev) => Object.fromEntries([...Object.entries(prev), ...chosen.map((i) => [i.id, result.error])]));
      return;
    }
    for (const r of result.results) {
      const item = chosen.find((i) => i.id === r.id);
      if (!item) continue;
      if (r.ok) settle(item, r.status ?? decision, r.message);
      else setErrors((prev) => ({ ...prev, [r.id]: r.message }));
    }
    afterDecisions();
  }

  useQueueKeys((key: QueueKey) => {
    if (!focused) return;
    const index = items.indexOf(focused);
    const move = (to: number) => {
      const target = items[Math.max(0, Math.min(items.length - 1, to))];
      if (!target) return;
      setFocusedId(target.id);
      document.querySelector(`[data-action-id="${target.id}"]`)?.scrollIntoView({ block: 'nearest' });
    };
    if (key === 'next') return move(index + 1);
    if (key === 'previous') return move(index - 1);
    if (key === 'close') return setOpenForm(null);
    if (!settings.mayDecide || busy.has(focused.id)) return;
    if (key === 'approve' && approveBlocker(focused, settings, templates[focused.id] ?? '', now) === null) return void decide(focused, 'approve');
    if (key === 'reject') return setOpenForm({ id: focused.id, form: 'reject' });
    if (key === 'edit' && kindView(focused.kind)) return setOpenForm({ id: focused.id, form: 'edit' });
    if (key === 'select')
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(focused.id)) next.delete(focused.id);
        else next.add(focused.id);
        return next;
      });
  });

  return (
    <div className="space-y-4">
      {settings.mayDecide && items.length > 0 && (
        <BulkBar
          count={selected.size}
          total={items.length}
          busy={busy.size > 0}
          onSelectAll={(all) => setSelected(all ? new Set(items.map((i) => i.id)) : new Set())}
          onDecide={decideSelected}
        />
      )}
      {items.length === 0 ? (
        <EmptyState title="Nothing is waiting for a decision">New actions appear here as calls raise them.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Pending actions">
          {items.map((item) => (
            <ActionCard
              key={item.id}
              item={item}
              settings={settings}
              now={now}
              focused={focused?.id === item.id}
              selected={selected.has(item.id)}
              form={openForm?.id === item.id ? openForm.form : null}
              busy={busy.has(item.id)}
              error={errors[item.id] ?? null}
              template={templates[item.id] ?? ''}
              onTemplate={(t) => setTemplates((prev) => ({ ...prev, [item.id]: t }))}
              onSelect={(on) =>
                setSelected((prev) => {
                  const next = new Set(prev);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
              onFocus={() => setFocusedId(item.id)}
              onForm={(form) => setOpenForm(form ? { id: item.id, form } : null)}
              onApprove={(payload) => void decide(item, 'approve', { payload })}
              onReject={(note) => void decide(item, 'reject', { note })}
            />
          ))}
        </ul>
      )}
      <DecidedList entries={decided} />
    </div>
  );
}
