// Arbitrary provider JSON (metadata, variables, insights, metrics) as rows a person can read:
// labels from keys, and values typed for display instead of printed as raw JSON.

export type DisplayValue =
  | { kind: 'empty' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: KeyValueRow[] }
  | { kind: 'json'; value: string };

export interface KeyValueRow {
  key: string;
  label: string;
  value: DisplayValue;
}

/** One level of nested table reads well (an address inside an outcome); deeper is shown as JSON. */
const MAX_DEPTH = 1;

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** `callback_requested` → `Callback requested`, `customerSentiment` → `Customer sentiment`. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function displayValue(value: unknown, depth = 0): DisplayValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    if (value.every(isPrimitive)) return { kind: 'list', items: value.map(String) };
  }
  const record = asRecord(value);
  if (record && depth < MAX_DEPTH) return Object.keys(record).length === 0 ? { kind: 'empty' } : { kind: 'table', rows: keyValueRows(record, depth + 1) };
  return { kind: 'json', value: JSON.stringify(value, null, 2) };
}

export function keyValueRows(record: Record<string, unknown> | null | undefined, depth = 0): KeyValueRow[] {
  if (!record) return [];
  return Object.entries(record).map(([key, value]) => ({ key, label: humanizeKey(key), value: displayValue(value, depth) }));
}
