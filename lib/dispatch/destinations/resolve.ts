import type { DestinationName, DispatchConfig } from '../config';
import type { Destination } from '../types';
import { shopifyDestination } from './shopify';
import { standardWebhookDestination } from './standard-webhook';
import { whatsappCloudDestination } from './whatsapp-cloud';

/** The sender for an outbox row, or null when this server has no such destination configured. */
export function resolveDestination(name: string, kind: string, config: DispatchConfig): Destination | null {
  switch (name as DestinationName) {
    case 'shopify':
      return config.shopify ? shopifyDestination(config.shopify, config) : null;
    case 'whatsapp_cloud':
      return config.whatsappCloud ? whatsappCloudDestination(config.whatsappCloud, config) : null;
    case 'standard_webhook': {
      const target = kind === 'create_order' ? config.orderWebhook : kind === 'send_whatsapp' ? config.whatsappWebhook : null;
      return target ? standardWebhookDestination(target, config) : null;
    }
    default:
      return null;
  }
}
