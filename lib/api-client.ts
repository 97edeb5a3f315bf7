// The browser's one way to the JSON API: a non-2xx answer becomes a thrown ApiError carrying the
// envelope's code and message, so TanStack Query shows it as the query's error.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function envelope(body: unknown): { code: string; message: string } | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

export async function apiGet<T>(path: string, params?: URLSearchParams, init: { signal?: AbortSignal } = {}): Promise<T> {
  const query = params?.toString();
  let res: Response;
  try {
    res = await fetch(query ? `${path}?${query}` : path, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal: init.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Callboard could not be reached. Check your connection.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = envelope(body);
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `Request failed (${res.status})`);
  }
  return body as T;
}
