import type { ReactNode } from 'react';

/** One card of the detail page: a heading, an optional note beside it, the content. */
export function Section({ title, aside, children, testId }: { title: string; aside?: ReactNode; children: ReactNode; testId?: string }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="min-w-0 rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-slate-100 px-4 py-3">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {aside && <div className="text-xs text-slate-500">{aside}</div>}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
