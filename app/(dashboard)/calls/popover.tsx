'use client';
import { type ReactNode, useEffect, useRef } from 'react';

// A small menu on <details>/<summary>: keyboard-operable as it is, closed again by Escape or
// a click elsewhere.

export function Popover({ label, children, align = 'left', testId }: { label: ReactNode; children: ReactNode; align?: 'left' | 'right'; testId?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details ref={ref} className="relative" data-testid={testId}>
      <summary className="flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </summary>
      <div className={`absolute z-20 mt-1 min-w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg ${align === 'right' ? 'right-0' : 'left-0'}`}>
        {children}
      </div>
    </details>
  );
}
