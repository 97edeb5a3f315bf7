import { isUtf8 } from 'node:buffer';
import { ZodError } from 'zod';
import { zodMessage } from '@/lib/http/errors';
import { sha256Hex } from '@/lib/providers/hmac';
import type { NormalizedEvent, ProviderDefinition } from '@/lib/providers/types';
import { MAX_ID_LENGTH, needsStorableCopy, type StorageWarning, storableEvent, storableJson, wellFormed } from './storable';

// A verified body read into a storable event: parse → make storable → the provider's schema →
// drop what no column holds. The webhook and reprocessing both read bodies here, so a delivery
// reprocessed later gets exactly the event (and warnings) it got when it arrived.
// Where the line falls (README, "Where a payload is refused and where it is stored"): a body
// that is not JSON, breaks the provider's schema, or names its call or type with more than
// MAX_ID_LENGTH characters is refused (400); anything else is stored, made storable with a warning.

export type ParsedEvent =
  | {
      ok: true;
      event: NormalizedEvent;
      /** The jsonb payload's text when the body's own text cannot be used as it is; else null. */
      payload: string | null;
    }
  | { ok: false; code: 'invalid_json' | 'invalid_payload'; message: string; eventType: string | null };

/** Dedupe keys longer than this are stored as their hash: they sit in a unique index. */
const MAX_DEDUPE_KEY = 512;

/** The event type, read loosely, for the delivery record of a payload we could not accept. */
export function looseType(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as { type?: unknown; event?: unknown };
  const nested = o.event && typeof o.event === 'object' ? (o.event as { type?: unknown }).type : undefined;
  const t = typeof nested === 'string' ? nested : typeof o.event === 'string' ? o.event : typeof o.type === 'string' ? o.type : null;
  return t ? wellFormed(t.slice(0, 200)) : null;
}

function tooLong(event: NormalizedEvent): string | null {
  if (event.type.length > MAX_ID_LENGTH) return `the event type is ${event.type.length} characters; at most ${MAX_ID_LENGTH}`;
  if (event.providerCallId && event.providerCallId.length > MAX_ID_LENGTH) {
    return `the call id is ${event.providerCallId.length} characters; at most ${MAX_ID_LENGTH}`;
  }
  return null;
}

export function parseEvent(provider: ProviderDefinition, body: Buffer): ParsedEvent {
  const utf8 = isUtf8(body);
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'invalid_json', message: `Body is not valid JSON: ${(error as Error).message}`, eventType: null };
  }
  const clean = storableJson(json);
  const eventType = looseType(clean.value);
  let normalized: NormalizedEvent;
  try {
    normalized = provider.normalize(clean.value);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return { ok: false, code: 'invalid_payload', message: `Not a valid ${provider.label} event: ${zodMessage(error)}`, eventType };
  }
  const long = tooLong(normalized);
  if (long) return { ok: false, code: 'invalid_payload', message: `Not a valid ${provider.label} event: ${long}`, eventType };
  const checked = storableEvent(normalized);
  const warnings: StorageWarning[] = [
    ...(utf8 ? [] : [{ field: '(body)', change: 'not valid UTF-8; invalid bytes read as U+FFFD' }]),
    ...clean.warnings,
    ...checked.warnings,
  ];
  let event = checked.event;
  // An empty call id (or one that was only a NUL) names no call: the event is stored call-less.
  if (event.providerCallId === '') event = { ...event, providerCallId: null };
  if (event.dedupeKey.length > MAX_DEDUPE_KEY) event = { ...event, dedupeKey: `sha256:${sha256Hex(event.dedupeKey)}` };
  if (warnings.length > 0) event = { ...event, warnings };
  return { ok: true, event, payload: warnings.length > 0 || needsStorableCopy(text) ? JSON.stringify(clean.value) : null };
}
