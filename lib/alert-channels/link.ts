// Links in notifications lead into the app, and only there: a path of the app on its public
// origin (BETTER_AUTH_URL), or, when that is unknown, the bare path for a person to follow.

export function absoluteLink(link: string | null | undefined, appUrl: string | null): string | null {
  // A path of our own: one slash, not two (protocol-relative), no backslash (read as a slash).
  if (!link?.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  if (!appUrl) return link;
  const base = new URL(appUrl);
  const url = new URL(link, base);
  return url.origin === base.origin ? url.toString() : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** 2026-12-05 20:15 UTC: a reader's zone is unknown to a message, so it says which one it uses. */
export function utc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** How long an alert was open: 47 min, 2 h 5 min, 3 d 4 h. */
export function openFor(openedAt: string, resolvedAt: string): string | null {
  const ms = Date.parse(resolvedAt) - Date.parse(openedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const verb = (event: 'opened' | 'resolved') => (event === 'opened' ? 'Opened' : 'Resolved');
