import type { Masker } from './privacy';

export { maskText } from './privacy';

// How a stored delivery is shown: headers with secrets cut short, the body as text. Pure, so
// the API and the page show exactly the same thing, and unit tests pin what each role sees.

export interface HeaderView {
  name: string;
  value: string;
  /** True when the value was cut to its first characters (signatures, secrets, keys). */
  masked: boolean;
}

export interface BodyView {
  /** What to show: pretty-printed JSON, or the text as received; null when withheld. */
  text: string | null;
  format: 'json' | 'text';
  /** The exact bytes as UTF-8, for those who may read personal data; null otherwise. */
  raw: string | null;
  /** Personal data (phones, emails, addresses) was masked for this reader. */
  masked: boolean;
  /** Why nothing is shown, when the body could not be masked for this reader. */
  withheld: string | null;
  /** Size of the request body as received, how much of it was kept, and whether that is only its start. */
  size: number;
  storedSize: number;
  truncated: boolean;
}

const SENSITIVE = /signature|secret|token|authorization|cookie|api-?key|public-key/i;

/** Enough of a signature to tell two apart, not enough to replay one. */
export function maskSecret(value: string): string {
  return value.length > 12 ? `${value.slice(0, 6)}…` : '•••';
}

/** `mask` (a viewer's) also masks personal data in the other headers' values; null shows them whole. */
export function headerViews(headers: unknown, signatureHeaders: readonly string[], mask: Masker | null = null): HeaderView[] {
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return [];
  const signature = new Set(signatureHeaders.map((h) => h.toLowerCase()));
  return Object.entries(headers as Record<string, unknown>).map(([name, raw]) => {
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const masked = signature.has(name.toLowerCase()) || SENSITIVE.test(name);
    if (masked) return { name, value: maskSecret(value), masked };
    return { name, value: mask ? mask.text(value) : value, masked };
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `mask` is the reader's masker (a viewer's, knowing what the call names), or null for those who may read personal data. */
export function bodyView(body: Uint8Array, opts: { size: number; truncated: boolean; mask: Masker | null }): BodyView {
  const raw = Buffer.from(body).toString('utf8');
  const parsed = parseJson(raw);
  const base = { size: opts.size, storedSize: body.length, truncated: opts.truncated };
  if (opts.mask === null) {
    return {
      ...base,
      raw,
      masked: false,
      withheld: null,
      ...(parsed.ok ? { format: 'json', text: JSON.stringify(parsed.value, null, 2) } : { format: 'text', text: raw }),
    };
  }
  if (parsed.ok) {
    return { ...base, format: 'json', text: JSON.stringify(opts.mask(parsed.value), null, 2), raw: null, masked: true, withheld: null };
  }
  // Masking works on JSON fields; free text (or JSON cut at 8 KB) could hide an address anywhere.
  const why = opts.truncated ? 'it was cut short' : 'it is not valid JSON';
  return {
    ...base,
    format: 'text',
    text: null,
    raw: null,
    masked: true,
    withheld: `The body is not shown because ${why}, so personal data in it cannot be masked. An approver or admin can see it.`,
  };
}
