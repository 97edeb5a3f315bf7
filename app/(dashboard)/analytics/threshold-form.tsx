'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

// Admins set the balance below which every dashboard page shows a warning banner.

export function ThresholdForm({ threshold }: { threshold: number | null }) {
  const [text, setText] = useState(threshold === null ? '' : String(threshold));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const router = useRouter();
  async function save() {
    const value = text.trim() === '' ? null : Number(text);
    if (value !== null && !(Number.isFinite(value) && value >= 0)) return setError('Enter a number of credits, or leave empty for no warning.');
    setSaving(true);
    setError(null);
    const res = await fetch('/api/analytics/threshold', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ threshold: value }),
    }).catch(() => null);
    setSaving(false);
    if (!res?.ok) return setError('Could not save the threshold.');
    await queryClient.invalidateQueries({ queryKey: ['analytics', 'balance'] });
    // The banner is drawn by the layout on the server.
    router.refresh();
  }
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="low-balance" className="text-slate-600">
        Warn when the balance is at or below
      </label>
      <input
        id="low-balance"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="w-28 rounded-md border border-slate-300 px-2 py-1"
      />
      <button type="submit" disabled={saving} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50 disabled:opacity-50">
        Save
      </button>
      {error && (
        <span role="alert" className="text-rose-700">
          {error}
        </span>
      )}
    </form>
  );
}
