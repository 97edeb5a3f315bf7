import type { ActionKindDefinition } from '../types';
import { afterSentWhatsapp, WHATSAPP_CLOUD } from './after-sent';
import { SEND_WHATSAPP } from './id';
import { planWhatsapp } from './plan';
import { sendWhatsappPayload } from './schema';
import { whatsappCloudDestination } from './whatsapp-cloud';

// A WhatsApp message to the customer: to the Cloud API, or to the team's own endpoint.

export const sendWhatsapp: ActionKindDefinition = {
  id: SEND_WHATSAPP,
  words: 'WhatsApp messages',
  settings: 'WHATSAPP_PHONE_NUMBER_ID or WHATSAPP_WEBHOOK_URL',
  payloadSchema: sendWhatsappPayload,
  destination: {
    name: WHATSAPP_CLOUD,
    configured: (config) => config.whatsappCloud !== null,
    label: () => 'WhatsApp Cloud API',
    hosts: (config) => (config.whatsappCloud ? [new URL(config.whatsappCloud.baseUrl).host] : []),
    sender: (config, http) => (config.whatsappCloud ? whatsappCloudDestination(config.whatsappCloud, http) : null),
  },
  webhook: { type: 'whatsapp.send', target: (config) => config.whatsappWebhook },
  plan: planWhatsapp,
  afterSent: afterSentWhatsapp,
};
