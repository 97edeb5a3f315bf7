import { AppError } from '@/lib/http/errors';
import type { PlanContext } from '../types';
import { priceOrder } from './order-total';
import type { CreateOrderPayload } from './schema';

/**
 * What approving an order sends. Amounts are in the store's currency: an order the agent quoted
 * in another currency is refused (Callboard converts nothing). To Shopify, the agreed total
 * must be one Shopify can total exactly (order-total.ts), else it is refused with the reason;
 * the team's own endpoint gets the total as sent, with `currency` (ORDER_CURRENCY) beside it.
 * A 400 here means "fix it, then approve".
 */
export function planOrder({ payload, destination, config, validate }: PlanContext): { payload: Record<string, unknown>; template: null } {
  const out = validate(payload);
  const quoted = typeof out.currency === 'string' && out.currency.trim() ? out.currency.trim().toUpperCase() : null;
  if (quoted && quoted !== config.currency)
    throw new AppError(
      400,
      'invalid_payload',
      `This order was agreed in ${quoted}, but the store sells in ${config.currency} (ORDER_CURRENCY); change the amounts to ${config.currency} first`,
    );
  if (destination === 'shopify') {
    const pricing = priceOrder(out as CreateOrderPayload);
    if (!pricing.ok) throw new AppError(400, 'invalid_payload', `Shopify cannot carry this order's total exactly: ${pricing.reason}`);
    return { payload: quoted ? { ...out, currency: quoted } : out, template: null };
  }
  return { payload: destination ? { ...out, currency: config.currency } : out, template: null };
}
