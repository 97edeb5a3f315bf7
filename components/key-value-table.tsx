import type { DisplayValue, KeyValueRow } from '@/lib/calls/key-values';

// Provider JSON as a readable two-column table: booleans as Yes/No, lists as chips, one level
// of nesting as a nested table. `keys="raw"` keeps identifiers (metadata, variables) verbatim.

function Value({ value, keys }: { value: DisplayValue; keys: 'raw' | 'labels' }) {
  switch (value.kind) {
    case 'empty':
      return <span className="text-slate-400">—</span>;
    case 'boolean':
      return (
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${value.value ? 'bg-status-success/15 text-green-800' : 'bg-slate-100 text-slate-700'}`}>
          {value.value ? 'Yes' : 'No'}
        </span>
      );
    case 'number':
      return <span className="tabular-nums">{value.value.toLocaleString('en')}</span>;
    case 'text':
      return <span className="break-words">{value.value}</span>;
    case 'list':
      return (
        <span className="flex flex-wrap gap-1">
          {value.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of strings in order; the same string may appear twice
            <span key={`${item}-${i}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {item}
            </span>
          ))}
        </span>
      );
    case 'table':
      return <KeyValueTable rows={value.rows} keys={keys} nested />;
    case 'json':
      return <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all">{value.value}</pre>;
  }
}

export function KeyValueTable({
  rows,
  keys = 'labels',
  empty = 'None',
  nested = false,
  testId,
}: {
  rows: KeyValueRow[];
  keys?: 'raw' | 'labels';
  empty?: string;
  nested?: boolean;
  testId?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <dl
      data-testid={testId}
      className={`grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)] ${nested ? 'rounded border border-slate-100 bg-slate-50/60 p-2' : ''}`}
    >
      {rows.map((row) => (
        <div key={row.key} className="contents" data-key={row.key}>
          <dt className={`pt-1.5 text-slate-500 ${keys === 'raw' ? 'font-mono text-xs' : ''}`} title={row.key}>
            {keys === 'raw' ? row.key : row.label}
          </dt>
          <dd className="min-w-0 border-b border-slate-100 pb-1.5 sm:pt-1.5 last-of-type:border-0">
            <Value value={row.value} keys={keys} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
