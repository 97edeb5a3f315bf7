'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { lastWhatsappFailure, templateAnswers } from '@/lib/action-kinds/send-whatsapp/failure';
import { chooseTemplate, defaultParameters, findTemplate } from '@/lib/action-kinds/send-whatsapp/parameters';
import { type ResendResult, resendAsTemplateAction } from '@/lib/server-actions/resend-as-template';
import { explainWhatsappError } from '@/lib/whatsapp/errors';
import type { RecoverProps } from '../types';
import { obj, str } from '../values';
import { Bubble, NO_FACTS, previewTemplate } from './details';

// The one-click way out of a message WhatsApp refused because it was free text outside the
// customer's service window (131047), or because its template was wrong (132000, 132001): send
// it again as a template, its parameters from the call and its order, the preview shown first.

export function ResendAsTemplate(props: RecoverProps) {
  const router = useRouter();
  const failedLater = props.status === 'failed' && props.messageState === 'failed';
  const failedNow = props.outboxStatus === 'failed';
  const failure = lastWhatsappFailure(failedNow ? props.lastError : null, failedLater ? props.failures : []);
  const sentTemplate = str(obj(props.payload.template).name);
  // A wrong template: start from another one; outside the window: the first one.
  const start = props.templates.find((t) => t.name !== sentTemplate)?.name ?? props.templates[0]?.name ?? '';
  const [name, setName] = useState(start);
  const [result, resend, sending] = useActionState<ResendResult | null, FormData>(resendAsTemplateAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  if (!(failedNow || failedLater) || !templateAnswers(failure) || !failure) return null;
  const facts = props.templateFacts ?? NO_FACTS;
  const template = name ? findTemplate(props.templates, name) : undefined;
  const chosen = name ? chooseTemplate(props.templates, name, facts) : null;
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
          <label className="block text-xs text-slate-700">
            Template
            <select
              name="template"
              value={name}
              onChange={(e) => setName(e.target.value)}
              className="ml-2 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
            >
              {props.templates.map((t) => (
                <option key={`${t.name}:${t.language}`} value={t.name}>
                  {t.name} ({t.language})
                </option>
              ))}
            </select>
          </label>
          {template && <Bubble text={previewTemplate(template, defaultParameters(template, facts))} testId="resend-preview" />}
          {chosen && !chosen.ok && <p className="text-xs text-red-700">{chosen.message}</p>}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={!props.mayDecide || sending || result?.ok === true || !chosen?.ok}
              title={props.mayDecide ? undefined : 'Needs the approver or admin role'}
              className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
            >
              Re-send as template
            </button>
            {result && (
              <span role="status" className={result.ok ? 'text-green-800' : 'text-red-700'}>
                {result.ok ? result.message : result.error}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
