'use client';
import type { BalanceChart } from '@/lib/analytics/types';
import { formatBucket, formatCredits } from './format';
import { ThresholdForm } from './threshold-form';

// The balance now, how fast it is going, and when it runs out at that pace.

function runOut(date: string | null): string {
  return date ? `${formatBucket(date)} ${date.slice(0, 4)}` : 'not at this rate';
}

export function BalanceStats({ balance: b, canManageSettings }: { balance: BalanceChart; canManageSettings: boolean }) {
  const items = [
    { label: 'Current balance', value: b.balance === null ? '—' : formatCredits(b.balance), testId: 'balance-now' },
    { label: 'Avg daily burn, 7 days', value: formatCredits(b.burn7), testId: 'burn-7' },
    { label: 'Avg daily burn, 30 days', value: formatCredits(b.burn30), testId: 'burn-30' },
    { label: 'Runs out (7-day pace)', value: runOut(b.runOut7), testId: 'run-out-7' },
    { label: 'Runs out (30-day pace)', value: runOut(b.runOut30), testId: 'run-out-30' },
  ];
  return (
    <div className={`rounded-lg border p-3 shadow-sm ${b.low ? 'border-rose-300 bg-rose-50' : 'border-slate-200 bg-white'}`}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map((i) => (
          <div key={i.label}>
            <dt className="text-xs text-slate-500">{i.label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={i.testId}>
              {i.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Balance as last reported by the providers{b.balanceAt ? ` (${new Date(b.balanceAt).toISOString().slice(0, 16).replace('T', ' ')} UTC)` : ''}; burn from
        the credit entries of the last 7 and 30 days.
        {b.threshold !== null && ` Low-balance warning at ${formatCredits(b.threshold)}.`}
      </p>
      {canManageSettings && <ThresholdForm threshold={b.threshold} />}
    </div>
  );
}
