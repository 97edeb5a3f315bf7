import type { ReprocessScope } from './reprocess-scope';

// What a reprocess run did, counted the same way by the command, the API and the page.

export interface ReprocessCounts {
  /**
   * considered: eligible deliveries read; changed: outcome, event, call or event type rewritten;
   * failed: still failing to parse (or to store), left exactly as they were.
   */
  deliveries: { considered: number; changed: number; failed: number };
  /** deleted / kept: events no delivery produces any more (kept when a decided action hangs on them). */
  events: { inserted: number; updated: number; deleted: number; kept: number };
  /** updated: projections written (new calls included); removed: calls left without events. */
  calls: { created: number; updated: number; removed: number };
  actions: { created: number; updated: number; removed: number };
  credits: { created: number; updated: number; removed: number };
}

export interface ReprocessProblem {
  deliveryId: string;
  error: string;
}

export interface ReprocessResult extends ReprocessCounts {
  scope: ReprocessScope;
  /** The first deliveries that still fail (or could not be stored), with why. */
  problems: ReprocessProblem[];
}

export const MAX_PROBLEMS = 50;

export function emptyCounts(): ReprocessCounts {
  return {
    deliveries: { considered: 0, changed: 0, failed: 0 },
    events: { inserted: 0, updated: 0, deleted: 0, kept: 0 },
    calls: { created: 0, updated: 0, removed: 0 },
    actions: { created: 0, updated: 0, removed: 0 },
    credits: { created: 0, updated: 0, removed: 0 },
  };
}

/** Adds `more` into `into`, group by group. */
export function addCounts(into: ReprocessCounts, more: ReprocessCounts): void {
  for (const group of Object.keys(more) as (keyof ReprocessCounts)[]) {
    const target = into[group] as Record<string, number>;
    for (const [name, n] of Object.entries(more[group])) target[name] = (target[name] ?? 0) + n;
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const deliveries = (n: number) => count(n, 'delivery', 'deliveries');

/** One sentence for a person: what changed, and what still needs a parser fix. */
export function describeReprocess(r: ReprocessResult): string {
  const { deliveries: d, calls: c, events: e } = r;
  const changes = [
    c.created && `${count(c.created, 'call')} created`,
    c.updated && `${count(c.updated, 'call')} rebuilt`,
    c.removed && `${count(c.removed, 'call')} removed`,
    e.inserted && `${count(e.inserted, 'event')} added`,
    e.updated && `${count(e.updated, 'event')} rewritten`,
    e.deleted && `${count(e.deleted, 'event')} dropped`,
    d.changed && `${deliveries(d.changed)} re-filed`,
  ].filter((s): s is string => typeof s === 'string');
  const parts = [`Reprocessed ${deliveries(d.considered)}`, changes.length > 0 ? changes.join(', ') : 'nothing changed'];
  if (d.failed > 0) parts.push(`${deliveries(d.failed)} still failing, left unchanged`);
  if (e.kept > 0) parts.push(`${count(e.kept, 'stale event')} kept for decided actions`);
  return `${parts.join('; ')}.`;
}
