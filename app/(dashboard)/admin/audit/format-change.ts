// Audit values are small JSON objects ({ "role": "viewer" }); a table cell shows them on one
// line, readable without quotes and braces, and cut short so one odd entry cannot stretch the table.

const MAX_LENGTH = 160;

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** `{ "role": "admin", "sessions": 2 }` reads `role: admin, sessions: 2`; nested values stay JSON. */
export function formatAuditValue(value: unknown, maxLength = MAX_LENGTH): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value)
          .map(([key, inner]) => `${key}: ${scalar(inner)}`)
          .join(', ')
      : scalar(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** `before → after`, or whichever side exists, or an em dash when neither does. */
export function formatAuditChange(before: unknown, after: unknown): string {
  const from = formatAuditValue(before);
  const to = formatAuditValue(after);
  if (from && to) return `${from} → ${to}`;
  return to || from || '—';
}

/** The full values, indented, for a cell's tooltip when the one-liner was cut. */
export function auditChangeDetail(before: unknown, after: unknown): string {
  const pretty = (value: unknown) => JSON.stringify(value ?? null, null, 2);
  return `before: ${pretty(before)}\nafter: ${pretty(after)}`;
}
