'use client';
import { useEffect, useRef, useState } from 'react';

// Free-text search: phone number (any format, or the customer's last 4+ digits), call id, metadata value,
// or words from the summary and transcript. Applied 300 ms after typing stops, or on Enter.

export function SearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  // The last value this box sent; a different one arriving from the URL (Back, "Clear all") wins.
  const [sent, setSent] = useState(value ?? '');
  if ((value ?? '') !== sent) {
    setSent(value ?? '');
    setText(value ?? '');
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    const q = next.trim();
    if (q === sent) return;
    setSent(q);
    onSearch(q || undefined);
  };

  return (
    <div className="relative min-w-0 basis-full sm:min-w-64 sm:flex-1 sm:basis-auto">
      <label htmlFor="calls-search" className="sr-only">
        Search calls
      </label>
      <input
        id="calls-search"
        type="search"
        value={text}
        placeholder="Search number, call id, metadata, transcript…"
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          clearTimeout(timer.current);
          const next = e.target.value;
          timer.current = setTimeout(() => commit(next), 300);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm placeholder:text-slate-400 focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500"
      />
    </div>
  );
}
