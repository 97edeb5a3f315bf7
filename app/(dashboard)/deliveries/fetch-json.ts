// The browser side of the JSON API: a non-2xx answer becomes a thrown Error carrying the
// envelope's message, so TanStack Query shows it as the query's error.

function envelopeMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : null;
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(envelopeMessage(body) ?? `Request failed (${res.status})`);
  return body as T;
}
