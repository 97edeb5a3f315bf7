'use client';
import { type FormEvent, useState } from 'react';
import { createOrderPayload } from '@/lib/action-kinds/create-order/schema';
import { EditShell, inputClass, issues, text } from '../edit-shell';
import type { EditProps } from '../types';
import { type Json, obj } from '../values';
import { formatMoney, orderLines, repriced } from './order-math';

const ADDRESS_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['address1', 'Address'],
  ['address2', 'Address line 2'],
  ['city', 'City'],
  ['province', 'State'],
  ['zip', 'PIN / ZIP'],
  ['country', 'Country'],
  ['phone', 'Phone'],
] as const;

export function EditOrderForm({ payload, currency, busy, onSubmit, onCancel }: EditProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const address = obj(payload.shippingAddress);
  const items = Array.isArray(payload.lineItems) ? payload.lineItems.map(obj) : [];
  const labels = orderLines(payload).map((l) => l.label);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const edited: Json = {
      ...payload,
      shippingAddress: { ...address, ...Object.fromEntries(ADDRESS_FIELDS.map(([key]) => [key, text(form, `address.${key}`)])) },
      lineItems: items.map((item, i) => ({ ...item, quantity: text(form, `quantity.${i}`) })),
      note: text(form, 'note'),
    };
    const parsed = createOrderPayload.safeParse(edited);
    if (!parsed.success) return setProblems(issues(parsed.error));
    setProblems([]);
    onSubmit(repriced(payload, parsed.data));
  };
  return (
    <EditShell title="Edit order" problems={problems} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <fieldset className="grid grid-cols-2 gap-2 md:grid-cols-3">
        <legend className="mb-1 font-medium">Shipping address</legend>
        {ADDRESS_FIELDS.map(([key, label]) => (
          <label key={key} className="text-xs text-slate-600">
            {label}
            <input name={`address.${key}`} defaultValue={typeof address[key] === 'string' ? String(address[key]) : ''} className={inputClass} />
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">Quantities</legend>
        <p className="text-xs text-slate-500">
          The cart total follows the quantities, keeping the quoted discount (now{' '}
          {formatMoney(typeof payload.cartTotal === 'number' ? payload.cartTotal : null, currency)}).
        </p>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: quantities are edited by position (quantity.0, quantity.1…); a line has no id of its own
          <label key={i} className="flex items-center gap-2 text-xs text-slate-600">
            <input
              name={`quantity.${i}`}
              type="number"
              min={1}
              max={999}
              defaultValue={String(item.quantity ?? 1)}
              aria-label={`Quantity of ${labels[i]}`}
              className="w-20 rounded border border-slate-300 bg-white px-2 py-1"
            />
            {labels[i]}
          </label>
        ))}
      </fieldset>
      <label className="block text-xs text-slate-600">
        Order note
        <textarea name="note" defaultValue={typeof payload.note === 'string' ? payload.note : ''} rows={2} className={inputClass} />
      </label>
    </EditShell>
  );
}
