import type { ShopifyTarget } from '@/lib/env-dispatch';
import type { Destination, ExchangeResponse, Http, LookupResult, SendResult } from '../destination';
import { priceOrder } from './order-total';
import { createOrderPayload } from './schema';
import { keyTag, shopifyOrderInput } from './shopify-order';

// Shopify Admin GraphQL: orderCreate, with our key as a tag. Shopify has no idempotency key for
// orderCreate, but orders are searchable by tag, so every retry first looks for an order an
// earlier attempt may have created, and only creates one when there is none.

const ORDER_CREATE = `mutation CallboardOrderCreate($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) { order { id name } userErrors { field message } }
}`;
const SHOP_CURRENCY = `query CallboardShopCurrency { shop { currencyCode } }`;
const ORDER_LOOKUP = `query CallboardOrderLookup($query: String!) {
  orders(first: 1, query: $query) { nodes { id name } }
}`;

interface GraphqlAnswer {
  data?: {
    orderCreate?: { order?: { id: string; name?: string } | null; userErrors?: { field?: string[] | null; message: string }[] };
    orders?: { nodes?: { id: string }[] };
    shop?: { currencyCode?: string };
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A 200 can still carry GraphQL errors: THROTTLED means later, anything else means never. */
function graphqlErrors(ex: ExchangeResponse, answer: GraphqlAnswer | null): SendResult | null {
  if (!answer) return { outcome: 'failed', httpStatus: ex.status, error: `HTTP ${ex.status}: not JSON` };
  if (!answer.errors?.length) return null;
  const error = answer.errors
    .map((e) => e.message)
    .join('; ')
    .slice(0, 300);
  if (answer.errors.some((e) => e.extensions?.code === 'THROTTLED'))
    return { outcome: 'retry', httpStatus: ex.status, error: `Throttled: ${error}`, retryAfterMs: null };
  return { outcome: 'failed', httpStatus: ex.status, error: `GraphQL: ${error}` };
}

/** The shop's own currency, per shop domain: asked once per process, as it rarely changes. */
const shopCurrencies = new Map<string, string>();

export function shopifyDestination(target: ShopifyTarget, http: Http): Destination {
  const endpoint = `${http.origin(target.domain)}/admin/api/${target.apiVersion}/graphql.json`;
  const post = (query: string, variables: Record<string, unknown>) =>
    http.exchange(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': target.token },
      body: JSON.stringify({ query, variables }),
    });

  return {
    async send(message): Promise<SendResult> {
      const payload = createOrderPayload.safeParse(message.payload);
      if (!payload.success) return { outcome: 'failed', httpStatus: null, error: `Invalid order payload: ${payload.error.issues[0]?.message ?? 'unknown'}` };
      const pricing = priceOrder(payload.data);
      if (!pricing.ok) return { outcome: 'failed', httpStatus: null, error: `Shopify cannot carry this order's total exactly: ${pricing.reason}` };
      // Amounts are in the store's currency: the shop's own, whatever the customer's address.
      let currency = shopCurrencies.get(target.domain);
      if (!currency) {
        const asked = await post(SHOP_CURRENCY, {});
        if (asked.kind !== 'response') {
          const failure = http.fromFailure(asked);
          return failure.outcome === 'retry' ? failure : { outcome: 'retry', httpStatus: null, error: `Shop currency: ${asked.error}`, retryAfterMs: null };
        }
        const code = (http.parseJson(asked.text) as GraphqlAnswer | null)?.data?.shop?.currencyCode;
        if (asked.status < 200 || asked.status >= 300 || !code)
          return { outcome: 'retry', httpStatus: asked.status, error: `Shop currency: HTTP ${asked.status}`, retryAfterMs: null };
        currency = code;
        shopCurrencies.set(target.domain, code);
      }
      const agreed = typeof payload.data.currency === 'string' ? payload.data.currency.toUpperCase() : null;
      if (agreed && agreed !== currency)
        return { outcome: 'failed', httpStatus: null, error: `The order was agreed in ${agreed}, but the shop sells in ${currency}; nothing was created` };
      const order = shopifyOrderInput(payload.data, { key: message.id, actionId: message.actionId, currency });
      const ex = await post(ORDER_CREATE, { order });
      if (ex.kind !== 'response') return http.fromFailure(ex);
      if (ex.status < 200 || ex.status >= 300) return http.fromStatus(ex);
      const answer = http.parseJson(ex.text) as GraphqlAnswer | null;
      const errors = graphqlErrors(ex, answer);
      if (errors) return errors;
      const result = answer?.data?.orderCreate;
      if (result?.userErrors?.length) {
        return {
          outcome: 'failed',
          httpStatus: ex.status,
          error: result.userErrors
            .map((e) => `${e.field?.join('.') ?? ''} ${e.message}`.trim())
            .join('; ')
            .slice(0, 300),
        };
      }
      if (!result?.order?.id) return { outcome: 'failed', httpStatus: ex.status, error: 'orderCreate returned no order' };
      return { outcome: 'sent', httpStatus: ex.status, responseId: result.order.id };
    },

    async lookup(message): Promise<LookupResult> {
      const ex = await post(ORDER_LOOKUP, { query: `tag:"${keyTag(message.id)}"` });
      if (ex.kind !== 'response')
        return { outcome: 'error', httpStatus: null, error: `Lookup: ${ex.error}`, unreached: ex.kind === 'network' && !ex.mayHaveArrived };
      if (ex.status < 200 || ex.status >= 300) return { outcome: 'error', httpStatus: ex.status, error: `Lookup: HTTP ${ex.status}` };
      const answer = http.parseJson(ex.text) as GraphqlAnswer | null;
      if (!answer || answer.errors?.length || !answer.data?.orders)
        return { outcome: 'error', httpStatus: ex.status, error: `Lookup: ${answer?.errors?.[0]?.message ?? 'unexpected answer'}` };
      const found = answer.data.orders.nodes?.[0];
      return found ? { outcome: 'found', responseId: found.id } : { outcome: 'absent' };
    },
  };
}
