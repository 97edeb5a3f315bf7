import { z } from 'zod';
import { normalizePhone } from '@/lib/calls/phone';
import { MESSAGE_STATES, type MessageState } from './message-state';

// What a WhatsApp Business Account webhook body says, read with zod (loose: Meta adds fields):
// several entries, each with changes, each change for one business number; a `messages` change
// carries customer messages (with their contacts) and/or statuses of messages we sent. Pure: the
// route verifies the bytes first, this reads them, lib/whatsapp/store.ts keeps what it found.

/** The `delivery.provider` of every request to /api/webhooks/whatsapp, and how /deliveries names it. */
export const WHATSAPP_SOURCE = 'whatsapp';
export const WHATSAPP_SOURCE_LABEL = 'WhatsApp';
/** Meta's signature header: masked on /deliveries like the providers' own. */
export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

export interface InboundMessage {
  wamid: string;
  businessPhoneId: string;
  /** The business's display number, E.164. */
  businessNumber: string | null;
  /** The customer's number, E.164 with its +. */
  customerNumber: string;
  profileName: string | null;
  type: string;
  /** Text, caption, button or list title, place: what a person reads. */
  body: string | null;
  /** The message's part named by its type (media id, mime type, file name, location...), for non-text messages. */
  media: Record<string, unknown> | null;
  contextWamid: string | null;
  sentAt: Date;
}

export interface StatusReport {
  wamid: string;
  businessPhoneId: string;
  status: MessageState;
  at: Date;
  recipient: string | null;
  /** 0 when the status carries no error. */
  errorCode: number;
  errorTitle: string | null;
  errorMessage: string | null;
  errorDetails: string | null;
}

export type ParsedWebhook =
  | { ok: true; eventType: string; messages: InboundMessage[]; statuses: StatusReport[]; ignored: number }
  | { ok: false; code: 'invalid_json' | 'invalid_payload'; message: string; eventType: string | null };

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(512);
/** Unix seconds, as a string (Meta's way) or a number. */
const unixSeconds = z
  .union([z.string().regex(/^\d{1,11}$/, 'must be unix seconds'), z.number().int().min(0).max(99_999_999_999)])
  .transform((v) => new Date(Number(v) * 1000));
const int32 = z.number().int().min(-2_147_483_648).max(2_147_483_647);

const messageSchema = z.looseObject({
  from: z.string().min(1).max(64),
  id,
  timestamp: unixSeconds,
  type: z.string().min(1).max(64),
  text: z.looseObject({ body: z.string() }).optional(),
  context: z.looseObject({ id: id.optional() }).optional(),
});

const statusSchema = z.looseObject({
  id,
  status: z.string().min(1).max(64),
  timestamp: unixSeconds,
  recipient_id: z.string().max(64).optional(),
  errors: z
    .array(
      z.looseObject({
        code: int32,
        title: text(2000).optional(),
        message: text(2000).optional(),
        error_data: z.looseObject({ details: text(4000).optional() }).optional(),
      }),
    )
    .optional(),
});

const messagesValue = z.looseObject({
  metadata: z.looseObject({ phone_number_id: id, display_phone_number: z.string().max(64).optional() }),
  contacts: z.array(z.looseObject({ wa_id: z.string().max(64).optional(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(messageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
});

const bodySchema = z.looseObject({
  object: z.literal('whatsapp_business_account', { error: 'must be "whatsapp_business_account"' }),
  entry: z.array(
    z.looseObject({
      changes: z.array(z.looseObject({ field: z.string().min(1).max(100), value: z.unknown() })),
    }),
  ),
});

const KNOWN_STATUS = new Set<string>(MESSAGE_STATES);
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** Text Postgres can hold: no NUL, no lone surrogate. */
export function cleanString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what Postgres text refuses
  return value.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanString(k), cleanJson(v)]));
  return value;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** E.164 with its +, from Meta's digits-only wa_id / from / display number. */
export function e164(digits: string): string {
  const trimmed = digits.trim();
  return normalizePhone(trimmed.startsWith('+') ? trimmed : `+${trimmed}`);
}

/** What a person reads of a message, by its type; null when it has no words (an image without caption). */
function readable(type: string, message: Record<string, unknown>): string | null {
  const part = obj(message[type]);
  if (type === 'text') return str(obj(message.text)?.body);
  if (!part) return null;
  if (MEDIA_TYPES.has(type)) return str(part.caption) ?? str(part.filename);
  if (type === 'button') return str(part.text) ?? str(part.payload);
  if (type === 'interactive') {
    const reply = obj(part.button_reply) ?? obj(part.list_reply) ?? obj(part.nfm_reply);
    return str(reply?.title) ?? str(reply?.body) ?? str(reply?.description);
  }
  if (type === 'location') {
    const words = [str(part.name), str(part.address)].filter(Boolean).join(', ');
    return words || (typeof part.latitude === 'number' && typeof part.longitude === 'number' ? `${part.latitude}, ${part.longitude}` : null);
  }
  if (type === 'reaction') return str(part.emoji);
  return str(part.body) ?? str(part.text) ?? str(part.caption);
}

function zodWhere(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** Reads a verified body. Never throws: a body that is not JSON or not this shape says why. */
export function parseWhatsappWebhook(raw: Buffer | string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    return { ok: false, code: 'invalid_json', message: `Body is not JSON: ${(error as Error).message}`.slice(0, 300), eventType: null };
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) return { ok: false, code: 'invalid_payload', message: zodWhere(body.error), eventType: null };

  const messages: InboundMessage[] = [];
  const statuses: StatusReport[] = [];
  const kinds = new Set<string>();
  let ignored = 0;
  for (const [e, entry] of body.data.entry.entries()) {
    for (const [c, change] of entry.changes.entries()) {
      if (change.field !== 'messages') {
        kinds.add(cleanString(change.field));
        continue;
      }
      const value = messagesValue.safeParse(change.value);
      if (!value.success) {
        const where = zodWhere(value.error)
          .split('; ')
          .map((part) => `entry.${e}.changes.${c}.value.${part}`)
          .join('; ');
        return { ok: false, code: 'invalid_payload', message: where, eventType: 'messages' };
      }
      const v = value.data;
      const businessPhoneId = cleanString(v.metadata.phone_number_id);
      const display = v.metadata.display_phone_number?.trim();
      const businessNumber = display ? e164(cleanString(display)) : null;
      const names = new Map<string, string>();
      for (const contact of v.contacts ?? []) {
        const name = str(contact.profile?.name);
        if (contact.wa_id && name) names.set(contact.wa_id, cleanString(name).slice(0, 200));
      }
      for (const m of v.messages ?? []) {
        kinds.add('messages');
        const message = m as Record<string, unknown>;
        const words = readable(m.type, message);
        const part = m.type === 'text' ? null : obj(message[m.type]);
        messages.push({
          wamid: cleanString(m.id),
          businessPhoneId,
          businessNumber,
          customerNumber: e164(cleanString(m.from)),
          profileName: names.get(m.from) ?? null,
          type: cleanString(m.type),
          body: words === null ? null : cleanString(words).slice(0, 65_536),
          media: part ? (cleanJson(part) as Record<string, unknown>) : null,
          contextWamid: m.context?.id ? cleanString(m.context.id) : null,
          sentAt: m.timestamp,
        });
      }
      for (const s of v.statuses ?? []) {
        kinds.add('statuses');
        if (!KNOWN_STATUS.has(s.status)) {
          ignored += 1;
          continue;
        }
        const error = s.errors?.[0];
        const details = error?.error_data?.details;
        statuses.push({
          wamid: cleanString(s.id),
          businessPhoneId,
          status: s.status as MessageState,
          at: s.timestamp,
          recipient: s.recipient_id ? cleanString(s.recipient_id) : null,
          errorCode: error?.code ?? 0,
          errorTitle: error?.title ? cleanString(error.title) : null,
          errorMessage: error?.message ? cleanString(error.message) : null,
          errorDetails: details ? cleanString(details) : null,
        });
      }
      if (!v.messages?.length && !v.statuses?.length) kinds.add('messages');
    }
  }
  const order = (k: string) => (k === 'messages' ? 0 : k === 'statuses' ? 1 : 2);
  const eventType =
    [...kinds]
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
      .join('+')
      .slice(0, 200) || 'empty';
  return { ok: true, eventType, messages, statuses, ignored };
}

/**
 * The personal data a webhook body names, for a viewer's masked view of the delivery: the
 * customers' numbers (as Meta's digits and as E.164), profile names, and what they wrote.
 * Loose on purpose: a rejected body (not JSON, the wrong shape) names nothing here.
 */
export function whatsappPersonalData(raw: Buffer | string): { phones: string[]; names: string[]; texts: string[] } {
  const phones = new Set<string>();
  const names = new Set<string>();
  const texts = new Set<string>();
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return { phones: [], names: [], texts: [] };
  }
  const addPhone = (v: unknown) => {
    if (typeof v !== 'string' || !/\d{6,}/.test(v)) return;
    phones.add(v);
    phones.add(`+${v.replace(/\D/g, '')}`);
  };
  const addText = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 3 && v.length <= 1000) texts.add(v);
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  for (const entry of list(obj(json)?.entry)) {
    for (const change of list(obj(entry)?.changes)) {
      const value = obj(obj(change)?.value);
      for (const c of list(value?.contacts)) {
        addPhone(obj(c)?.wa_id);
        const name = str(obj(obj(c)?.profile)?.name);
        if (name) names.add(name);
      }
      for (const m of list(value?.messages)) {
        const message = obj(m);
        if (!message) continue;
        addPhone(message.from);
        const type = typeof message.type === 'string' ? message.type : '';
        addText(readable(type, message));
        const part = obj(message[type]);
        if (part) for (const key of ['caption', 'filename', 'name', 'address', 'body']) addText(part[key]);
      }
      for (const s of list(value?.statuses)) addPhone(obj(s)?.recipient_id);
    }
  }
  return { phones: [...phones], names: [...names], texts: [...texts] };
}
