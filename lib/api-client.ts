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

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers }, credentials: 'same-origin' });
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

export function apiGet<T>(path: string, params?: URLSearchParams, init: { signal?: AbortSignal } = {}): Promise<T> {
  const query = params?.toString();
  return send<T>(query ? `${path}?${query}` : path, { signal: init.signal });
}

/** A POST with a JSON body (none when `body` is undefined). */
export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return send<T>(
    path,
    body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
}
