import type { DetailsProps } from '../types';
import { obj, words } from '../values';
import { formatMoney, orderLines, orderTotals } from './order-math';

// What the customer agreed to: lines, totals, payment and where it goes. Shared by the queue
// and the action's page; renders masked data as it comes (viewers see the city only).

export function OrderDetails({ payload, currency }: Pick<DetailsProps, 'payload' | 'currency'>) {
  const lines = orderLines(payload);
  const totals = orderTotals(payload);
  const address = obj(payload.shippingAddress);
  const discount = obj(payload.discount);
  const join = (parts: unknown[], separator: string) => parts.filter((p) => typeof p === 'string' && p).join(separator);
  const addressLines = [
    join([address.firstName, address.lastName], ' '),
    join([address.address1], ''),
    join([address.address2], ''),
    join([address.city, address.province, address.zip], ', '),
    join([address.country], ''),
    join([address.phone], ''),
  ].filter(Boolean);
  return (
    // Sized by its container, not the screen: three columns in the queue's wide card, stacked in
    // the call page's side column and on a phone.
    <div className="@container">
      <div className="grid gap-4 text-sm @2xl:grid-cols-[2fr_1fr_1fr]" data-testid="order-details">
        <table className="w-full self-start">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 font-medium">Item</th>
              <th className="py-1 pl-2 text-right font-medium">Qty</th>
              <th className="py-1 pl-2 text-right font-medium">Price</th>
              <th className="py-1 pl-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line item is its place in the order: variantId is optional and two lines may share one
              <tr key={i} className="border-t border-slate-100">
                <td className="py-1 pr-2">{line.label}</td>
                <td className="py-1 pl-2 text-right tabular-nums" data-testid="line-quantity">
                  {line.quantity}
                </td>
                <td className="py-1 pl-2 text-right tabular-nums">{formatMoney(line.price, currency)}</td>
                <td className="py-1 pl-2 text-right tabular-nums">{formatMoney(line.total, currency)}</td>
              </tr>
            ))}
            {lines.length === 0 && (
              <tr>
                <td colSpan={4} className="py-1 text-red-700">
                  No line items
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 self-start">
          <dt className="text-slate-500">Subtotal</dt>
          <dd className="text-right tabular-nums">{formatMoney(totals.subtotal, currency)}</dd>
          <dt className="text-slate-500">COD charge</dt>
          <dd className="text-right tabular-nums">{formatMoney(totals.codCharge, currency)}</dd>
          {typeof discount.code === 'string' && (
            <>
              <dt className="text-slate-500" title={typeof discount.reason === 'string' ? discount.reason : undefined}>
                Discount {discount.code}
              </dt>
              <dd className="text-right tabular-nums">{totals.discount !== null ? `−${formatMoney(totals.discount, currency)}` : '—'}</dd>
            </>
          )}
          <dt className="font-medium">Cart total</dt>
          <dd className="text-right font-medium tabular-nums">{formatMoney(totals.cartTotal, currency)}</dd>
          <dt className="text-slate-500">Payment</dt>
          <dd className="text-right uppercase">{typeof payload.paymentMode === 'string' ? words(payload.paymentMode) : '—'}</dd>
        </dl>
        <div className="self-start">
          <p className="text-xs uppercase tracking-wide text-slate-500">Ship to</p>
          <address className="not-italic" data-testid="ship-to">
            {addressLines.length ? (
              addressLines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the address's lines in order; two may read the same
                <span key={i} className="block">
                  {line}
                </span>
              ))
            ) : (
              <span className="text-red-700">No address</span>
            )}
          </address>
          {typeof payload.note === 'string' && payload.note && <p className="mt-1 text-slate-600">Note: {payload.note}</p>}
        </div>
      </div>
    </div>
  );
}
