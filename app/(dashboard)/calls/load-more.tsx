'use client';
import { useEffect, useRef } from 'react';

// Next keyset page: loads by itself when the end of the list scrolls into view, and is a
// button for keyboards (and for when that did not fire).

interface Props {
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  shown: number;
  onLoad: () => void;
}

export function LoadMore({ hasMore, loading, failed, shown, onLoad }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || loading || failed) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoad(), { rootMargin: '400px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loading, failed, onLoad]);

  return (
    <div ref={sentinel} className="flex flex-col items-center gap-1 py-3 text-sm text-slate-500">
      {hasMore ? (
        <button
          type="button"
          onClick={onLoad}
          disabled={loading}
          className="rounded border border-slate-300 bg-white px-4 py-1.5 text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {loading ? 'Loading…' : failed ? 'Loading failed — try again' : 'Load more calls'}
        </button>
      ) : (
        <span>{shown === 1 ? '1 call' : `${shown.toLocaleString('en')} calls`} · end of list</span>
      )}
    </div>
  );
}
