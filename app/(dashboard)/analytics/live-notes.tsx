'use client';
import Link from 'next/link';

// Short notes for when a chart is counted from every call instead of read from the precomputed
// rollups: calm, since the numbers are the same either way, only slower on a large history.

const note = 'text-xs text-slate-500';
const link = 'text-blue-700 hover:underline';

/** The charts' zone is not the one the rollups count days in (the team's; UTC when unset). */
export function ZoneLiveNote({ zone, rollupZone, team, canManageSettings }: { zone: string; rollupZone: string; team: boolean; canManageSettings: boolean }) {
  if (zone === rollupZone) return null;
  if (canManageSettings) {
    return (
      <p className={note} data-testid="live-zone-note">
        These charts are counted from every call in {zone}, which slows down as calls pile up. Charts in the team&apos;s zone are precomputed:{' '}
        <Link href="/settings#time-zone" className={link}>
          set the team time zone
        </Link>
        .
      </p>
    );
  }
  // A team zone that differs only for a moment (it is being changed) needs no explaining.
  if (team) return null;
  return (
    <p className={note} data-testid="live-zone-note">
      The team time zone is not set, so these charts are counted from every call in your browser&apos;s zone ({zone}), which slows down as calls pile up.
    </p>
  );
}

/** Credits split by a metadata key that is not one of the team's breakdown keys. */
export function KeyLiveNote({ metaKey, keys, canManageSettings }: { metaKey?: string; keys: string[]; canManageSettings: boolean }) {
  if (!metaKey || keys.includes(metaKey)) return null;
  return (
    <p className={`${note} mb-2`} data-testid="live-key-note">
      &ldquo;{metaKey}&rdquo; is not a breakdown key, so this split is counted from every call, which slows down as calls pile up.
      {canManageSettings && (
        <>
          {' '}
          <Link href="/settings#breakdown-keys" className={link}>
            Add it in Settings
          </Link>{' '}
          to have it precomputed.
        </>
      )}
    </p>
  );
}
