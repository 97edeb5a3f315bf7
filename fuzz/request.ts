// One fuzz request, independent of how it is sent: straight into a route handler (the vitest
// suite) or over HTTP to a served instance (npm run fuzz).

export type Method = 'GET' | 'POST' | 'PUT';

export interface FuzzRequest {
  /** The route it exercises, for the table: `POST /api/webhooks/mirai`, `GET /api/calls/{id}`. */
  route: string;
  method: Method;
  /** Path and query string, exactly as sent. */
  path: string;
  /** Pairs, so a header can be sent twice. */
  headers: [string, string][];
  body: Buffer | null;
  /** Webhooks: the marker the delivery row carries (x-request-id) so the oracle can find it. */
  requestId?: string;
}

/** What came back, read whole (a stream that fails mid-way shows as `streamError`). */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
  streamError?: string;
}

export function toHeaders(pairs: [string, string][]): Headers {
  const headers = new Headers();
  for (const [k, v] of pairs) headers.append(k, v);
  return headers;
}

export async function readAnswer(response: Response): Promise<FuzzAnswer> {
  const contentType = response.headers.get('content-type') ?? '';
  try {
    return { status: response.status, contentType, text: await response.text() };
  } catch (error) {
    return { status: response.status, contentType, text: '', streamError: (error as Error).message };
  }
}

const MAX_SHOWN = 600;
/** Escapes control characters, lone surrogates and non-ASCII so a repro prints on one safe line. */
export function escapeText(text: string, max = MAX_SHOWN): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const escaped = JSON.stringify(cut)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > max ? `${escaped}… (${text.length} chars)` : escaped;
}

/** Bytes shown as text where they are UTF-8, \xNN where they are not. */
export function escapeBytes(body: Buffer, max = MAX_SHOWN): string {
  const cut = body.subarray(0, max);
  let out = '';
  const text = cut.toString('latin1');
  const decoded = cut.toString('utf8');
  if (Buffer.from(decoded, 'utf8').equals(cut)) out = escapeText(decoded, max);
  else
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      out += c >= 0x20 && c < 0x7f && ch !== '\\' ? ch : `\\x${c.toString(16).padStart(2, '0')}`;
    }
  return body.length > max ? `${out}… (${body.length} bytes)` : out;
}

/** A request as a developer reads it in a failure report. */
export function describeRequest(r: FuzzRequest): string {
  const headers = r.headers.map(([k, v]) => `  ${k}: ${escapeText(v, 200)}`).join('\n');
  const body = r.body === null ? '' : `\n  body: ${escapeBytes(r.body)}`;
  return `${r.method} ${escapeText(r.path, 400)}\n${headers}${body}`;
}
