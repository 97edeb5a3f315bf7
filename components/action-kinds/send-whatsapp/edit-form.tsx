'use client';
import { type FormEvent, useId, useState } from 'react';
import { defaultParameters, findTemplate } from '@/lib/action-kinds/send-whatsapp/parameters';
import { sendWhatsappPayload } from '@/lib/action-kinds/send-whatsapp/schema';
import { placeholders } from '@/lib/whatsapp/templates';
import { EditShell, inputClass, issues, text } from '../edit-shell';
import type { EditProps } from '../types';
import { Bubble, firstTemplate, NO_FACTS, previewTemplate, whatsappView } from './details';
import { ParameterInputs } from './parameter-inputs';

// Edit, then approve: the number, and either free text (only inside the customer's service
// window when something will be sent) or a template with its parameters, prefilled from the call
// and its order and editable, with the message exactly as the customer will read it.

type Mode = 'text' | 'template';

export function EditWhatsappForm({ busy, onSubmit, onCancel, destination, ...ctx }: EditProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const view = whatsappView(ctx);
  const facts = ctx.templateFacts ?? NO_FACTS;
  // Free text is refused outside the window only when it would be sent somewhere.
  const textBlocked = Boolean(destination) && !view.freeTextAllowed;
  const [mode, setMode] = useState<Mode>(view.template || textBlocked ? 'template' : 'text');
  const [name, setName] = useState(view.template?.name ?? (textBlocked ? firstTemplate(ctx) : ''));
  const template = name ? findTemplate(ctx.templates, name, view.template?.name === name ? (view.template.language ?? undefined) : undefined) : undefined;
  const startValues = (t: typeof template) =>
    t ? (view.template?.name === t.name && view.template.parameters ? view.template.parameters : defaultParameters(t, facts)) : [];
  const [values, setValues] = useState<string[]>(() => startValues(template));
  const [message, setMessage] = useState(view.message);
  const id = useId();

  const choose = (next: string) => {
    setName(next);
    setValues(startValues(next ? findTemplate(ctx.templates, next) : undefined));
  };
  const count = template ? placeholders(template.body).length : 0;
  const shown = mode === 'template' ? (template ? previewTemplate(template, values.slice(0, count)) : null) : message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = text(form, 'number');
    if (mode === 'template' && !template) return setProblems(['Choose a template']);
    if (mode === 'template' && template) {
      const empty = values.slice(0, count).findIndex((v) => !v.trim());
      if (empty >= 0) return setProblems([`{{${empty + 1}}} is empty: type what the customer should read there`]);
    }
    const { template: _old, message: _text, ...rest } = ctx.payload;
    const candidate =
      mode === 'template' && template
        ? { ...rest, number, template: { name: template.name, language: template.language, parameters: values.slice(0, count).map((v) => v.trim()) } }
        : { ...rest, number, message };
    const parsed = sendWhatsappPayload.safeParse(candidate);
    if (!parsed.success) return setProblems(issues(parsed.error));
    setProblems([]);
    onSubmit(parsed.data);
  };

  return (
    <EditShell title="Edit WhatsApp message" problems={problems} busy={busy} onCancel={onCancel} onSubmit={submit}>
      <label className="block text-xs text-slate-600">
        Number
        <input name="number" defaultValue={view.number ?? ''} className={inputClass} />
      </label>
      <fieldset className="space-y-1">
        <legend className="text-xs text-slate-600">What goes</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <label className={`flex items-center gap-1.5 ${textBlocked ? 'text-slate-400' : ''}`}>
            <input type="radio" name={`${id}-mode`} checked={mode === 'text'} disabled={textBlocked} onChange={() => setMode('text')} />
            Free text
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-mode`} checked={mode === 'template'} onChange={() => setMode('template')} />
            Template
          </label>
        </div>
        <p className={`text-xs ${view.freeTextAllowed ? 'text-green-800' : 'text-amber-800'}`} data-testid="edit-window">
          {view.windowText}
          {textBlocked ? ': WhatsApp refuses free text until the customer writes (error 131047)' : ''}
        </p>
      </fieldset>

      {mode === 'text' ? (
        <label className="block text-xs text-slate-600">
          Message
          <textarea name="message" value={message} onChange={(e) => setMessage(e.target.value)} rows={3} className={inputClass} />
        </label>
      ) : (
        <div className="space-y-2">
          <label className="block text-xs text-slate-600">
            Template
            <select name="template" value={name} onChange={(e) => choose(e.target.value)} className={inputClass}>
              <option value="">Choose…</option>
              {ctx.templates.map((t) => (
                <option key={`${t.name}:${t.language}`} value={t.name}>
                  {t.name} ({t.language})
                </option>
              ))}
            </select>
          </label>
          {ctx.templates.length === 0 && <p className="text-xs text-red-700">No templates are configured: an admin adds them on Settings.</p>}
          {template && <ParameterInputs template={template} values={values} onChange={setValues} />}
        </div>
      )}
      {shown !== null && (
        <div className="space-y-1">
          <p className="text-xs uppercase tracking-wide text-slate-500">What the customer reads</p>
          <Bubble text={shown} testId="edit-preview" />
        </div>
      )}
    </EditShell>
  );
}
