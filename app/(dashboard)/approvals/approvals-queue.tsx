'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { parseAsString, parseAsStringLiteral, useQueryState } from 'nuqs';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { kindView } from '@/components/action-kinds/registry';
import { type Json, words } from '@/components/action-kinds/values';
import { EmptyState } from '@/components/data-table';
import { ACTIONS_KEY } from '@/components/pending-badge';
import { apiGet } from '@/lib/api-client';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { decideActionsAction } from '@/lib/server-actions/decide-actions';
import { undoDecisionAction } from '@/lib/server-actions/undo-decision';
import { ActionCard, approveBlocker, type CardActions, chosenTemplate, kindContext, type OpenForm } from './action-card';
import { type BulkAsk, BulkBar } from './bulk-bar';
import { CallCard } from './call-card';
import { type DecisionAnswer, requestDecision } from './decide-request';
import { type DecidedEntry, DecidedRow } from './decided-row';
import type { QueueSettings } from './queue-settings';
import { ShortcutsHelp } from './shortcuts-help';
import { type QueueKey, useQueueKeys } from './use-queue-keys';
import { customerOf, groupQueue, nextOpen, type QueueSort } from './view-model';

// The pending queue: one card per call, sorted by waiting time or urgency (in the URL: ?sort=).
// Polls every 10 s so new actions appear without a reload; decisions go through the same server
// actions as everywhere, one conditional update each.
//
// Focus: nothing is current until the user moves (j, or a click). A decision is drawn at once
// (the card becomes its receipt, with Undo, in the same place) and focus moves to the next
// undecided action below it, never back up to one that was skipped; the server's answer then
// fills the receipt in. A refused decision puts the card back with the reason, focus staying put.

const QUEUE_KEY = [...ACTIONS_KEY, 'pending'] as const;
export const sortParser = parseAsStringLiteral(['waiting', 'urgency'] as const).withDefault('waiting');

interface Props {
  initial: ActionListItem[];
  settings: QueueSettings;
  renderedAt: number;
  /** The team's common rejection reasons, one click away in every reject form. */
  reasons: string[];
  /** How many are pending in all: the queue shows the oldest 100. */
  pendingTotal: number;
}

type DecisionOutcome = DecisionAnswer;

const failed = (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : 'The request failed' });
const untilMs = (iso: string | undefined): number | null => (iso && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : null);

/**
 * The same object as last time while its content is the same: each decision refreshes the page
 * from the server (revalidatePath), which hands new but equal settings; cards redraw only when
 * something of theirs changed.
 */
function useStable<T>(value: T): T {
  const kept = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value);
  if (kept.current?.json !== json) kept.current = { value, json };
  return kept.current.value;
}

export function ApprovalsQueue({ initial, settings: given, renderedAt, reasons: givenReasons, pendingTotal }: Props) {
  const settings = useStable(given);
  const reasons = useStable(givenReasons);
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

  const [sort, setSort] = useQueryState('sort', sortParser);
  const [decided, setDecided] = useState<Record<string, DecidedEntry>>({});
  // Every action decided on this page stays where it was (as its receipt); an undone one stays
  // pending in place until the next poll brings it back from the server.
  const [kept, setKept] = useState<Record<string, ActionListItem>>({});
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openForm, setOpenForm] = useState<{ id: string; form: OpenForm } | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkAsk, setBulkAsk] = useState<BulkAsk>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [templates, setTemplates] = useState<Record<string, string>>({});
  const [help, setHelp] = useState(false);
  const [hint, setHint] = useState('');
  // Move DOM focus only when the current row was moved by the keyboard or a decision.
  const moved = useRef(false);

  const all = useMemo(() => {
    const seen = new Set(data.map((i) => i.id));
    return [...data, ...Object.values(kept).filter((i) => !seen.has(i.id))];
  }, [data, kept]);
  // ?kind= narrows the queue to one kind of action (an alert about waiting orders links here).
  const [kind, setKind] = useQueryState('kind', parseAsString);
  const shown = useMemo(() => (kind ? all.filter((item) => item.kind === kind) : all), [all, kind]);
  const groups = useMemo(
    () => groupQueue(shown, sort as QueueSort, (item) => kindView(item.kind)?.deadline?.(kindContext(item, settings, now)) ?? null, now),
    [shown, sort, settings, now],
  );
  const order = useMemo(() => groups.flatMap((g) => g.items.map((i) => i.id)), [groups]);
  const byId = useMemo(() => new Map(all.map((i) => [i.id, i])), [all]);
  const pendingCount = order.filter((id) => !decided[id]).length;

  // What the handlers read: the latest of everything, without making them change identity.
  const state = useRef({ order, decided, byId, focusedId, selected, templates, now, openForm, help, bulkAsk, settings });
  state.current = { order, decided, byId, focusedId, selected, templates, now, openForm, help, bulkAsk, settings };

  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (!focusedId) return;
    const row = document.querySelector<HTMLElement>(`[data-action-id="${focusedId}"]`);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  }, [focusedId]);

  const focusOn = useCallback((id: string | null) => {
    moved.current = true;
    setFocusedId(id);
  }, []);

  // The queue and the navigation badge refetch once the decisions in flight have all answered
  // and the keyboard has paused for a second: while someone works at speed, a refetch of the
  // whole queue after every decision would take the main thread from the next keypress.
  const inFlight = useRef(0);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settled = useCallback(() => {
    inFlight.current -= 1;
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => {
      if (inFlight.current === 0) void client.invalidateQueries({ queryKey: ACTIONS_KEY });
    }, 1_000);
  }, [client]);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  /** Draw decisions at once; focus moves on below the current row if it was among them. */
  const begin = useCallback(
    (items: ActionListItem[], decision: 'approve' | 'reject') => {
      const ids = new Set(items.map((i) => i.id));
      const s = state.current;
      setDecided((prev) => {
        const next = { ...prev };
        for (const item of items) {
          const customer = customerOf(item);
          next[item.id] = {
            id: item.id,
            kind: item.kind,
            label: kindView(item.kind)?.label ?? words(item.kind),
            customer: customer.name ?? customer.number ?? '',
            phase: 'deciding',
            decision,
            status: decision === 'approve' ? 'approved' : 'rejected',
            message: '',
            undoUntil: null,
            undoError: null,
          };
        }
        return next;
      });
      setKept((prev) => ({ ...prev, ...Object.fromEntries(items.map((i) => [i.id, i])) }));
      setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([id]) => !ids.has(id))));
      setSelected((prev) => new Set([...prev].filter((id) => !ids.has(id))));
      setOpenForm((prev) => (prev && ids.has(prev.id) ? null : prev));
      if (s.focusedId && ids.has(s.focusedId)) {
        const next = nextOpen(s.order, s.focusedId, (id) => !ids.has(id) && !s.decided[id]);
        focusOn(next);
        setHint(next ? '' : 'That was the last action below; press k to go back up.');
      }
      inFlight.current += 1;
    },
    [focusOn],
  );

  const finish = useCallback((item: ActionListItem, outcome: DecisionOutcome) => {
    if (outcome.ok) {
      setDecided((prev) => {
        const entry = prev[item.id];
        if (!entry) return prev;
        return { ...prev, [item.id]: { ...entry, phase: 'decided', status: outcome.status, message: outcome.message, undoUntil: untilMs(outcome.undoUntil) } };
      });
    } else {
      // Back to pending, where it was, saying why; the current row stays where the user is.
      setDecided(({ [item.id]: _refused, ...rest }) => rest);
      setErrors((prev) => ({ ...prev, [item.id]: outcome.message }));
    }
  }, []);

  const decide = useCallback(
    async (item: ActionListItem, decision: 'approve' | 'reject', extra: { payload?: Json; note?: string } = {}) => {
      if (state.current.decided[item.id]) return;
      const s = state.current;
      const template = chosenTemplate(item, s.settings, s.templates[item.id], s.now);
      begin([item], decision);
      finish(
        item,
        await requestDecision(item.id, decision, { ...extra, template: decision === 'approve' && template && !extra.payload ? template : undefined }),
      );
      settled();
    },
    [begin, finish, settled],
  );

  const decideSelected = useCallback(
    async (decision: 'approve' | 'reject', note?: string) => {
      const s = state.current;
      const chosen = s.order.filter((id) => s.selected.has(id) && !s.decided[id]).flatMap((id) => s.byId.get(id) ?? []);
      setBulkAsk(null);
      if (chosen.length === 0) return;
      setBulkBusy(true);
      begin(chosen, decision);
      const form = new FormData();
      for (const item of chosen) form.append('id', item.id);
      form.set('decision', decision);
      if (note) form.set('note', note);
      const result = await decideActionsAction(null, form).catch(failed);
      setBulkBusy(false);
      for (const item of chosen) {
        if (!result.ok) {
          finish(item, { ok: false, message: result.error });
          continue;
        }
        const r = result.results.find((x) => x.id === item.id);
        if (!r) finish(item, { ok: false, message: 'No answer for this action' });
        else if (r.ok) finish(item, { ok: true, status: r.status ?? decision, message: r.message, undoUntil: r.undoUntil });
        else finish(item, { ok: false, message: r.message });
      }
      settled();
    },
    [begin, finish, settled],
  );

  const undo = useCallback(
    async (id: string) => {
      const entry = state.current.decided[id];
      if (entry?.phase !== 'decided' || entry.undoUntil === null || entry.undoUntil <= Date.now()) return;
      setDecided((prev) => ({ ...prev, [id]: { ...entry, phase: 'undoing', undoError: null } }));
      const form = new FormData();
      form.set('id', id);
      inFlight.current += 1;
      const result = await undoDecisionAction(null, form).catch(failed);
      if (result.ok) {
        setDecided(({ [id]: _undone, ...rest }) => rest);
        focusOn(id);
        setHint('');
      } else {
        setDecided((prev) => ({ ...prev, [id]: { ...entry, phase: 'decided', undoUntil: null, undoError: result.error } }));
      }
      settled();
    },
    [focusOn, settled],
  );

  const actions: CardActions = useMemo(
    () => ({
      template: (id, template) => setTemplates((prev) => ({ ...prev, [id]: template })),
      select: (id, on) =>
        setSelected((prev) => {
          const next = new Set(prev);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      focus: (id) => {
        setFocusedId(id);
        setHint('');
      },
      form: (id, form) => setOpenForm(form ? { id, form } : null),
      approve: (id, payload) => {
        const item = state.current.byId.get(id);
        if (item) void decide(item, 'approve', { payload });
      },
      reject: (id, note) => {
        const item = state.current.byId.get(id);
        if (item && note.trim()) void decide(item, 'reject', { note: note.trim() });
      },
    }),
    [decide],
  );

  useQueueKeys((key: QueueKey) => {
    const s = state.current;
    if (key === 'help') return setHelp((open) => !open);
    if (key === 'close') {
      if (s.help) return setHelp(false);
      if (s.bulkAsk) return setBulkAsk(null);
      return setOpenForm(null);
    }
    if (s.help) return;
    if (key === 'sort') return void setSort(sort === 'waiting' ? 'urgency' : 'waiting');
    const open = (id: string) => !s.decided[id];
    if (key === 'next' || key === 'previous') {
      const step = key === 'next' ? 1 : -1;
      const target = nextOpen(s.order, s.focusedId, open, step) ?? (s.focusedId && !s.order.includes(s.focusedId) ? nextOpen(s.order, null, open, step) : null);
      if (target) {
        focusOn(target);
        setHint('');
      }
      return;
    }
    if (key === 'undo') {
      const latest = Object.values(s.decided)
        .filter((e) => e.phase === 'decided' && e.undoUntil !== null && e.undoUntil > Date.now())
        .at(-1);
      if (latest) void undo(latest.id);
      else setHint('Nothing to undo: the undo window has closed.');
      return;
    }
    if (!settings.mayDecide) return;
    if (key === 'approveSelected' || key === 'rejectSelected') {
      if (s.selected.size === 0) return setHint('Select actions with x first.');
      return setBulkAsk(key === 'approveSelected' ? 'approve' : 'reject');
    }
    const focused = s.focusedId ? s.byId.get(s.focusedId) : undefined;
    if (!focused || s.decided[focused.id]) {
      if (key === 'approve' || key === 'reject' || key === 'edit' || key === 'select') setHint('No action is current: press j to start at the top.');
      return;
    }
    if (key === 'approve') {
      const blocker = approveBlocker(focused, settings, chosenTemplate(focused, settings, s.templates[focused.id], s.now), s.now);
      if (blocker === null) return void decide(focused, 'approve');
      return setHint(blocker);
    }
    if (key === 'reject') return setOpenForm({ id: focused.id, form: 'reject' });
    if (key === 'edit' && kindView(focused.kind)) return setOpenForm({ id: focused.id, form: 'edit' });
    if (key === 'select') actions.select(focused.id, !s.selected.has(focused.id));
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Sort</span>
        <fieldset className="flex overflow-hidden rounded border border-slate-300" aria-label="Sort the queue">
          {(
            [
              ['waiting', 'Longest waiting'],
              ['urgency', 'Most urgent'],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={sort === value}
              onClick={() => void setSort(value)}
              className={`px-3 py-1 ${sort === value ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {label}
            </button>
          ))}
        </fieldset>
        <span className="text-xs text-slate-500">{sort === 'urgency' ? 'WhatsApp messages whose window closes soonest first' : 'Oldest call first'}</span>
        {kind && (
          <span className="flex items-center gap-2 rounded border border-sky-200 bg-sky-50 px-2 py-0.5 text-xs text-sky-900" data-testid="kind-filter">
            Only {kindView(kind)?.label ?? kind.replaceAll('_', ' ')} ({shown.length} of {all.length})
            <button type="button" onClick={() => void setKind(null)} className="underline">
              Show all
            </button>
          </span>
        )}
        <p role="status" aria-live="polite" className="ml-auto text-xs text-slate-600" data-testid="queue-hint">
          {hint}
        </p>
      </div>
      {settings.mayDecide && pendingCount > 0 && (
        <BulkBar
          count={selected.size}
          total={pendingCount}
          busy={bulkBusy}
          ask={bulkAsk}
          reasons={reasons}
          onAsk={setBulkAsk}
          onSelectAll={(on) => setSelected(on ? new Set(order.filter((id) => !decided[id])) : new Set())}
          onDecide={(decision, note) => void decideSelected(decision, note)}
          onHelp={() => setHelp(true)}
        />
      )}
      {!settings.mayDecide && (
        <button type="button" onClick={() => setHelp(true)} className="text-xs text-slate-600 underline decoration-dotted">
          Keyboard shortcuts (?)
        </button>
      )}
      {order.length === 0 ? (
        <EmptyState title="Nothing is waiting for a decision">New actions appear here as calls raise them.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Pending actions by call">
          {groups.map((group) => (
            <CallCard key={group.key} group={group} now={now}>
              {group.items.map((item) => {
                const entry = decided[item.id];
                if (entry) return <DecidedRow key={item.id} entry={entry} onUndo={(id) => void undo(id)} />;
                return (
                  <ActionCard
                    key={item.id}
                    item={item}
                    settings={settings}
                    now={now}
                    customerName={group.customer.name}
                    reasons={reasons}
                    focused={focusedId === item.id}
                    selected={selected.has(item.id)}
                    form={openForm?.id === item.id ? openForm.form : null}
                    busy={bulkBusy && selected.has(item.id)}
                    error={errors[item.id] ?? null}
                    template={chosenTemplate(item, settings, templates[item.id], now)}
                    actions={actions}
                  />
                );
              })}
            </CallCard>
          ))}
        </ul>
      )}
      {data.length >= 100 && pendingTotal > data.length && (
        <p className="text-sm text-slate-600" data-testid="queue-more">
          Showing the {data.length} oldest of {pendingTotal.toLocaleString('en')} pending: decide these and the next ones come in with the next refresh.
        </p>
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
