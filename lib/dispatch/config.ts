import { ACTION_KINDS, actionKind } from '@/lib/action-kinds/registry';
import type { ActionKindDefinition } from '@/lib/action-kinds/types';
import { ALERT_CHANNELS } from '@/lib/alert-channels/registry';
import type { DispatchConfig, StandardWebhookTarget } from '@/lib/env-dispatch';

// Where each action kind goes on this server, asked of the kinds (lib/action-kinds): a kind's
// own destination when it is configured, else the team's own Standard Webhooks endpoint for it.
// Alerts' notifications go to the configured alert channels (lib/alert-channels). The settings
// themselves are read by the env layer (lib/env-dispatch.ts).

export { type DispatchConfig, dispatchConfig, type StandardWebhookTarget } from '@/lib/env-dispatch';

/** The generic destination every kind may use; the others are a kind's own. */
export const STANDARD_WEBHOOK = 'standard_webhook';

/** shopify | standard_webhook | whatsapp_cloud ...: as stored in dispatch_outbox.destination. */
export type DestinationName = string;

function choose(kind: ActionKindDefinition, config: DispatchConfig): { name: DestinationName; webhook: StandardWebhookTarget | null } | null {
  if (kind.destination?.configured(config)) return { name: kind.destination.name, webhook: null };
  const webhook = kind.webhook.target(config);
  return webhook ? { name: STANDARD_WEBHOOK, webhook } : null;
}

/** The destination an approved action of this kind goes to, or null when none is configured. */
export function destinationFor(kind: string, config: DispatchConfig): DestinationName | null {
  const definition = actionKind(kind);
  return definition ? (choose(definition, config)?.name ?? null) : null;
}

/** Destinations this server can send to: a drainer only claims rows it can deliver. */
export function configuredDestinations(config: DispatchConfig): DestinationName[] {
  const names = new Set<DestinationName>();
  for (const kind of ACTION_KINDS) {
    if (kind.destination?.configured(config)) names.add(kind.destination.name);
    if (kind.webhook.target(config)) names.add(STANDARD_WEBHOOK);
  }
  for (const channel of ALERT_CHANNELS) if (channel.configured(config)) names.add(channel.name);
  return [...names];
}

/** Human words for the queue and the API: where a kind goes, or null when it goes nowhere. */
export function destinationLabel(kind: string, config: DispatchConfig): string | null {
  const definition = actionKind(kind);
  const chosen = definition ? choose(definition, config) : null;
  if (!definition || !chosen) return null;
  return chosen.webhook ? new URL(chosen.webhook.url).host : (definition.destination?.label(config) ?? null);
}

/** Every host a configured destination lives on: the only ones dispatch talks to. */
export function destinationHosts(config: DispatchConfig): string[] {
  const kinds = ACTION_KINDS.flatMap((kind) => {
    const webhook = kind.webhook.target(config);
    return [...(kind.destination?.hosts(config) ?? []), ...(webhook ? [new URL(webhook.url).host] : [])];
  });
  return [...kinds, ...ALERT_CHANNELS.flatMap((channel) => (channel.configured(config) ? channel.hosts(config) : []))];
}
