'use client';
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import { formatInZone } from '@/lib/format';

// Every time on a page in one zone: the team's when an admin set one, otherwise the browser's.
// The server cannot know the browser's zone, so it renders UTC and the browser re-renders in its
// own zone right after hydration (useSyncExternalStore's server snapshot), with no mismatch.

const TeamZone = createContext<string | null>(null);

export function TimeZoneProvider({ zone, children }: { zone: string | null; children: ReactNode }) {
  return <TeamZone value={zone}>{children}</TeamZone>;
}

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const serverZone = () => 'UTC';

export function useDisplayZone(): { zone: string; team: boolean } {
  const team = useContext(TeamZone);
  const browser = useSyncExternalStore(noSubscription, browserZone, serverZone);
  return team ? { zone: team, team: true } : { zone: browser, team: false };
}

export function LocalTime({ value, className }: { value: Date | string | null | undefined; className?: string }) {
  const { zone } = useDisplayZone();
  if (!value) return <span className={className}>—</span>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} title={iso} className={className}>
      {formatInZone(value, zone)}
    </time>
  );
}

/** "Times in Asia/Kolkata (team)" — said once per page instead of on every time. */
export function ZoneNote({ className }: { className?: string }) {
  const { zone, team } = useDisplayZone();
  return (
    <span className={className} data-testid="zone-note">
      Times in {zone} ({team ? 'team setting' : 'your browser'})
    </span>
  );
}
