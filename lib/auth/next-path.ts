// Where signing in sends a person: back to the page they asked for, but only a page of ours.
// proxy.ts stamps every page request with the path it asked for (REQUESTED_PATH_HEADER); a page
// that finds nobody signed in sends them to /sign-in?next=<that path>, and the sign-in page goes
// there afterwards. Pure, so the proxy, the pages and the tests share one rule.

/** Set by proxy.ts on every page request (overwriting whatever the client sent): path and query. */
export const REQUESTED_PATH_HEADER = 'x-callboard-path';

const BASE = 'http://callboard.invalid';

/**
 * `next` when it is a path on this site, else '/'. A browser reads `/\evil.example` and a path
 * with a tab or newline removed as `//evil.example`, another origin, so backslashes and control
 * characters are refused outright; what is left must resolve to our own origin. The sign-in page
 * and the API are never a destination.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page for someone who asked for `requested` (path and query), to come back to it. */
export function signInPath(requested: string | null | undefined): string {
  const next = safeNextPath(requested);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** What proxy.ts records of a page request: its path and query, without Next's own `_rsc` marker. */
export function requestedPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_rsc');
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
