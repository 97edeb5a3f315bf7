import { EmptyState } from '@/components/data-table';

// What the list shows when it has no rows to show: loading, failed, nothing yet, nothing matching.

export function LoadingRows({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="calls-loading">
      <span className="sr-only">Loading calls…</span>
      <ul className="divide-y divide-slate-100">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows with no data behind them
          <li key={i} className="flex animate-pulse items-center gap-4 px-4 py-3">
            <span className="h-3 w-24 rounded bg-slate-200" />
            <span className="h-3 w-20 rounded bg-slate-100" />
            <span className="hidden h-3 w-32 rounded bg-slate-100 sm:block" />
            <span className="h-4 w-16 rounded-full bg-slate-200" />
            <span className="ml-auto h-3 w-12 rounded bg-slate-100" />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LoadError({ message, signedOut, onRetry }: { message: string; signedOut: boolean; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
      <p className="font-medium">{signedOut ? 'Your session has ended.' : 'The calls could not be loaded.'}</p>
      <p className="mt-1 text-red-800">{message}</p>
      <div className="mt-3">
        {signedOut ? (
          <a href="/sign-in" className="rounded border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100">
            Sign in again
          </a>
        ) : (
          <button type="button" onClick={onRetry} className="rounded border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100">
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

export function NoCalls({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (!filtered) {
    return (
      <EmptyState title="No calls yet">
        Point a provider&apos;s webhook at <code>/api/webhooks/&lt;provider&gt;</code>; calls appear here as their events arrive.
      </EmptyState>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600" data-testid="calls-empty">
      <p className="font-medium">No calls match these filters</p>
      <p className="mt-1 text-sm">Widen the date range, or remove a filter.</p>
      <button type="button" onClick={onClear} className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
        Clear all filters
      </button>
    </div>
  );
}
