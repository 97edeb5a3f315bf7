'use client';
import { type Delta, formatPercentChange } from '@/lib/analytics/deltas';
import type { Headline, SummaryChart } from '@/lib/analytics/types';
import { formatCount, formatCredits, formatDuration, formatPercent } from './format';

// The headline numbers, each beside the previous period of the same length.

interface Card {
  key: keyof Headline;
  label: string;
  format: (v: number | null) => string;
  /** Whether a rise is good news (colours the delta); null: neither. */
  upIsGood: boolean | null;
}

const CARDS: Card[] = [
  { key: 'calls', label: 'Calls', format: (v) => formatCount(v ?? 0), upIsGood: null },
  { key: 'connectRate', label: 'Connect rate', format: formatPercent, upIsGood: true },
  { key: 'successRate', label: 'Success rate', format: formatPercent, upIsGood: true },
  { key: 'avgDuration', label: 'Avg duration', format: formatDuration, upIsGood: null },
  { key: 'p90Duration', label: 'p90 duration', format: formatDuration, upIsGood: null },
  { key: 'avgAttempts', label: 'Attempts per call', format: (v) => (v === null ? '—' : v.toFixed(2)), upIsGood: false },
  { key: 'reschedules', label: 'Reschedules', format: (v) => formatCount(v ?? 0), upIsGood: false },
  { key: 'creditsUsed', label: 'Credits used', format: (v) => formatCredits(v ?? 0), upIsGood: null },
];

function deltaClass(d: Delta, upIsGood: boolean | null): string {
  if (upIsGood === null || d.change === null || d.change === 0) return 'text-slate-500';
  return d.change > 0 === upIsGood ? 'text-emerald-700' : 'text-rose-700';
}

export function HeadlineCards({ summary }: { summary: SummaryChart }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8" data-testid="headline-cards">
      {CARDS.map((c) => {
        const d = summary.deltas[c.key];
        return (
          <div key={c.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`headline-${c.key}`}>
              {c.format(d.current)}
            </dd>
            <dd
              className={`text-xs ${deltaClass(d, c.upIsGood)}`}
              title={`Previous period (${summary.previousPeriod.from} – ${summary.previousPeriod.to}): ${c.format(d.previous)}`}
            >
              {formatPercentChange(d) || '—'} <span className="text-slate-400">vs {c.format(d.previous)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
