'use client';

// Whether this browser should raise a system notification when new actions arrive: the
// browser's permission (asked only on a click, never on load) and the person's own switch, kept
// in localStorage so every tab of theirs agrees. A tiny external store for useSyncExternalStore.

/** 'off' until the person clicks "Notify me", even where the site already may notify. */
export type NotifyState = 'unsupported' | 'denied' | 'on' | 'off';

const KEY = 'callboard:notify-new-actions';
const CHANGED = 'callboard:notify-changed';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

export function notifyState(): NotifyState {
  if (!supported()) return 'unsupported';
  const permission = Notification.permission;
  if (permission === 'denied') return 'denied';
  return permission === 'granted' && window.localStorage.getItem(KEY) === 'on' ? 'on' : 'off';
}

/** On the server nothing is known: nothing is offered until the browser says what it can do. */
export const serverNotifyState = (): NotifyState => 'unsupported';

export function subscribeNotify(listener: () => void): () => void {
  window.addEventListener('storage', listener);
  window.addEventListener(CHANGED, listener);
  window.addEventListener('focus', listener);
  return () => {
    window.removeEventListener('storage', listener);
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('focus', listener);
  };
}

function setSwitch(on: boolean): void {
  window.localStorage.setItem(KEY, on ? 'on' : 'off');
  window.dispatchEvent(new Event(CHANGED));
}

/** The click: asks the browser when it has not been asked, then switches notifications on. */
export async function turnOn(): Promise<NotifyState> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'default') await Notification.requestPermission();
  // Refused: nothing to switch on (the state says "blocked").
  if (Notification.permission === 'granted') setSwitch(true);
  else window.dispatchEvent(new Event(CHANGED));
  return notifyState();
}

export function turnOff(): void {
  setSwitch(false);
}
