import type { ExpectedCall } from './expected';

// The comparison half of `simulate --check`: pure, so its judgement is unit-tested apart from
// the HTTP that gathers what the API shows.

/** What the API shows for one provider call id; several rows mean the call was split. */
export interface ObservedCall {
  id: string;
  status: string;
  attempts: number;
  events: number;
  actions: number;
}

export type DiscrepancyKind = 'missing' | 'duplicated' | 'wrong';

export interface Discrepancy {
  kind: DiscrepancyKind;
  provider: string;
  providerCallId: string;
  detail: string;
}

const FIELDS = ['status', 'attempts', 'events', 'actions'] as const;

export function compareCall(expected: ExpectedCall, observed: readonly ObservedCall[]): Discrepancy[] {
  const at = { provider: expected.provider, providerCallId: expected.providerCallId };
  if (observed.length === 0) return [{ kind: 'missing', ...at, detail: 'no call with this provider call id' }];
  if (observed.length > 1) return [{ kind: 'duplicated', ...at, detail: `${observed.length} calls: ${observed.map((o) => o.id).join(', ')}` }];
  const [seen] = observed as [ObservedCall];
  const out: Discrepancy[] = [];
  for (const field of FIELDS) {
    if (seen[field] === expected[field]) continue;
    // Fewer actions than sent is a lost action; more is a duplicated one.
    const kind: DiscrepancyKind = field === 'actions' ? (seen.actions < expected.actions ? 'missing' : 'duplicated') : 'wrong';
    out.push({ kind, ...at, detail: `${field}: expected ${String(expected[field])}, got ${String(seen[field])}` });
  }
  return out;
}

export interface CheckSummary {
  checked: number;
  discrepancies: Discrepancy[];
  byKind: Record<DiscrepancyKind, number>;
}

export function summarize(checked: number, discrepancies: readonly Discrepancy[]): CheckSummary {
  const byKind: Record<DiscrepancyKind, number> = { missing: 0, duplicated: 0, wrong: 0 };
  for (const d of discrepancies) byKind[d.kind]++;
  return { checked, discrepancies: [...discrepancies], byKind };
}
