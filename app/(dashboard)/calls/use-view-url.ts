'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { viewFromSearchParams, viewToSearchParams, type CallView } from '@/lib/call-view-filters';

/**
 * The view the URL holds, and a setter that writes it back. Plain history calls: Next keeps
 * useSearchParams in step with them without a server round trip. The setter also updates a
 * local copy at once, because Next applies the new URL a moment later, and a controlled
 * checkbox or select would flick back in between. Discrete changes push (Back undoes a
 * filter); typing in the search box replaces.
 */
export function useViewUrl(): [CallView, (next: CallView, mode?: 'push' | 'replace') => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const text = searchParams.toString();
  const fromUrl = useMemo(() => viewFromSearchParams(new URLSearchParams(text)), [text]);
  const [view, setLocal] = useState(fromUrl);
  const [seen, setSeen] = useState(text);
  // The URL moved (Back, Forward, or our own write arriving): it is the truth again.
  if (text !== seen) {
    setSeen(text);
    setLocal(fromUrl);
  }
  const setView = useCallback(
    (next: CallView, mode: 'push' | 'replace' = 'push') => {
      const query = viewToSearchParams(next).toString();
      setLocal(viewFromSearchParams(new URLSearchParams(query)));
      const url = query ? `${pathname}?${query}` : pathname;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );
  return [view, setView];
}
