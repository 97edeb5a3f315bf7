import { z } from 'zod';
import { analyticsQuerySchema, CHARTS, thresholdSchema } from '@/lib/analytics/schema';
import type { Permission } from '@/lib/auth/roles';
import { PROVIDERS } from '@/lib/providers/registry';
import { actionFiltersSchema, decisionSchema, markSentSchema, resendSchema } from '@/lib/schemas/actions';
import { alertListQuerySchema, alertRulesBodySchema } from '@/lib/schemas/alerts';
import { callExportSchema, callFiltersSchema } from '@/lib/schemas/calls';
import { customerTimelineQuerySchema } from '@/lib/schemas/customers';
import { deliveryFiltersSchema } from '@/lib/schemas/deliveries';
import { reprocessSchema } from '@/lib/schemas/reprocess';
import { whatsappTemplatesBodySchema } from '@/lib/schemas/settings';

// Every route under app/api that a person, a script, a provider or the scheduler calls, with the
// zod schemas the route itself validates with: the OpenAPI document (document.ts) is built from
// this list, so it cannot drift from what the routes accept. Better Auth's own /api/auth/* and the
// benchmark route are left out on purpose.

export type Auth = 'user' | 'cron' | 'webhook' | 'none';

export interface ApiRoute {
  method: 'get' | 'post' | 'put';
  /** OpenAPI path: `{name}` for a path parameter. */
  path: string;
  summary: string;
  auth: Auth;
  permission?: Permission;
  query?: z.ZodObject;
  /** Parameter descriptions, by name (query and path). */
  params?: Record<string, string>;
  pathParams?: Record<string, z.ZodType>;
  body?: z.ZodType;
  /** For a body described in words only (a provider's own format). */
  bodyDescription?: string;
  /** Success and route-specific statuses; the generic errors are added by auth and inputs. */
  responses: Record<number, string>;
  /** The success body is CSV only, or JSON and also CSV (on request). */
  csv?: 'only' | 'also';
  tag: string;
}

const uuid = z.uuid();

const CALL_PARAMS: Record<string, string> = {
  provider: `One provider id or a comma list (${Object.keys(PROVIDERS).join(', ')}).`,
  status: 'One canonical status or a comma list.',
  outcome: 'The disposition, or failing that the end reason, exactly.',
  success: '`true`/`false` (`yes`/`no`, as the calls page writes its URL, is read the same).',
  pending: '`true`: has an action waiting for approval; `false`: has none.',
  agent: 'agent_id or application_id, exactly.',
  meta: '`key=value` on one metadata key; the value may itself contain `=`.',
  range: 'Whole days of the team time zone (or `tz`), ending today.',
  from: 'ISO date-time, or a plain date (a whole day in `tz`), on when the call happened (its start, else its first provider-stamped event, else its first receipt).',
  to: 'ISO date-time, or a plain date (a whole day in `tz`, included), on when the call happened.',
  q: 'Full text: phone number (any format, or the customer’s last 4+ digits), call id, metadata value, words of the summary or transcript.',
  sort: 'Sort key: `happened` (default, when the call happened), `activity` (latest activity: recently updated), `started`, `duration`, `credits`.',
  dir: 'Sort direction.',
  tz: 'IANA time zone for `range` and plain dates (default: the team setting, then UTC).',
  updatedSince: 'Only calls with activity after this instant (what changed since `asOf`).',
  cursor: "The previous page's `nextCursor`.",
  limit: 'Page size.',
};

// As lib/ingest/handle-webhook.ts answers (and the README's "What a webhook endpoint answers").
const WEBHOOK_RESPONSES = {
  200: 'Stored (`{"ok":true}`), a repeat (`"duplicate":true`) or an unknown event type, kept',
  202: 'Verified and valid, but processing failed (`{"ok":true,"processed":false}`): kept whole as `failed`, recovered by reprocessing',
  400: "Verified but not valid JSON (`invalid_json`) or not the provider's shape (`invalid_payload`)",
  401: 'Signature missing, invalid or stale; or no secret is configured',
  413: 'Body larger than WEBHOOK_MAX_BODY_BYTES',
  415: 'Content-Type is not application/json',
  503: 'The database is unavailable or the delivery could not be kept (`database_unavailable` / `storage_unavailable`); the provider retries',
};

const webhook = (provider: string, label: string): ApiRoute => ({
  method: 'post',
  path: `/api/webhooks/${provider}`,
  summary: `${label} call events`,
  auth: 'webhook',
  bodyDescription: `${label}'s own event JSON, signed with the provider's scheme (see the README's provider table). Verified before it is parsed.`,
  responses: WEBHOOK_RESPONSES,
  tag: 'Webhooks',
});

const cron = (name: string, summary: string): ApiRoute => ({
  method: 'get',
  path: `/api/cron/${name}`,
  summary,
  auth: 'cron',
  responses: { 200: '`{ "ok": true, … }` with what was done' },
  tag: 'Scheduled',
});

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/calls',
    summary: 'Calls, filtered, searched and sorted, one keyset page at a time',
    auth: 'user',
    permission: 'calls:read',
    query: callFiltersSchema,
    params: CALL_PARAMS,
    responses: { 200: '`{ "calls": [CallListItem], "nextCursor": string | null, "asOf" }`; 400 `invalid_cursor` for a cursor this API did not issue' },
    tag: 'Calls',
  },
  {
    method: 'get',
    path: '/api/calls/export',
    summary: 'The filtered calls as a streamed CSV (audited)',
    auth: 'user',
    permission: 'calls:read',
    query: callExportSchema,
    params: CALL_PARAMS,
    csv: 'only',
    responses: { 200: 'CSV file, times in the team time zone' },
    tag: 'Calls',
  },
  {
    method: 'get',
    path: '/api/calls/{id}',
    summary: 'One call with its timeline, transcript, analysis, credits and actions',
    auth: 'user',
    permission: 'calls:read',
    pathParams: { id: uuid },
    responses: { 200: '`{ "call": Call }`', 404: 'No such call' },
    tag: 'Calls',
  },
  {
    method: 'get',
    path: '/api/customers/{number}',
    summary:
      "One customer's timeline, newest first: every call with their number, the actions those calls raised (with their WhatsApp message's state) and every WhatsApp message in and out",
    auth: 'user',
    permission: 'calls:read',
    query: customerTimelineQuerySchema,
    pathParams: { number: z.string().min(1).max(100) },
    params: {
      number:
        'The E.164 number, URL-encoded (`%2B919812345678`), or `call-<callId>`: the customer of that call (what viewers are linked with, so no number is in their URLs).',
      cursor: "The previous page's `nextCursor`.",
    },
    responses: {
      200: '`{ "customer": { number, ref, name, calls, actions, messages, lastInboundAt, window }, "entries": [{ type: "call" | "action" | "message", id, at, … }], "nextCursor": string | null }`; masked for viewers',
      404: 'The call has no customer number, or no such call',
    },
    tag: 'Calls',
  },
  {
    method: 'get',
    path: '/api/deliveries',
    summary: 'Every webhook request, newest first',
    auth: 'user',
    permission: 'deliveries:read',
    query: deliveryFiltersSchema,
    params: {
      since: 'A window ending now (instead of `from`/`to`).',
      q: 'Event type, provider call id, or text in the body of a delivery that reached no call.',
      cursor: "The previous page's `nextCursor`.",
    },
    responses: { 200: '`{ "deliveries": [Delivery], "nextCursor": string | null }`' },
    tag: 'Deliveries',
  },
  {
    method: 'get',
    path: '/api/deliveries/{id}',
    summary: 'One delivery with its headers (signatures masked) and body (personal data masked for viewers)',
    auth: 'user',
    permission: 'deliveries:read',
    pathParams: { id: uuid },
    responses: { 200: '`{ "delivery": Delivery }`', 404: 'No such delivery' },
    tag: 'Deliveries',
  },
  {
    method: 'post',
    path: '/api/reprocess',
    summary: "Rebuild one call, one provider's calls or all of them from the stored deliveries (admins; audited)",
    auth: 'user',
    permission: 'deliveries:reprocess',
    body: reprocessSchema,
    responses: { 200: '`{ "result": … }`', 404: 'No such call', 409: 'Another reprocess is running' },
    tag: 'Deliveries',
  },
  {
    method: 'get',
    path: '/api/actions',
    summary: 'Actions raised by calls, oldest first, one keyset page at a time',
    auth: 'user',
    permission: 'actions:read',
    query: actionFiltersSchema,
    responses: { 200: '`{ "actions": [Action], "nextCursor": string | null }`, each with its call', 400: 'A cursor this API did not issue' },
    tag: 'Actions',
  },
  {
    method: 'get',
    path: '/api/actions/count',
    summary: 'Pending and needs-attention counts (the navigation badge)',
    auth: 'user',
    permission: 'actions:read',
    responses: { 200: '`{ "pending": number, "attention": number }`' },
    tag: 'Actions',
  },
  {
    method: 'get',
    path: '/api/actions/{id}',
    summary: "One action's whole life: call, decision, edit, outbox, every attempt",
    auth: 'user',
    permission: 'actions:read',
    pathParams: { id: uuid },
    responses: { 200: '`{ "action": ActionDetail }`', 404: 'No such action' },
    tag: 'Actions',
  },
  {
    method: 'post',
    path: '/api/actions/{id}/decision',
    summary: 'Approve (optionally with an edited payload or a WhatsApp template) or reject a pending action',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    body: decisionSchema,
    responses: {
      200: '`{ "action", "dispatch" }`; `action.undoUntil` (ISO): until then the decision can be undone and nothing is sent',
      400: 'A rejection without a reason (`reason_required`), or a payload the kind refuses',
      404: 'No such action',
      409: 'Already decided (`"Already approved by …"`)',
    },
    tag: 'Actions',
  },
  {
    method: 'post',
    path: '/api/actions/{id}/undo',
    summary: 'Take back a decision within APPROVAL_UNDO_SECONDS of it: the action is pending again and nothing is sent (audited)',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    responses: {
      200: '`{ "action": { "id", "status": "pending" } }`',
      404: 'No such action',
      409: 'The window has closed, the decision is final (`undo_window_closed`), or the action is not decided (`not_decided`)',
    },
    tag: 'Actions',
  },
  {
    method: 'post',
    path: '/api/actions/{id}/redispatch',
    summary: 'Send a failed, needs-check or never-sent action again, same idempotency key',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    responses: { 200: '`{ "action" }`', 404: 'No such action', 409: 'Not in a state that can be sent again, or no destination is configured' },
    tag: 'Actions',
  },
  {
    method: 'post',
    path: '/api/actions/{id}/resend',
    summary:
      'Send a failed WhatsApp message again as a template (it failed with 131047 outside the service window, or 132000/132001 a wrong template): same outbox key, parameters from their sources unless given',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    body: resendSchema,
    responses: {
      200: '`{ "action": { "id", "status": "approved", "template", "text", "message" } }`',
      400: 'Unknown template (`unknown_template`) or parameters that do not fit it (`template_parameters`)',
      404: 'No such action',
      409: 'Not a failed WhatsApp message a template answers (`not_resendable`), or no destination is configured',
    },
    tag: 'Actions',
  },
  {
    method: 'post',
    path: '/api/actions/{id}/mark-sent',
    summary: 'Close a needs-check action that a person found did arrive',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    body: markSentSchema,
    responses: { 200: '`{ "action" }`', 404: 'No such action', 409: 'Not a needs-check action' },
    tag: 'Actions',
  },
  {
    method: 'get',
    path: '/api/analytics/{chart}',
    summary: "One chart's numbers as JSON, or with format=csv as a file",
    auth: 'user',
    permission: 'calls:read',
    query: analyticsQuerySchema,
    pathParams: { chart: z.enum(CHARTS) },
    csv: 'also',
    params: {
      ...CALL_PARAMS,
      granularity: 'Bucket size of the series.',
      by: 'Break the series down by provider, agent or a metadata key (`key`).',
      key: 'The metadata key to break credits down by, with `by=meta`.',
      format: '`csv` for a file.',
    },
    responses: { 200: "The chart's series as JSON, or CSV with `format=csv`", 404: 'No such chart' },
    tag: 'Analytics',
  },
  {
    method: 'get',
    path: '/api/analytics/threshold',
    summary: 'The low-balance threshold',
    auth: 'user',
    permission: 'calls:read',
    responses: { 200: '`{ "threshold": number | null }`' },
    tag: 'Analytics',
  },
  {
    method: 'put',
    path: '/api/analytics/threshold',
    summary: 'Set or clear the low-balance threshold (admins; audited)',
    auth: 'user',
    permission: 'settings:manage',
    body: thresholdSchema,
    responses: { 200: '`{ "threshold": number | null }`' },
    tag: 'Analytics',
  },
  {
    method: 'get',
    path: '/api/settings/whatsapp-templates',
    summary: 'The WhatsApp templates approvers pick from (approvers and admins)',
    auth: 'user',
    permission: 'actions:decide',
    responses: {
      200: '`{ "templates": [{ "name", "language", "body", "params": [{ "source", "value"? }] }], "seeded": boolean, "updatedAt", "updatedBy" }`; `seeded`: never saved, the names come from WHATSAPP_TEMPLATES',
    },
    tag: 'Settings',
  },
  {
    method: 'put',
    path: '/api/settings/whatsapp-templates',
    summary: 'Replace the WhatsApp templates, or with `null` go back to WHATSAPP_TEMPLATES (admins; audited)',
    auth: 'user',
    permission: 'settings:manage',
    body: whatsappTemplatesBodySchema,
    responses: {
      200: 'The setting as GET returns it',
      400: 'A template is wrong: the message names it and the field (`templates.1.params.0.value: Give the link`)',
    },
    tag: 'Settings',
  },
  {
    method: 'get',
    path: '/api/settings/alert-rules',
    summary: 'The alert rules and their settings, with the defaults (approvers and admins)',
    auth: 'user',
    permission: 'actions:decide',
    responses: {
      200: '`{ "rules": AlertRules, "defaults": AlertRules, "isDefault": boolean, "updatedAt", "updatedBy", "lowBalanceThreshold": number | null }` (the README lists the rules and their defaults)',
    },
    tag: 'Alerts',
  },
  {
    method: 'put',
    path: '/api/settings/alert-rules',
    summary: 'Set the alert rules (anything left out takes its default), or with `null` go back to every default (admins; audited)',
    auth: 'user',
    permission: 'settings:manage',
    body: alertRulesBodySchema,
    responses: { 200: 'The setting as GET returns it', 400: 'A value out of range: the message names the field (`rules.waitingApproval.minutes: …`)' },
    tag: 'Alerts',
  },
  {
    method: 'get',
    path: '/api/alerts',
    summary: 'Alerts, newest opened first, one keyset page at a time, with the number open (every signed-in role)',
    auth: 'user',
    permission: 'calls:read',
    query: alertListQuerySchema,
    params: {
      state: '`open` (default), `resolved` or `all`.',
      rule: 'Only this rule: waiting_approval, low_credits, provider_refusing, provider_silent, dispatch_failed, missing_events.',
      cursor: "The previous page's `nextCursor`.",
      limit: 'Page size.',
    },
    responses: {
      200: '`{ "alerts": [{ "id", "rule", "subject", "state", "severity", "title", "detail", "link", "facts", "openedAt", "lastTrueAt", "resolvedAt", "acknowledgedAt", "acknowledgedBy" }], "nextCursor": string | null, "counts": { "open": number } }`; 400 `invalid_cursor` for a cursor this API did not issue',
    },
    tag: 'Alerts',
  },
  {
    method: 'post',
    path: '/api/alerts/{id}/acknowledge',
    summary: 'Say someone is on it (approvers and admins; audited); the alert still resolves when its condition ends',
    auth: 'user',
    permission: 'actions:decide',
    pathParams: { id: uuid },
    responses: { 200: '`{ "alert": Alert }`; already acknowledged: as it was (the first person keeps it)', 404: 'No such alert' },
    tag: 'Alerts',
  },
  ...Object.values(PROVIDERS).map((p) => webhook(p.id, p.label)),
  {
    method: 'get',
    path: '/api/webhooks/whatsapp',
    summary: "WhatsApp Cloud API: Meta's subscription handshake",
    auth: 'none',
    query: z.object({ 'hub.mode': z.literal('subscribe'), 'hub.verify_token': z.string(), 'hub.challenge': z.string().max(200) }),
    params: {
      'hub.mode': 'Always `subscribe`.',
      'hub.verify_token': 'Must equal WHATSAPP_VERIFY_TOKEN.',
      'hub.challenge': 'Echoed back as the plain-text body.',
    },
    responses: {
      200: 'The `hub.challenge` value as text/plain',
      403: 'Wrong mode or token, or no WHATSAPP_VERIFY_TOKEN is configured (the reason in `error.message`)',
    },
    tag: 'Webhooks',
  },
  {
    method: 'post',
    path: '/api/webhooks/whatsapp',
    summary: 'WhatsApp Cloud API: customer messages and the statuses of messages Callboard sent',
    auth: 'webhook',
    bodyDescription:
      'Meta\'s `{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{metadata, contacts, messages, statuses}}]}]}`, signed `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` with WHATSAPP_APP_SECRET (comma-separated to rotate). Verified before it is parsed; several entries, changes and business numbers per delivery.',
    responses: {
      ...WEBHOOK_RESPONSES,
      200: 'Stored (`{"ok":true}`), or a repeat of messages and statuses already kept (`"duplicate":true`)',
      202: 'Verified and valid, but processing failed (`{"ok":true,"processed":false}`): kept whole as a `failed` delivery',
      400: 'Verified but not valid JSON (`invalid_json`) or not a WhatsApp Business Account webhook (`invalid_payload`, naming the field)',
      401: 'X-Hub-Signature-256 missing or not matching, or no WHATSAPP_APP_SECRET is configured',
    },
    tag: 'Webhooks',
  },
  cron('dispatch', 'Every minute: send what the outbox holds that is due'),
  cron('alerts', 'Every minute: evaluate the alert rules; open, refresh and resolve alerts and queue their notifications'),
  cron('prune-deliveries', 'Daily: delete deliveries older than DELIVERY_RETENTION_DAYS'),
  cron('prune-auth-attempts', 'Daily: forget sign-in attempts older than a day'),
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness plus a database round trip',
    auth: 'none',
    responses: { 200: '`{ "ok": true, "database": "up" }`' },
    tag: 'Meta',
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', auth: 'none', responses: { 200: 'The OpenAPI 3.1 document' }, tag: 'Meta' },
];
