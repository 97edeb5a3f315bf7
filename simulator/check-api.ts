import { type CheckSummary, compareCall, type Discrepancy, type ObservedCall, summarize } from './check';
import { expectedOf } from './expected';
import type { SimCall } from './types';

// The reading half of `simulate --check`: finds each generated call through the JSON API
// (search by provider call id, then the detail for its events and actions) and compares.

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface CheckInput {
  baseUrl: string;
  token: string;
  calls: readonly SimCall[];
  concurrency?: number;
  fetch?: FetchLike;
  onProgress?: (done: number, total: number) => void;
}

interface ListRow {
  id: string;
  provider: string;
  providerCallId: string;
  status: string;
  attempts: number;
}
interface Detail {
  call: { status: string; attempts: number; events: unknown[]; actions: unknown[] };
}

async function getJson<T>(fetcher: FetchLike, url: string, token: string): Promise<T> {
  const res = await fetcher(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

async function observe(fetcher: FetchLike, base: string, token: string, call: SimCall): Promise<ObservedCall[]> {
  const list = await getJson<{ calls: ListRow[] }>(fetcher, `${base}/api/calls?q=${encodeURIComponent(call.providerCallId)}`, token);
  const rows = list.calls.filter((r) => r.providerCallId === call.providerCallId && r.provider === call.provider);
  return Promise.all(
    rows.map(async (row) => {
      const { call: detail } = await getJson<Detail>(fetcher, `${base}/api/calls/${row.id}`, token);
      return { id: row.id, status: detail.status, attempts: detail.attempts, events: detail.events.length, actions: detail.actions.length };
    }),
  );
}

/** Never throws for a discrepancy; an API that cannot be read (401, 500) does throw. */
export async function checkCalls({ baseUrl, token, calls, concurrency = 8, fetch: fetcher = fetch, onProgress }: CheckInput): Promise<CheckSummary> {
  const base = baseUrl.replace(/\/+$/, '');
  const found: Discrepancy[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let call = calls[next++]; call; call = calls[next++]) {
      found.push(...compareCall(expectedOf(call), await observe(fetcher, base, token, call)));
      onProgress?.(++done, calls.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, calls.length)) }, worker));
  return summarize(calls.length, found);
}
