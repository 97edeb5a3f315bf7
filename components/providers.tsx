'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { type ReactNode, useState } from 'react';
import { TimeZoneProvider } from './local-time';

// Client-side context for every dashboard page: one TanStack Query client per browser tab, nuqs
// for filters kept in the URL, and the team's time zone for every date shown
// (components/local-time.tsx reads it).
export function Providers({ teamTimeZone, children }: { teamTimeZone: string | null; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // Lists that must stay live say so themselves (refetchInterval); the rest are read once.
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 } },
      }),
  );
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        <TimeZoneProvider zone={teamTimeZone}>{children}</TimeZoneProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
