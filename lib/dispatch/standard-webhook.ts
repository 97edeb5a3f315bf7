import type { Destination, OutboxMessage } from '@/lib/action-kinds/destination';
import { actionKind } from '@/lib/action-kinds/registry';
import type { DispatchConfig, StandardWebhookTarget } from './config';
import { exchange, fromFailure, fromStatus, parseJson } from './http';
import { standardWebhookHeaders } from './signing';

// A generic HTTPS endpoint of the team's own, signed the Standard Webhooks way. The webhook-id
// (our outbox id) is the receiver's idempotency key; we still cannot ask it whether an attempt
// that timed out arrived, so such an attempt becomes needs_check rather than a possible duplicate.
// The event type is the kind's (order.create, whatsapp.send, ...).

export function webhookBody(message: OutboxMessage, now: Date = new Date()): string {
  return JSON.stringify({
    type: actionKind(message.kind)?.webhook.type ?? message.kind,
    timestamp: now.toISOString(),
    data: {
      idempotencyKey: message.id,
      action: {
        id: message.actionId,
        kind: message.kind,
        reason: message.reason,
        provider: message.provider,
        callId: message.callId,
        providerCallId: message.providerCallId,
      },
      payload: message.payload,
    },
  });
}

export function standardWebhookDestination(target: StandardWebhookTarget, config: DispatchConfig): Destination {
  return {
    async send(message) {
      const now = new Date();
      const body = webhookBody(message, now);
      const ex = await exchange(
        target.url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Callboard-Dispatch/1',
            'idempotency-key': message.id,
            ...standardWebhookHeaders(target.secret, message.id, body, now),
          },
          body,
        },
        config,
      );
      if (ex.kind !== 'response') return fromFailure(ex);
      const json = parseJson(ex.text) as { id?: unknown } | null;
      return fromStatus(ex, typeof json?.id === 'string' ? json.id : null);
    },
  };
}
