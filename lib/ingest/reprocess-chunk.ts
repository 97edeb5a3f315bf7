import type { ClientBase } from 'pg';
import type { NormalizedEvent } from '@/lib/providers/types';
import { eventKey } from './batch-plan';
import { type LinkCandidate, linkWaiting } from './link-waiting';
import { callKey, lockCalls, sortCallKeys } from './lock-calls';
import { refoldCalls } from './refold';
import { callByMetadata, insertEvents, lockEvents, readStoredEvents, type StoredEvent, type StoredEvents } from './reprocess-events';
import { type EventFacts, writeFacts } from './reprocess-facts';
import { relinkDeliveries, settleDuplicates } from './reprocess-links';
import { decideCall, renormalize } from './reprocess-normalize';
import { emptyCounts, type ReprocessCounts, type ReprocessProblem } from './reprocess-result';
import type { DeliveryRow, ResolvedScope } from './reprocess-scope';

// One chunk of deliveries (oldest first) replayed in one transaction. The order of locks is
// ingest's: calls first (lockCalls, key order), then events, so the two queue instead of
// deadlocking, and a webhook for a call being rebuilt waits for the rebuild to commit.

export interface ChunkResult {
  counts: ReprocessCounts;
  problems: ReprocessProblem[];
  /** Events the chunk's deliveries pointed at before and no delivery points at now. */
  orphans: string[];
}

interface Item {
  row: DeliveryRow;
  event: NormalizedEvent;
  key: string;
  providerCallId: string | null;
}

const toLink = (e: StoredEvent) => ({ providerCallId: e.provider_call_id, ownProviderCallId: e.own_provider_call_id });

/** Which call each parsed delivery belongs to; metadata lookups only for events with no history. */
async function placeItems(client: ClientBase, parsed: { row: DeliveryRow; event: NormalizedEvent }[], stored: StoredEvents): Promise<Item[]> {
  const items: Item[] = [];
  for (const { row, event } of parsed) {
    const key = eventKey(row.provider, event.dedupeKey);
    const sameKey = stored.byKey.get(key);
    const previous = row.event_id ? stored.byId.get(row.event_id) : undefined;
    const decision = decideCall(event, sameKey && toLink(sameKey), previous && toLink(previous));
    const providerCallId = decision.decided ? decision.providerCallId : await callByMetadata(client, row.provider, event.linkMetadata ?? {}, row.received_at);
    items.push({ row, event, key, providerCallId });
  }
  return items;
}

/**
 * A delivery is filed under its event's call, as ingest files it: a later copy of a stored event
 * that names another call (an event id a provider reused) joins the event's call, not its own,
 * so no call is created for it only to be removed empty, on every run. The event's call is its
 * first delivery's: one earlier in this chunk, else the one stored (ties: the stored delivery).
 */
function fileUnderFirst(items: Item[], stored: StoredEvents): void {
  const firstCall = new Map<string, string | null>();
  for (const item of items) {
    const known = firstCall.get(item.key);
    if (known !== undefined || firstCall.has(item.key)) {
      item.providerCallId = known ?? null;
      continue;
    }
    const s = stored.byKey.get(item.key);
    const at = item.row.received_at.getTime();
    const later = s && (s.received_at.getTime() < at || (s.received_at.getTime() === at && item.row.outcome !== 'stored'));
    if (later) item.providerCallId = s.call_provider === item.row.provider ? s.call_provider_call_id : null;
    firstCall.set(item.key, item.providerCallId);
  }
}

async function countExistingCalls(client: ClientBase, keys: [string, string][]): Promise<number> {
  if (keys.length === 0) return 0;
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM call WHERE provider = ANY($1::text[]) AND provider_call_id = ANY($2::text[])
       AND (provider, provider_call_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k[0]), keys.map((k) => k[1])],
  );
  return rows[0]?.n ?? 0;
}

/** The chunk's calls as link candidates, with the metadata just folded into them. */
async function linkCandidatesOf(client: ClientBase, callIds: string[]): Promise<LinkCandidate[]> {
  if (callIds.length === 0) return [];
  const { rows } = await client.query<{ id: string; provider: string; provider_call_id: string; metadata: Record<string, unknown>; last_event_at: Date }>(
    `SELECT id, provider, provider_call_id, metadata, last_event_at FROM call WHERE id = ANY($1::uuid[]) AND metadata <> '{}'::jsonb`,
    [callIds],
  );
  return rows.map((r) => ({
    callId: r.id,
    provider: r.provider,
    providerCallId: r.provider_call_id,
    metadata: r.metadata,
    lastEventAt: r.last_event_at.toISOString(),
  }));
}

/**
 * Runs inside the caller's transaction. `only` (a one-call run) drops deliveries found by their
 * bytes that now belong to another call: they are that call's business.
 */
export async function replayChunk(client: ClientBase, rows: DeliveryRow[], only?: ResolvedScope['call']): Promise<ChunkResult> {
  const counts = emptyCounts();
  const problems: ReprocessProblem[] = [];
  const parsed: { row: DeliveryRow; event: NormalizedEvent }[] = [];
  for (const row of rows) {
    const result = renormalize(row.provider, row.body);
    if (result.ok) parsed.push({ row, event: result.event });
    else problems.push({ deliveryId: row.id, error: result.error });
  }

  const newKeys = new Map(parsed.map(({ row, event }) => [eventKey(row.provider, event.dedupeKey), [row.provider, event.dedupeKey] as [string, string]]));
  const previousIds = [...new Set(rows.flatMap((r) => (r.event_id ? [r.event_id] : [])))];
  const stored = await readStoredEvents(client, [...newKeys.values()], previousIds);
  const placed = await placeItems(client, parsed, stored);
  fileUnderFirst(placed, stored);
  const items = placed.filter((i) => !only || i.row.event_id !== null || (i.row.provider === only.provider && i.providerCallId === only.providerCallId));
  counts.deliveries.considered = items.length + problems.length;
  counts.deliveries.failed = problems.length;

  // Lock every call a chunk's event may leave or join, then the events themselves.
  const callKeys = sortCallKeys([
    ...items.flatMap((i): [string, string][] => (i.providerCallId ? [[i.row.provider, i.providerCallId]] : [])),
    ...[...stored.byId.values()].flatMap((e): [string, string][] =>
      e.call_provider && e.call_provider_call_id ? [[e.call_provider, e.call_provider_call_id]] : [],
    ),
  ]);
  const existingCalls = await countExistingCalls(client, callKeys);
  const callIds = await lockCalls(client, callKeys);
  counts.calls.created = callKeys.length - existingCalls;
  await lockEvents(client, [...stored.byId.keys()]);
  const callIdOf = (provider: string, pcid: string | null) => (pcid ? (callIds.get(callKey(provider, pcid)) ?? null) : null);

  // Keys no row holds yet: inserted from their first delivery in the chunk.
  const firstOfKey = new Map<string, Item>();
  for (const item of items) if (!stored.byKey.has(item.key) && !firstOfKey.has(item.key)) firstOfKey.set(item.key, item);
  const created = await insertEvents(
    client,
    [...firstOfKey.values()].map((i) => ({
      provider: i.row.provider,
      event: i.event,
      body: i.row.body,
      receivedAt: i.row.received_at,
      signed: i.row.verification === 'valid',
      callId: callIdOf(i.row.provider, i.providerCallId),
      providerCallId: i.providerCallId,
    })),
  );
  counts.events.inserted = created.inserted.size;
  const eventOf = (key: string) => (stored.byKey.get(key) ?? created.rows.get(key))!;

  const relinked = await relinkDeliveries(
    client,
    items.map((i) => ({
      id: i.row.id,
      event_id: eventOf(i.key).id,
      call_id: callIdOf(i.row.provider, i.providerCallId),
      event_type: i.event.type,
      warnings: i.event.warnings ?? null,
    })),
  );
  const touched = [...new Set([...items.map((i) => eventOf(i.key).id), ...items.flatMap((i) => (i.row.event_id ? [i.row.event_id] : []))])];
  const settled = await settleDuplicates(client, touched);
  counts.deliveries.changed = new Set([...relinked, ...settled.deliveriesChanged]).size;
  const orphans = [...new Set(items.flatMap((i) => (i.row.event_id && !settled.first.has(i.row.event_id) ? [i.row.event_id] : [])))];

  // An event's row follows its first delivery; a later copy in this chunk changes nothing.
  const byDelivery = new Map(items.map((i) => [i.row.id, i]));
  const facts: EventFacts[] = [];
  for (const [eventId, deliveryId] of settled.first) {
    const item = byDelivery.get(deliveryId);
    if (!item) continue;
    facts.push({
      id: eventId,
      provider: item.row.provider,
      event: item.event,
      body: item.row.body,
      callId: callIdOf(item.row.provider, item.providerCallId),
      providerCallId: item.providerCallId,
      receivedAt: eventOf(item.key).received_at,
    });
  }
  const written = await writeFacts(client, facts);
  counts.events.updated = new Set([...written.events, ...settled.eventsChanged].filter((id) => !created.inserted.has(id))).size;
  counts.actions = written.actions;
  counts.credits = written.credits;

  const calls = new Map(callKeys.map(([provider, pcid]) => [callIds.get(callKey(provider, pcid))!, pcid]));
  const folded = await refoldCalls(client, calls);
  const updated = new Set(folded.updatedIds);
  // Call-less events waiting for these calls join them, as ingest joins them when a call arrives.
  const linked = await linkWaiting(client, await linkCandidatesOf(client, [...calls.keys()]));
  if (linked.length > 0) {
    counts.events.updated += linked.length;
    counts.deliveries.changed += linked.reduce((n, l) => n + l.deliveries, 0);
    counts.actions.updated += linked.reduce((n, l) => n + l.actions, 0);
    counts.credits.updated += linked.reduce((n, l) => n + l.credits, 0);
    const relinkedCalls = new Map([...new Set(linked.map((l) => l.call_id))].map((id) => [id, calls.get(id) ?? '']));
    for (const id of (await refoldCalls(client, relinkedCalls)).updatedIds ?? []) updated.add(id);
  }
  counts.calls.updated = updated.size;
  counts.calls.removed = folded.removed;
  return { counts, problems, orphans };
}
