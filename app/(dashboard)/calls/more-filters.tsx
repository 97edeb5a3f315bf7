'use client';
import { useState } from 'react';
import type { CallView } from '@/lib/call-view-filters';
import { CommitInput } from './commit-input';
import { Popover } from './popover';

// The less-used filters, behind one button: analysis success, pending approval, agent,
// outcome, and one metadata key = value.

const field =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500';
const labelClass = 'block text-xs font-medium text-slate-600';

function metaText(view: CallView): string | undefined {
  return view.meta ? `${view.meta.key}=${view.meta.value}` : undefined;
}

export function MoreFilters({ view, onChange }: { view: CallView; onChange: (next: Partial<CallView>) => void }) {
  const [metaError, setMetaError] = useState(false);
  const count = [view.success, view.pending, view.agent, view.outcome, view.meta].filter(Boolean).length;
  return (
    <Popover
      testId="filter-more"
      label={<>More filters{count > 0 && <span className="ml-1 rounded-full bg-blue-100 px-1.5 text-xs text-blue-800">{count}</span>}</>}
    >
      <div className="grid w-72 gap-3 p-1">
        <div>
          <label htmlFor="f-success" className={labelClass}>
            Success (analysis)
          </label>
          <select
            id="f-success"
            className={field}
            value={view.success ?? ''}
            onChange={(e) => onChange({ success: e.target.value === 'yes' || e.target.value === 'no' ? e.target.value : undefined })}
          >
            <option value="">Any</option>
            <option value="yes">Successful</option>
            <option value="no">Not successful</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="accent-blue-600"
            checked={view.pending === 'yes'}
            onChange={(e) => onChange({ pending: e.target.checked ? 'yes' : undefined })}
          />
          Has an action awaiting approval
        </label>
        <div>
          <label htmlFor="f-agent" className={labelClass}>
            Agent or application id
          </label>
          <CommitInput id="f-agent" className={field} value={view.agent} onCommit={(agent) => onChange({ agent })} placeholder="exact id" />
        </div>
        <div>
          <label htmlFor="f-outcome" className={labelClass}>
            Outcome
          </label>
          <CommitInput
            id="f-outcome"
            className={field}
            value={view.outcome}
            onCommit={(outcome) => onChange({ outcome })}
            placeholder="e.g. callback_requested"
          />
        </div>
        <div>
          <label htmlFor="f-meta" className={labelClass}>
            Metadata
          </label>
          <CommitInput
            id="f-meta"
            className={field}
            value={metaText(view)}
            placeholder="key=value, e.g. campaign=abandoned-cart"
            aria-invalid={metaError}
            aria-describedby={metaError ? 'f-meta-error' : undefined}
            onCommit={(text) => {
              const at = text?.indexOf('=') ?? -1;
              if (text && (at < 1 || at === text.length - 1)) return setMetaError(true);
              setMetaError(false);
              onChange({ meta: text ? { key: text.slice(0, at).trim(), value: text.slice(at + 1).trim() } : undefined });
            }}
          />
          {metaError && (
            <p id="f-meta-error" className="mt-1 text-xs text-red-700">
              Write it as key=value.
            </p>
          )}
        </div>
      </div>
    </Popover>
  );
}
