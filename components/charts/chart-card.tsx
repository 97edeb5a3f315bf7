import type { ReactNode } from 'react';

// The frame around every chart: title, what a click does, a CSV link, and an empty state that
// says so instead of an empty grid. Controls (a breakdown picker) stay while the chart is empty,
// loading or failed: they are how a person gets out of that state.

export function ChartCard({
  title,
  description,
  csvHref,
  controls,
  empty,
  loading,
  error,
  children,
  testId,
}: {
  title: string;
  description?: string;
  csvHref?: string;
  controls?: ReactNode;
  empty?: boolean;
  loading?: boolean;
  error?: string | null;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={title} data-testid={testId}>
      <header className="mb-3 flex items-start gap-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {description && <p className="text-xs text-slate-500">{description}</p>}
        </div>
        {csvHref && (
          <a href={csvHref} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50" download>
            CSV
          </a>
        )}
      </header>
      {controls}
      {error ? (
        <p role="alert" className="py-12 text-center text-sm text-rose-700">
          {error}
        </p>
      ) : loading ? (
        <div className="h-[260px] animate-pulse rounded bg-slate-100" aria-busy="true" />
      ) : empty ? (
        <p className="py-12 text-center text-sm text-slate-500" data-testid="chart-empty">
          Nothing in this period.
        </p>
      ) : (
        children
      )}
    </section>
  );
}
