'use client';
import { type FormEvent, useState } from 'react';
import { sendWhatsappPayload } from '@/lib/action-kinds/send-whatsapp/schema';
import { EditShell, inputClass, issues, text } from '../edit-shell';
import type { EditProps } from '../types';
import { whatsappView } from './details';

export function EditWhatsappForm({ busy, onSubmit, onCancel, ...ctx }: EditProps) {
  const [problems, setProblems] = useState<string[]>([]);
  // The number and words that would go: the call's customer and the reason's message by default.
  const view = whatsappView(ctx.payload, ctx.reason, ctx.windowStart, ctx.now, ctx.fallbackNumber);
  const payload = { ...ctx.payload, number: view.number ?? '' };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = sendWhatsappPayload.safeParse({ ...payload, number: text(form, 'number'), message: text(form, 'message') });
    if (!parsed.success) return setProblems(issues(parsed.error));
    setProblems([]);
    onSubmit(parsed.data);
  };
  return (
    <EditShell title="Edit WhatsApp message" problems={problems} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <label className="block text-xs text-slate-600">
        Number
        <input name="number" defaultValue={payload.number} className={inputClass} />
      </label>
      <label className="block text-xs text-slate-600">
        Message
        <textarea name="message" defaultValue={view.message} rows={3} className={inputClass} />
      </label>
    </EditShell>
  );
}
