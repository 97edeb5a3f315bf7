'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { lastWhatsappFailure, templateAnswers } from '@/lib/action-kinds/send-whatsapp/failure';
import { chooseTemplate, defaultParameters, findTemplate } from '@/lib/action-kinds/send-whatsapp/parameters';
import { type ResendResult, resendAsTemplateAction } from '@/lib/server-actions/resend-as-template';
import { explainWhatsappError } from '@/lib/whatsapp/errors';
import { placeholders } from '@/lib/whatsapp/templates';
import type { RecoverProps } from '../types';
import { obj, str } from '../values';
import { Bubble, firstTemplate, NO_FACTS, previewTemplate } from './details';
import { ParameterInputs } from './parameter-inputs';

// The one-click way out of a message WhatsApp refused because it was free text outside the
// customer's service window (131047), or because its template was wrong (132000, 132001): send
// it again as a template, its parameters from the call and its order, the preview shown first.

export function ResendAsTemplate(props: RecoverProps) {
  const router = useRouter();
  const failedLater = props.status === 'failed' && props.messageState === 'failed';
  const failedNow = props.outboxStatus === 'failed';
  const failure = lastWhatsappFailure(failedNow ? props.lastError : null, failedLater ? props.failures : []);
  const sentTemplate = str(obj(props.payload.template).name);
  // The first template the call fills completely; after a wrong template, another one first.
  const facts = props.templateFacts ?? NO_FACTS;
  const [name, setName] = useState(() => firstTemplate(props, sentTemplate));
  const startValues = (next: string) => {
    const t = findTemplate(props.templates, next);
    return t ? defaultParameters(t, facts) : [];
  };
  const [values, setValues] = useState<string[]>(() => startValues(name));
  const [result, resend, sending] = useActionState<ResendResult | null, FormData>(resendAsTemplateAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  // Queued: say so where the button was (the page refreshes to the action's new state).
  if (result?.ok)
    return (
      <section className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm" data-testid="resend-as-template">
        <p role="status" className="text-green-800">
          {result.message}
        </p>
      </section>
    );
  if (!(failedNow || failedLater) || !templateAnswers(failure) || !failure) return null;
  const template = name ? findTemplate(props.templates, name) : undefined;
  const count = template ? placeholders(template.body).length : 0;
  const given = values.slice(0, count);
  const chosen = template ? chooseTemplate(props.templates, { name: template.name, language: template.language, parameters: given }, facts) : null;
  const last = failedLater ? (props.failures.at(-1) as { message?: string; details?: string } | undefined) : undefined;
  const why = failedLater ? explainWhatsappError(failure.code, { metaMessage: last?.message, details: last?.details }) : (props.lastError ?? '');

  return (
    <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50/60 p-4 text-sm" data-testid="resend-as-template">
      <h2 className="font-medium">{failure.handling === 'send_template' ? 'Send it as a template' : 'Send it with another template'}</h2>
      <p className="text-amber-900">{why}</p>
      {props.templates.length === 0 ? (
        <p className="text-red-700">No templates are configured: an admin adds them on Settings.</p>
      ) : (
        <form action={resend} className="space-y-2">
          <input type="hidden" name="id" value={props.id} />
          {template && <input type="hidden" name="template" value={JSON.stringify({ name: template.name, language: template.language, parameters: given })} />}
          <label className="block text-xs text-slate-700">
            Template
            <select
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setValues(startValues(e.target.value));
              }}
              className="ml-2 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
            >
              {props.templates.map((t) => (
                <option key={`${t.name}:${t.language}`} value={t.name}>
                  {t.name} ({t.language})
                </option>
              ))}
            </select>
          </label>
          {template && <ParameterInputs template={template} values={values} onChange={setValues} />}
          {template && <Bubble text={previewTemplate(template, given)} testId="resend-preview" />}
          {chosen && !chosen.ok && <p className="text-xs text-amber-800">{chosen.message}</p>}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={!props.mayDecide || sending || !chosen?.ok}
              title={props.mayDecide ? undefined : 'Needs the approver or admin role'}
              className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
            >
              Re-send as template
            </button>
            {result && (
              <span role="alert" className="text-red-700">
                {result.error}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
