import type { ActionKindDefinition } from '../types';
import { CREATE_ORDER } from './id';
import { planOrder } from './plan';
import { createOrderPayload } from './schema';
import { shopifyDestination } from './shopify';

// An order the customer agreed to on the call: to Shopify, or to the team's own endpoint.

export const createOrder: ActionKindDefinition = {
  id: CREATE_ORDER,
  words: 'orders',
  settings: 'SHOPIFY_STORE_DOMAIN or ORDER_WEBHOOK_URL',
  payloadSchema: createOrderPayload,
  destination: {
    name: 'shopify',
    configured: (config) => config.shopify !== null,
    label: (config) => `Shopify (${config.shopify?.domain})`,
    hosts: (config) => (config.shopify ? [config.shopify.domain.toLowerCase()] : []),
    sender: (config, http) => (config.shopify ? shopifyDestination(config.shopify, http) : null),
  },
  webhook: { type: 'order.create', target: (config) => config.orderWebhook },
  plan: planOrder,
};
