import { createLoader, createParser, createSerializer, type SearchParams } from 'nuqs/server';
import { type AuditFilters, auditFiltersSchema } from '@/lib/schemas/users';

// The audit log's filter and page live in its URL, like every filtered page: these parsers are
// the one definition, read by the page (createLoader) and written into its links (createSerializer).
// The filter form is a plain GET form writing the same name.

const asWritten = createParser({ parse: (v) => v || null, serialize: String });

const auditPageParsers = { action: asWritten, cursor: asWritten };

const loadValues = createLoader(auditPageParsers);
const serialize = createSerializer(auditPageParsers);

/** The filter and cursor a URL names, or null when they are not ones this page writes. */
export function parseAuditFilters(params: SearchParams): AuditFilters | null {
  const { action, cursor } = loadValues(params);
  const filters = auditFiltersSchema.safeParse({ action: action ?? undefined, cursor: cursor ?? undefined });
  return filters.success ? filters.data : null;
}

export function auditHref(action: string | undefined, cursor?: string): string {
  return serialize('/admin/audit', { action: action || null, cursor: cursor || null });
}
