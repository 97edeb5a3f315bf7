'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { usePendingCount } from '@/lib/hooks/use-action-count';
import { notifyState, serverNotifyState, subscribeNotify, turnOff, turnOn } from './notify-preference';
import { newActionsNotice, titleWithCount } from './pending-title';

// For a person who decides: the pending count in the tab's title on every dashboard page, and a
// system notification when it rises while a tab is open (once they have switched it on). Both
// read the navigation badge's query, so nothing extra is polled.

const TAG = 'callboard-new-actions';

export function useNotifyState() {
  return useSyncExternalStore(subscribeNotify, notifyState, serverNotifyState);
}

/** Keeps "(3) " in front of the title: Next sets the title on each navigation, so it is watched. */
function usePendingTitle(pending: number): void {
  useEffect(() => {
    const apply = () => {
      const counted = titleWithCount(document.title, pending);
      if (document.title !== counted) document.title = counted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [pending]);
}

export function ActionNotifications({ initial }: { initial: number }) {
  const pending = usePendingCount(initial);
  const state = useNotifyState();
  const previous = useRef<number | null>(null);
  usePendingTitle(pending);
  useEffect(() => {
    const notice = newActionsNotice(previous.current, pending);
    previous.current = pending;
    if (!notice || state !== 'on') return;
    // One notification per browser however many tabs are open: the tag replaces, not stacks.
    const n = new Notification(notice.title, { body: notice.body, tag: TAG });
    n.onclick = () => {
      window.focus();
      window.location.assign('/approvals');
      n.close();
    };
  }, [pending, state]);
  return null;
}

/** "Notify me of new actions": the only place the browser is asked for permission. */
export function NotifyToggle() {
  const state = useNotifyState();
  const [busy, setBusy] = useState(false);
  const button = 'rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50';
  if (state === 'unsupported') return null;
  if (state === 'denied') {
    return (
      <p className="text-xs text-slate-500" data-testid="notify-state">
        Notifications are blocked for this site in your browser's settings.
      </p>
    );
  }
  if (state === 'on') {
    return (
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="notify-state">
        <span>You get a notification when new actions arrive.</span>
        <button type="button" className={button} onClick={turnOff}>
          Stop notifying me
        </button>
      </p>
    );
  }
  return (
    <button
      type="button"
      className={button}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await turnOn().finally(() => setBusy(false));
      }}
    >
      Notify me of new actions
    </button>
  );
}
