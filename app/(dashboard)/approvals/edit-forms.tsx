'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ZodError } from 'zod';
import { createOrderPayload } from '@/lib/action-kinds/create-order/schema';
import { sendWhatsappPayload } from '@/lib/action-kinds/send-whatsapp/schema';
import { formatMoney, obj, orderLines, repriced, type Json } from './view-model';

// Edit then approve. The forms build the payload the API takes and check it with the very
// schema the API uses, so a mistake is named here, before the server says the same.

const ADDRESS_FIELDS = [
  ['firstName', 'First name'], ['lastName', 'Last name'], ['address1', 'Address'], ['address2', 'Address line 2'],
  ['city', 'City'], ['province', 'State'], ['zip', 'PIN / ZIP'], ['country', 'Country'], ['phone', 'Phone'],
] as const;

const issues = (error: ZodError) => error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function Shell({ title, problems, busy, onCancel, onSubmit, children }: { title: string; problems: string[]; busy: boolean; onCancel: () => void; onSubmit: (e: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} aria-label={title} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="edit-form">
      {children}
      {problems.length > 0 && (
        <ul role="alert" className="list-inside list-disc text-red-700">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40">Save and approve</button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">Cancel</button>
      </div>
    </form>
  );
}

const input = 'mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1';

export function EditOrderForm({ payload, currency, busy, onSubmit, onCancel }: { payload: Json; currency: string; busy: boolean; onSubmit: (payload: Json) => void; onCancel: () => void }) {
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
    <Shell title="Edit order" problems={problems} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <fieldset className="grid grid-cols-2 gap-2 md:grid-cols-3">
        <legend className="mb-1 font-medium">Shipping address</legend>
        {ADDRESS_FIELDS.map(([key, label]) => (
          <label key={key} className="text-xs text-slate-600">
            {label}
            <input name={`address.${key}`} defaultValue={typeof address[key] === 'string' ? String(address[key]) : ''} className={input} />
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">Quantities</legend>
        <p className="text-xs text-slate-500">The cart total follows the quantities, keeping the quoted discount (now {formatMoney(typeof payload.cartTotal === 'number' ? payload.cartTotal : null, currency)}).</p>
        {items.map((item, i) => (
          <label key={i} className="flex items-center gap-2 text-xs text-slate-600">
            <input name={`quantity.${i}`} type="number" min={1} max={999} defaultValue={String(item.quantity ?? 1)} aria-label={`Quantity of ${labels[i]}`} className="w-20 rounded border border-slate-300 bg-white px-2 py-1" />
            {labels[i]}
          </label>
        ))}
      </fieldset>
      <label className="block text-xs text-slate-600">
        Order note
        <textarea name="note" defaultValue={typeof payload.note === 'string' ? payload.note : ''} rows={2} className={input} />
      </label>
    </Shell>
  );
}

export function EditWhatsappForm({ payload, message, busy, onSubmit, onCancel }: { payload: Json; message: string; busy: boolean; onSubmit: (payload: Json) => void; onCancel: () => void }) {
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = sendWhatsappPayload.safeParse({ ...payload, number: text(form, 'number'), message: text(form, 'message') });
    if (!parsed.success) return setProblems(issues(parsed.error));
    setProblems([]);
    onSubmit(parsed.data);
  };
  return (
    <Shell title="Edit WhatsApp message" problems={problems} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <label className="block text-xs text-slate-600">
        Number
        <input name="number" defaultValue={typeof payload.number === 'string' ? payload.number : ''} className={input} />
      </label>
      <label className="block text-xs text-slate-600">
        Message
        <textarea name="message" defaultValue={message} rows={3} className={input} />
      </label>
    </Shell>
  );
}

export function RejectForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  return (
    <form
      aria-label="Reject"
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text(new FormData(event.currentTarget), 'reason'));
      }}
    >
      <label className="min-w-64 flex-1 text-xs text-slate-600">
        Reason for rejecting
        {/* autoFocus: the r shortcut opens this form to type the reason at once. */}
        <input name="reason" required maxLength={1000} autoFocus className={input} />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-600 disabled:opacity-40">Reject</button>
      <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">Cancel</button>
    </form>
  );
}
