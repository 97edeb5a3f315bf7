import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVIDERS } from '@/lib/providers/registry';
import type { SignableProvider } from '@/simulator/sign';
import { fromValue, type JsonNode, locations, replaceAt } from './json-tree';

// The provider fixtures, as seeds for the webhook fuzz cases. Before each send, the ids that
// name a call or an event are swapped for fresh ones (same length, same alphabet where
// possible), so every case makes its own call instead of hitting one already stored.

export const WEBHOOK_ENDPOINTS = Object.keys(PROVIDERS) as readonly SignableProvider[];

export interface Fixture {
  endpoint: SignableProvider;
  name: string;
  tree: JsonNode;
}

const providersDir = fileURLToPath(new URL('../lib/providers/', import.meta.url));

let cached: Fixture[] | undefined;
export function loadFixtures(): Fixture[] {
  cached ??= WEBHOOK_ENDPOINTS.flatMap((endpoint) =>
    readdirSync(`${providersDir}${endpoint}/fixtures`)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((name) => ({ endpoint, name, tree: fromValue(JSON.parse(readFileSync(`${providersDir}${endpoint}/fixtures/${name}`, 'utf8'))) })),
  );
  return cached;
}

const ID_KEYS = /^(id|callId|call_id)$/;

function freshId(original: string, serial: string): string {
  // Digits fit hex, ULID and uuid tails alike; a short id gets a suffix instead.
  return original.length >= serial.length + 4 ? original.slice(0, original.length - serial.length) + serial : `${original}_${serial}`;
}

/** Replaces every id-like value (and its echoes inside other strings) with a fresh one. Mutates `tree`. */
export function freshenIds(tree: JsonNode, serial: string): JsonNode {
  const all = locations(tree);
  const ids = [...new Set(all.filter((l) => ID_KEYS.test(l.key ?? '') && typeof l.node === 'string' && l.node.length >= 3).map((l) => l.node as string))];
  if (ids.length === 0) return tree;
  const swaps = ids.sort((a, b) => b.length - a.length).map((id) => [id, freshId(id, serial)] as const);
  for (const loc of all) {
    if (typeof loc.node !== 'string') continue;
    let s = loc.node;
    for (const [from, to] of swaps) s = s.split(from).join(to);
    if (s !== loc.node) replaceAt(loc, s);
  }
  return tree;
}

/** A serial unique within this process and (by the time prefix) across runs against one database. */
export function serialMaker(): () => string {
  const prefix = String(Math.floor(Date.now() / 1000) % 100_000).padStart(5, '0');
  let n = 0;
  return () => `${prefix}${String(n++ % 100_000).padStart(5, '0')}`;
}
