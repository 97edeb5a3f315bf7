import type { DispatchConfig } from '@/lib/env-dispatch';
import { emailChannel } from './email';
import { slackChannel } from './slack';
import type { AlertChannel } from './types';

// Every channel an alert's notification can go to besides the app itself. A new channel: its
// file here, its settings in lib/env-dispatch.ts, and one line below.

export const ALERT_CHANNELS: readonly AlertChannel[] = [slackChannel, emailChannel];

const byName = new Map(ALERT_CHANNELS.map((channel) => [channel.name, channel]));

export function alertChannel(name: string): AlertChannel | null {
  return byName.get(name) ?? null;
}

/** The channels configured on this server: a notification is queued for each. */
export function configuredAlertChannels(config: DispatchConfig): string[] {
  return ALERT_CHANNELS.filter((channel) => channel.configured(config)).map((channel) => channel.name);
}
