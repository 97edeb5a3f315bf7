import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { pool } from '@/lib/db';
import { createMasker, type Masker, maskFieldValue, mergePersonalData, NO_PERSONAL_DATA, type PersonalData, personalDataIn } from '@/lib/privacy';

// The one door every read model passes its output through: whole for those who may read
// personal data (approvers and admins act on orders), masked for everyone else. A viewer's
// masking knows what each call names in its structured data (its numbers, metadata, variables,
// the payloads of its actions and outbox rows, every event it received), so a name or address
// line is masked where it recurs in a transcript, a summary or a raw body, not only in its field.
// Searching is unaffected: it runs in SQL on the stored data; only what is returned is masked.

export interface Privacy {
  /** True when the actor may read personal data: everything is returned as stored. */
  readonly whole: boolean;
  /** `value` as this actor may see it; `callId` says whose personal data to look for in it. */
  mask<T>(callId: string | null | undefined, value: T): T;
  /** Free text as this actor may see it. */
  text(callId: string | null | undefined, value: string): string;
  /** The masker for one call's data, or null when it is seen whole. */
  masker(callId: string | null | undefined): Masker | null;
}

const WHOLE: Privacy = { whole: true, mask: (_, value) => value, text: (_, value) => value, masker: () => null };

/**
 * Of the events (which carry transcripts and whole provider envelopes), only the fields whose
 * names say they hold a person's data leave the database, each as a one-key object: the fold has
 * already merged their metadata and variables into the call, and a viewer's export reads a
 * thousand calls at a time.
 */
const PERSONAL_FIELD_KEYS =
  /name|phone|mobile|e-?mail|address|number|msisdn|whatsapp|^to$|^from$|caller|callee|street|landmark|zip|postal|pincode|^line[0-9]?$/;

interface SourceRow {
  id: string;
  sources: unknown;
}

/** What each call names as personal data, read from its structured data in one query. */
export async function personalDataOf(callIds: readonly string[]): Promise<Map<string, PersonalData>> {
  const ids = [...new Set(callIds)];
  if (ids.length === 0) return new Map();
  const { rows } = await pool().query<SourceRow>(
    `SELECT c.id::text AS id,
            jsonb_build_array(
              jsonb_build_object('customerNumber', c.customer_number, 'fromNumber', c.from_number, 'toNumber', c.to_number),
              c.metadata, c.variables, c.analysis,
              (SELECT coalesce(jsonb_agg(jsonb_build_array(a.payload, a.edited_payload, o.payload)), '[]'::jsonb)
                 FROM action a LEFT JOIN dispatch_outbox o ON o.action_id = a.id WHERE a.call_id = c.id),
              (SELECT coalesce(jsonb_agg(jsonb_build_object(kv->>'key', kv->'value')), '[]'::jsonb)
                 FROM call_event e, jsonb_path_query(e.payload, 'strict $.** ? (@.type() == "object").keyvalue()') kv
                WHERE e.call_id = c.id AND jsonb_typeof(kv->'value') IN ('string', 'number') AND kv->>'key' ~* $2)
            ) AS sources
       FROM call c
      WHERE c.id = ANY($1::uuid[])`,
    [ids, PERSONAL_FIELD_KEYS.source],
  );
  return new Map(rows.map((r) => [r.id, personalDataIn(r.sources)]));
}

/**
 * How `actor` may see data about these calls. Approvers and admins: as stored, no query. Anyone
 * else: masked, each call's own personal data looked up once for the whole read.
 */
export async function privacyFor(actor: Actor, callIds: readonly (string | null | undefined)[]): Promise<Privacy> {
  if (can(actor.role, 'personal-data:read')) return WHOLE;
  const known = await personalDataOf(callIds.filter((id): id is string => typeof id === 'string' && id.length > 0));
  const maskers = new Map<string, Masker>();
  const masker = (callId: string | null | undefined): Masker => {
    const key = callId ?? '';
    let m = maskers.get(key);
    if (!m) {
      m = createMasker(callId ? (known.get(callId) ?? NO_PERSONAL_DATA) : NO_PERSONAL_DATA);
      maskers.set(key, m);
    }
    return m;
  };
  return { whole: false, mask: (callId, value) => masker(callId)(value), text: (callId, value) => masker(callId).text(value), masker };
}

/** Rows about calls as `actor` may see them, each masked with what its own call names. */
export async function maskRows<T>(actor: Actor, rows: T[], callIdOf: (row: T) => string | null | undefined): Promise<T[]> {
  if (can(actor.role, 'personal-data:read') || rows.length === 0) return rows;
  const privacy = await privacyFor(actor, rows.map(callIdOf));
  return rows.map((row) => privacy.mask(callIdOf(row), row));
}

/**
 * Rows about calls of one person (the other calls of a customer number) as `actor` may see
 * them: each masked with everything any of `callIds` names, since a name one call holds in its
 * metadata may be spoken only in another call's summary.
 */
export async function maskRowsAsOnePerson<T>(actor: Actor, rows: T[], callIds: readonly string[]): Promise<T[]> {
  if (can(actor.role, 'personal-data:read') || rows.length === 0) return rows;
  const known = await personalDataOf(callIds);
  const masker = createMasker(mergePersonalData(...known.values()));
  return rows.map((row) => masker(row));
}

/**
 * Anything about one person (a customer's page, their WhatsApp messages) as `actor` may see it:
 * masked with everything their calls name plus `extra` (what the messages themselves name: the
 * number they wrote from, their WhatsApp profile name), wherever it recurs, free text included.
 */
export async function maskAsOnePerson<T>(actor: Actor, value: T, callIds: readonly string[], extra: PersonalData = NO_PERSONAL_DATA): Promise<T> {
  if (can(actor.role, 'personal-data:read')) return value;
  const known = await personalDataOf(callIds);
  return createMasker(mergePersonalData(extra, ...known.values()))(value);
}

/** Series named by the values of a metadata key (credits by `customer_name`, say) as `actor` may see them; equal masks add up. */
export function maskSeries<T extends { series: string }>(actor: Actor, key: string | undefined, values: T[]): T[] {
  if (key === undefined || can(actor.role, 'personal-data:read')) return values;
  return values.map((v) => ({ ...v, series: maskFieldValue(key, v.series) }));
}
