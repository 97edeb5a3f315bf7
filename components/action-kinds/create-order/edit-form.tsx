'use client';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { createOrderPayload } from '@/lib/action-kinds/create-order/schema';
import { EditShell, inputClass } from '../edit-shell';
import type { EditProps } from '../types';
import { ADDRESS_FIELDS, type DraftLine, draftFrom, draftPayload, draftTotals, isUnpriced, newLineKey, type OrderDraft, plainProblems } from './order-draft';
import { formatMoney } from './order-math';

// Everything a COD confirmation may change: lines (add, remove, quantity, unit price), discount,
// COD charge, payment mode, note and address. The totals follow as the approver types; what is
// wrong is said beside its field once they try to save, and clears as they fix it.

const numberClass = 'mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-right tabular-nums';
const invalidClass = 'border-red-600 ring-1 ring-red-600';
const TOP_LEVEL: Record<string, string> = { email: 'Email', phone: 'Customer phone', lines: 'Lines', order: 'Order' };

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-0.5 block text-xs text-red-700" data-testid="field-error">
      {message}
    </span>
  );
}

export function EditOrderForm({ payload, currency, busy, onSubmit, onCancel }: EditProps) {
  const [draft, setDraft] = useState<OrderDraft>(() => draftFrom(payload));
  const [checked, setChecked] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const uid = useId();
  const problems = checked ? plainProblems(draft, currency) : {};
  const totals = draftTotals(draft);
  const unpriced = isUnpriced(draft);
  const money = (n: number | null) => formatMoney(n, currency);

  const update = (change: (d: OrderDraft) => OrderDraft) => setDraft((d) => change(d));
  const setLine = (key: string, field: keyof Omit<DraftLine, 'key' | 'rest'>, value: string) =>
    update((d) => ({ ...d, lines: d.lines.map((l) => (l.key === key ? { ...l, [field]: value } : l)) }));
  const errorId = (field: string) => `${uid}-${field}-error`;
  /** Props that tie an input to its error: marked invalid, described by the words beside it. */
  const described = (field: string) => ({
    id: `${uid}-${field}`,
    'aria-invalid': Boolean(problems[field]),
    ...(problems[field] ? { 'aria-describedby': errorId(field) } : {}),
  });
  const invalid = (field: string) => (problems[field] ? invalidClass : '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = plainProblems(draft, currency);
    if (Object.keys(found).length > 0) {
      setChecked(true);
      // Take the approver to the first thing to fix, once React has marked it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const parsed = createOrderPayload.safeParse(draftPayload(payload, draft));
    if (!parsed.success) return setChecked(true);
    onSubmit(parsed.data);
  };

  const count = Object.keys(problems).length;
  const general = Object.entries(problems)
    .filter(([key]) => key in TOP_LEVEL)
    .map(([key, message]) => `${TOP_LEVEL[key]}: ${message}`);
  const summary = count > 0 ? [`Fix the ${count === 1 ? 'field' : `${count} fields`} marked above before approving.`, ...general] : [];

  const field = (name: string, label: ReactNode, input: ReactNode) => (
    <div className="text-xs text-slate-600">
      <label htmlFor={`${uid}-${name}`}>{label}</label>
      {input}
      <FieldError id={errorId(name)} message={problems[name]} />
    </div>
  );

  return (
    <EditShell title="Edit order" problems={summary} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <div ref={formRef} className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="mb-1 font-medium">Items</legend>
          <div className="hidden grid-cols-[1fr_5rem_7rem_6rem_5.5rem] gap-2 text-xs uppercase tracking-wide text-slate-500 md:grid" aria-hidden>
            <span>Item</span>
            <span className="text-right">Qty</span>
            <span className="text-right">Unit price</span>
            <span className="text-right">Line total</span>
            <span />
          </div>
          {draft.lines.map((line, i) => {
            const label = line.title.trim() || (line.rest.variantId !== undefined ? `Variant ${String(line.rest.variantId)}` : `new item ${i + 1}`);
            const quantity = Number(line.quantity);
            const price = Number(line.price);
            const lineTotal = line.price.trim() && Number.isFinite(quantity * price) ? quantity * price : null;
            const titleEditable = line.rest.variantId === undefined;
            return (
              <div
                key={line.key}
                className="grid grid-cols-[1fr_5rem_7rem] items-start gap-2 border-t border-slate-200 pt-2 md:grid-cols-[1fr_5rem_7rem_6rem_5.5rem] md:border-0 md:pt-0"
                data-testid="edit-line"
              >
                <div className="col-span-3 md:col-span-1">
                  {titleEditable ? (
                    <>
                      <input
                        value={line.title}
                        onChange={(e) => setLine(line.key, 'title', e.target.value)}
                        aria-label={`Name of item ${i + 1}`}
                        placeholder="Item name"
                        className={`${inputClass} ${invalid(`line.${i}.title`)}`}
                        {...described(`line.${i}.title`)}
                      />
                      <FieldError id={errorId(`line.${i}.title`)} message={problems[`line.${i}.title`]} />
                    </>
                  ) : (
                    <p className="py-1.5">{label}</p>
                  )}
                </div>
                <div>
                  <input
                    value={line.quantity}
                    onChange={(e) => setLine(line.key, 'quantity', e.target.value)}
                    inputMode="numeric"
                    aria-label={`Quantity of ${label}`}
                    className={`${numberClass} ${invalid(`line.${i}.quantity`)}`}
                    {...described(`line.${i}.quantity`)}
                  />
                  <FieldError id={errorId(`line.${i}.quantity`)} message={problems[`line.${i}.quantity`]} />
                </div>
                <div>
                  <input
                    value={line.price}
                    onChange={(e) => setLine(line.key, 'price', e.target.value)}
                    inputMode="decimal"
                    aria-label={`Unit price of ${label}`}
                    placeholder={line.added ? 'price' : 'not given'}
                    className={`${numberClass} ${invalid(`line.${i}.price`)}`}
                    {...described(`line.${i}.price`)}
                  />
                  <FieldError id={errorId(`line.${i}.price`)} message={problems[`line.${i}.price`]} />
                </div>
                <p className="py-1.5 text-right tabular-nums" data-testid="edit-line-total">
                  {money(lineTotal)}
                </p>
                <button
                  type="button"
                  onClick={() => update((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== line.key) }))}
                  disabled={draft.lines.length <= 1}
                  title={draft.lines.length <= 1 ? 'An order keeps at least one line' : undefined}
                  aria-label={`Remove ${label}`}
                  className="col-span-2 justify-self-end rounded border border-slate-300 px-2 py-1 text-xs hover:bg-white disabled:opacity-40 md:col-span-1 md:justify-self-stretch"
                >
                  Remove
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => update((d) => ({ ...d, lines: [...d.lines, { key: newLineKey(), title: '', quantity: '1', price: '', rest: {}, added: true }] }))}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-white"
          >
            + Add an item
          </button>
        </fieldset>

        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-2">
            <fieldset>
              <legend className="mb-1 font-medium">Payment</legend>
              <div className="flex flex-wrap gap-4">
                {(
                  [
                    ['cod', 'Cash on delivery'],
                    ['prepaid', 'Prepaid'],
                  ] as const
                ).map(([mode, words]) => (
                  <label key={mode} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={`${uid}-payment`}
                      value={mode}
                      checked={draft.paymentMode === mode}
                      onChange={() => update((d) => ({ ...d, paymentMode: mode }))}
                    />
                    {words}
                  </label>
                ))}
              </div>
            </fieldset>
            {field(
              'codCharge',
              'COD charge',
              <input
                value={draft.paymentMode === 'prepaid' ? '' : draft.codCharge}
                onChange={(e) => update((d) => ({ ...d, codCharge: e.target.value }))}
                disabled={draft.paymentMode === 'prepaid'}
                placeholder={draft.paymentMode === 'prepaid' ? 'none on a prepaid order' : '0'}
                inputMode="decimal"
                className={`${numberClass} ${invalid('codCharge')} disabled:bg-slate-100`}
                {...described('codCharge')}
              />,
            )}
            <div className="grid grid-cols-2 gap-2">
              {field(
                'discount',
                'Discount (amount off)',
                <input
                  value={draft.discount}
                  onChange={(e) => update((d) => ({ ...d, discount: e.target.value }))}
                  disabled={unpriced}
                  placeholder={unpriced ? 'needs prices' : '0'}
                  inputMode="decimal"
                  className={`${numberClass} ${invalid('discount')} disabled:bg-slate-100`}
                  {...described('discount')}
                />,
              )}
              {field(
                'discountCode',
                'Discount code',
                <input
                  value={draft.discountCode}
                  onChange={(e) => update((d) => ({ ...d, discountCode: e.target.value }))}
                  className={`${inputClass} ${invalid('discountCode')}`}
                  {...described('discountCode')}
                />,
              )}
            </div>
          </div>

          <dl
            className="grid grid-cols-[1fr_auto] content-start gap-x-3 gap-y-0.5 rounded border border-slate-200 bg-white p-3"
            aria-live="polite"
            data-testid="edit-totals"
          >
            <dt className="text-slate-500">Subtotal</dt>
            <dd className="text-right tabular-nums">{money(totals.subtotal)}</dd>
            <dt className="text-slate-500">COD charge</dt>
            <dd className="text-right tabular-nums">{money(totals.codCharge)}</dd>
            {draft.otherCharges > 0 && !unpriced && (
              <>
                <dt className="text-slate-500" title="What the agreed total carried beyond the items and the COD charge">
                  Other charges, as quoted
                </dt>
                <dd className="text-right tabular-nums">{money(draft.otherCharges)}</dd>
              </>
            )}
            <dt className="text-slate-500">Discount</dt>
            <dd className="text-right tabular-nums">{totals.discount ? `−${money(totals.discount)}` : money(totals.discount)}</dd>
            <dt className="font-medium">Cart total</dt>
            <dd className="text-right font-medium tabular-nums" data-testid="edit-cart-total">
              {unpriced ? 'as agreed' : money(totals.cartTotal)}
            </dd>
            {unpriced && (
              <dd className="col-span-2 mt-1">
                {field(
                  'cartTotal',
                  'Total the customer agreed',
                  <input
                    value={draft.cartTotal}
                    onChange={(e) => update((d) => ({ ...d, cartTotal: e.target.value }))}
                    inputMode="decimal"
                    className={`${numberClass} ${invalid('cartTotal')}`}
                    {...described('cartTotal')}
                  />,
                )}
                <span className="mt-1 block text-xs text-slate-500">
                  Not every item has a price, so the total is not worked out; give every price to have it follow.
                </span>
              </dd>
            )}
          </dl>
        </div>

        <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-2 md:grid-cols-3">
          <legend className="mb-1 font-medium">Shipping address</legend>
          {ADDRESS_FIELDS.map(([key, label]) => (
            <div key={key}>
              {field(
                `address.${key}`,
                label,
                <input
                  value={draft.address[key]}
                  onChange={(e) => update((d) => ({ ...d, address: { ...d.address, [key]: e.target.value } }))}
                  className={`${inputClass} ${invalid(`address.${key}`)}`}
                  {...described(`address.${key}`)}
                />,
              )}
            </div>
          ))}
        </fieldset>

        {field(
          'note',
          'Order note',
          <textarea
            value={draft.note}
            onChange={(e) => update((d) => ({ ...d, note: e.target.value }))}
            rows={2}
            className={`${inputClass} ${invalid('note')}`}
            {...described('note')}
          />,
        )}
      </div>
    </EditShell>
  );
}
