// What a viewer may not see: whole phone numbers, email addresses and street addresses. Applied
// in the data layer to everything a read returns, so no page or API path can forget it.

const PHONE = /^\+?[\d\s().-]{8,20}$/;
const ADDRESS_KEYS = new Set(['shippingAddress', 'billingAddress', 'updatedAddress', 'address']);

/** `+916296641821` → `+91•••••1821`: country code and last four digits stay. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '•••';
  const prefix = value.trim().startsWith('+') ? `+${digits.slice(0, 2)}` : digits.slice(0, 2);
  return `${prefix}•••••${digits.slice(-4)}`;
}

/** `jane.doe@example.com` → `j•••@example.com`. */
export function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

function isPhone(value: string): boolean {
  return PHONE.test(value) && value.replace(/\D/g, '').length >= 8;
}

/** A deep copy with phone numbers and emails masked and addresses reduced to their city. */
export function maskPersonalData<T>(value: T): T {
  return walk(value, null) as T;
}

function walk(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') {
    if (isPhone(value)) return maskPhone(value);
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return maskEmail(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, null));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (key && ADDRESS_KEYS.has(key)) return typeof record.city === 'string' ? { city: record.city } : {};
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v, k)]));
}
