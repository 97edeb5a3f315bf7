import { maskEmail, maskPersonalData, maskPhone } from './privacy';

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

export function headerViews(headers: unknown, signatureHeaders: readonly string[]): HeaderView[] {
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return [];
  const signature = new Set(signatureHeaders.map((h) => h.toLowerCase()));
  return Object.entries(headers as Record<string, unknown>).map(([name, raw]) => {
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const masked = signature.has(name.toLowerCase()) || SENSITIVE.test(name);
    return { name, value: masked ? maskSecret(value) : value, masked };
  });
}

const PHONE_IN_TEXT = /\+?\d[\d\s().-]{6,18}\d/g;
const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;

/** Free text (an error message quoting the body) with numbers and emails in it masked. */
export function maskText(text: string): string {
  return text
    .replace(EMAIL_IN_TEXT, (email) => maskEmail(email))
    .replace(PHONE_IN_TEXT, (phone) => (phone.replace(/\D/g, '').length >= 8 ? maskPhone(phone) : phone));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function bodyView(body: Uint8Array, opts: { size: number; truncated: boolean; mayReadPersonalData: boolean }): BodyView {
  const raw = Buffer.from(body).toString('utf8');
  const parsed = parseJson(raw);
  const base = { size: opts.size, storedSize: body.length, truncated: opts.truncated };
  if (opts.mayReadPersonalData) {
    return {
      ...base,
      raw,
      masked: false,
      withheld: null,
      ...(parsed.ok ? { format: 'json', text: JSON.stringify(parsed.value, null, 2) } : { format: 'text', text: raw }),
    };
  }
  if (parsed.ok) {
    return { ...base, format: 'json', text: JSON.stringify(maskPersonalData(parsed.value), null, 2), raw: null, masked: true, withheld: null };
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
