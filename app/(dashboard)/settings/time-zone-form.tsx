'use client';
import { useActionState, useSyncExternalStore } from 'react';
import { ActionResult } from '@/components/action-result';
import { type SetTimeZoneResult, setTimeZoneAction } from '@/lib/server-actions/set-time-zone';
import { runtimeTimeZone } from '@/lib/time-zone';

const subscribe = () => () => {};

export function TimeZoneForm({ current, zones }: { current: string | null; zones: string[] }) {
  const [result, save, pending] = useActionState<SetTimeZoneResult | null, FormData>(setTimeZoneAction, null);
  const browser = useSyncExternalStore(subscribe, runtimeTimeZone, () => null);
  return (
    <form action={save} className="mt-4 space-y-2">
      <label htmlFor="timeZone" className="block text-sm font-medium">
        Time zone
      </label>
      <div className="flex flex-wrap items-center gap-2">
        {/* Keyed by the stored value: after saving, the select shows what the database holds. */}
        <select key={current ?? ''} id="timeZone" name="timeZone" defaultValue={current ?? ''} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">Each person&apos;s browser zone</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
              {z === browser ? ' (your browser)' : ''}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
      {browser && <p className="text-xs text-slate-500">Your browser is in {browser}.</p>}
      <ActionResult result={result} size="sm" />
    </form>
  );
}
