'use client';
import type { ChartConfig } from './chart-config';
import { seriesVar } from './chart-config';

// Exact numbers, not a reading of bar heights: every series in the bucket, and their total.

export interface TooltipEntry {
  dataKey?: string | number | ((obj: unknown) => unknown);
  value?: unknown;
}

export function ChartTooltipContent({
  active,
  payload,
  label,
  config,
  format,
  total,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  config: ChartConfig;
  format: (n: number) => string;
  total?: boolean;
}) {
  if (!active || !payload?.length) return null;
  const entries = payload.filter((p): p is { dataKey: string; value: number } => typeof p.dataKey === 'string' && typeof p.value === 'number');
  const sum = entries.reduce((a, p) => a + p.value, 0);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md" data-testid="chart-tooltip">
      <div className="mb-1 font-medium text-slate-900">{String(label ?? '')}</div>
      <ul className="space-y-0.5">
        {entries.map((p) => (
          <li key={p.dataKey} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: seriesVar(p.dataKey) }} />
            <span className="text-slate-600">{config[p.dataKey]?.label ?? p.dataKey}</span>
            <span className="ml-auto pl-4 font-mono tabular-nums text-slate-900">{format(p.value)}</span>
          </li>
        ))}
      </ul>
      {total && entries.length > 1 && (
        <div className="mt-1 flex border-t border-slate-100 pt-1 text-slate-600">
          Total<span className="ml-auto font-mono tabular-nums text-slate-900">{format(sum)}</span>
        </div>
      )}
    </div>
  );
}
