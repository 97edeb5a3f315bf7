'use client';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { CallView } from '@/lib/call-view-filters';
import type { CallRow, CallSort } from '@/lib/schemas/calls';
import type { CellContext, Column } from './columns';

// The desktop list. Keyboard: Tab reaches the list once; ↑/↓ (or k/j) move between calls,
// Home/End jump, Enter opens the call. Sortable headers are buttons; aria-sort says the order.

interface Props {
  rows: CallRow[];
  columns: Column[];
  ctx: CellContext;
  view: CallView;
  onSort: (sort: CallSort) => void;
}

function SortHeader({ column, view, onSort }: { column: Column; view: CallView; onSort: (sort: CallSort) => void }) {
  const active = column.sort === view.sort;
  const arrow = active ? (view.dir === 'asc' ? '↑' : '↓') : '↕';
  return (
    <button
      type="button"
      onClick={() => column.sort && onSort(column.sort)}
      className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
    >
      {column.label}
      <span aria-hidden className={active ? 'text-slate-900' : 'text-slate-300'}>
        {arrow}
      </span>
    </button>
  );
}

export function CallsTable({ rows, columns, ctx, view, onSort }: Props) {
  const router = useRouter();
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, j: current + 1, ArrowUp: current - 1, k: current - 1, Home: 0, End: rows.length - 1 };
    if (e.key in moves && !e.altKey && !e.metaKey && !e.ctrlKey) {
      e.preventDefault();
      focusRow(moves[e.key] ?? current);
    } else if (e.key === 'Enter' && rows[current]) {
      e.preventDefault();
      router.push(`/calls/${rows[current].id}`);
    }
  };

  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
      <table className="min-w-full text-sm" aria-label="Calls">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={`whitespace-nowrap px-2 py-2 font-medium first:pl-3 last:pr-3 ${c.align === 'right' ? 'text-right' : ''}`}
                aria-sort={c.sort && c.sort === view.sort ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? <SortHeader column={c} view={view} onSort={onSort} /> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body} className="divide-y divide-slate-100" onKeyDown={onKeyDown}>
          {rows.map((call, i) => (
            <tr
              key={call.id}
              data-row
              data-testid="call-row"
              data-provider={call.provider}
              tabIndex={i === current ? 0 : -1}
              onFocus={() => setActive(i)}
              onClick={(e) => {
                if (!(e.target instanceof Element) || !e.target.closest('a,button')) router.push(`/calls/${call.id}`);
              }}
              className="cursor-pointer outline-none hover:bg-slate-50 focus-visible:bg-blue-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500"
            >
              {columns.map((c) => (
                <td
                  key={c.id}
                  className={`max-w-48 truncate whitespace-nowrap px-2 py-2 text-slate-700 first:pl-3 last:pr-3 ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}
                >
                  {c.cell(call, ctx)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
