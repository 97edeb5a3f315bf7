import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool, type Queryable } from '@/lib/db';
import { NO_PERSONAL_DATA, type PersonalData } from '@/lib/privacy';
import { maskAsOnePerson } from '@/lib/queries/privacy';
import { type MessageStateView, type MessageStatusRow, messageStateOf } from './message-state';

// WhatsApp messages with a customer, in and out, as the call page, the action page and the
// customer's page show them: text, the type and caption of media, when, and for the ones we sent
// what Meta reported (lib/queries/customers/message-state.ts). Personal data through the door:
// a viewer reads them masked with what the customer's calls name and what the messages name.

export interface WhatsappMessageView {
  id: string;
  wamid: string;
  direction: 'inbound' | 'outbound';
  /** text, template, image, document, audio, video, location, button, interactive, … as Meta named it. */
  type: string;
  body: string | null;
  caption: string | null;
  mimeType: string | null;
  filename: string | null;
  /** The name on the customer's WhatsApp profile (inbound). */
  profileName: string | null;
  customerNumber: string;
  /** When it was sent (Meta's timestamp for a reply), ISO. */
  sentAt: string;
  /** The action that sent it (outbound). */
  actionId: string | null;
  /** The message it answers, when the customer used Reply. */
  contextWamid: string | null;
  /** What Meta reported for a message we sent; null for the customer's own. */
  state: MessageStateView | null;
}

export interface MessageRow {
  id: string;
  wamid: string;
  direction: string;
  type: string;
  body: string | null;
  media: Record<string, unknown> | null;
  profile_name: string | null;
  customer_number: string;
  sent_at: Date;
  action_id: string | null;
  context_wamid: string | null;
  statuses: { status: MessageStatusRow['status']; at: string; code: number; title: string | null; message: string | null; details: string | null }[];
}

/** The columns of one message and its statuses (every status Meta sent for its wamid), from `whatsapp_message m`. */
export const MESSAGE_COLUMNS = `m.id::text AS id, m.wamid, m.direction, m.type, m.body, m.media, m.profile_name, m.customer_number, m.sent_at,
  m.action_id::text AS action_id, m.context_wamid,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('status', s.status, 'at', s.at, 'code', s.error_code, 'title', s.error_title,
                                                'message', s.error_message, 'details', s.error_details)), '[]'::jsonb)
     FROM whatsapp_status s WHERE s.wamid = m.wamid) AS statuses`;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function toMessageView(row: MessageRow): WhatsappMessageView {
  const media = row.media ?? {};
  const direction = row.direction === 'inbound' ? 'inbound' : 'outbound';
  return {
    id: row.id,
    wamid: row.wamid,
    direction,
    type: row.type,
    body: row.body,
    // The webhook keeps a caption as the message's words too: say it once.
    caption: str(media.caption) === row.body ? null : str(media.caption),
    mimeType: str(media.mime_type) ?? str(media.mimeType),
    filename: str(media.filename),
    profileName: row.profile_name,
    customerNumber: row.customer_number,
    sentAt: row.sent_at.toISOString(),
    actionId: row.action_id,
    contextWamid: row.context_wamid,
    state: direction === 'outbound' ? messageStateOf(row.statuses.map((s) => ({ ...s, at: new Date(s.at).toISOString(), code: Number(s.code) || 0 }))) : null,
  };
}

/** What the messages name about the customer beyond their calls: the number and the profile names. */
export function personalDataOfMessages(messages: readonly { customerNumber: string; profileName: string | null }[]): PersonalData {
  if (messages.length === 0) return NO_PERSONAL_DATA;
  return {
    ...NO_PERSONAL_DATA,
    phones: [...new Set(messages.map((m) => m.customerNumber))],
    names: [...new Set(messages.flatMap((m) => (m.profileName ? [m.profileName] : [])))],
  };
}

/** The customer's calls (the most recent 200): whose personal data a viewer's masking knows. */
export async function callsOfCustomer(db: Queryable, number: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id::text AS id FROM call WHERE customer_number = $1 ORDER BY occurred_at DESC, last_event_at DESC, id DESC LIMIT 200',
    [number],
  );
  return rows.map((r) => r.id);
}

/** Messages as `actor` may see them: masked for a viewer as one person (the customer). */
export async function maskMessages(actor: Actor, messages: WhatsappMessageView[], callIds: readonly string[]): Promise<WhatsappMessageView[]> {
  return maskAsOnePerson(actor, messages, callIds, personalDataOfMessages(messages));
}

export const MESSAGES_LIMIT = 50;

/**
 * The WhatsApp conversation with this call's customer since the call began, oldest first (the
 * latest MESSAGES_LIMIT): what they were sent and what they answered. Empty when the call has no
 * customer number.
 */
export async function listMessagesSinceCall(actor: Actor, callId: string, limit = MESSAGES_LIMIT): Promise<WhatsappMessageView[]> {
  assertCan(actor, 'calls:read');
  const db = pool();
  const { rows } = await db.query<MessageRow>(
    `SELECT * FROM (
       SELECT ${MESSAGE_COLUMNS}
         FROM call c JOIN whatsapp_message m ON m.customer_number = c.customer_number
        WHERE c.id = $1::uuid AND m.sent_at >= coalesce(c.started_at, c.occurred_at)
        ORDER BY m.sent_at DESC, m.id DESC
        LIMIT $2
     ) t ORDER BY sent_at, id`,
    [callId, limit],
  );
  if (rows.length === 0) return [];
  const messages = rows.map(toMessageView);
  return maskMessages(actor, messages, await callsOfCustomer(db, messages[0]?.customerNumber ?? ''));
}

/**
 * An action's WhatsApp: the message it sent, and what the customer wrote after the action was
 * raised (their replies), oldest first.
 */
export async function listActionMessages(actor: Actor, actionId: string, limit = MESSAGES_LIMIT): Promise<WhatsappMessageView[]> {
  assertCan(actor, 'actions:read');
  const db = pool();
  const { rows } = await db.query<MessageRow>(
    `SELECT * FROM (
       SELECT ${MESSAGE_COLUMNS}
         FROM action a
         LEFT JOIN call c ON c.id = a.call_id
         JOIN whatsapp_message m
           ON m.action_id = a.id
           OR (m.direction = 'inbound' AND m.customer_number = c.customer_number AND m.sent_at > a.created_at)
        WHERE a.id = $1::uuid
        ORDER BY m.sent_at DESC, m.id DESC
        LIMIT $2
     ) t ORDER BY sent_at, id`,
    [actionId, limit],
  );
  if (rows.length === 0) return [];
  const messages = rows.map(toMessageView);
  return maskMessages(actor, messages, await callsOfCustomer(db, messages[0]?.customerNumber ?? ''));
}
