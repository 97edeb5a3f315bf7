'use client';
import { type FormEvent, startTransition, useActionState, useId, useRef, useState } from 'react';
import { ActionResult } from '@/components/action-result';
import { type SetWhatsappTemplatesResult, setWhatsappTemplatesAction } from '@/lib/server-actions/set-whatsapp-templates';
import { TEMPLATE_PARAM_SOURCE_LABELS, TEMPLATE_PARAM_SOURCES, type TemplateParamSource, type WhatsappTemplate } from '@/lib/whatsapp/templates';
import {
  type DraftProblems,
  draftProblems,
  draftsFrom,
  emptyDraft,
  paramsFor,
  previewOf,
  problemCount,
  type TemplateDraft,
  templateOf,
} from './whatsapp-template-draft';
import { WhatsappTemplatePreview } from './whatsapp-template-preview';

// The admin's editor: add, edit and remove templates, choose what fills each {{n}}, see the
// message with sample values as it is typed. What is wrong is said beside its field once they try
// to save (whatsappTemplatesSchema, the API's own check), and clears as they fix it.

const inputClass = 'mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';
const invalidClass = 'border-red-600 ring-1 ring-red-600';
const buttonClass = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';
const LINK_HINT = '{call_id} and {order_reference} are filled in';

const savedJson = (drafts: readonly TemplateDraft[]) => JSON.stringify(drafts.map(templateOf));

/** `stored` names what the database holds (when it was saved, and the list): when it changes, the editor starts again from it. */
export function WhatsappTemplatesForm({ templates, seeded, stored }: { templates: WhatsappTemplate[]; seeded: boolean; stored: string }) {
  const [result, save, pending] = useActionState<SetWhatsappTemplatesResult | null, FormData>(setWhatsappTemplatesAction, null);
  const [drafts, setDrafts] = useState<TemplateDraft[]>(() => draftsFrom(templates));
  const [initial, setInitial] = useState(() => savedJson(drafts));
  const [checked, setChecked] = useState(false);
  // After a save the page comes back with the stored list: show it (the form itself stays, with its message).
  const [syncedWith, setSyncedWith] = useState(stored);
  if (syncedWith !== stored) {
    const fresh = draftsFrom(templates);
    setSyncedWith(stored);
    setDrafts(fresh);
    setInitial(savedJson(fresh));
    setChecked(false);
  }
  const [confirmReset, setConfirmReset] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const problems: DraftProblems = checked ? draftProblems(drafts) : {};
  const count = problemCount(problems);
  const dirty = savedJson(drafts) !== initial;

  const update = (key: string, change: (d: TemplateDraft) => TemplateDraft) => setDrafts((all) => all.map((d) => (d.key === key ? change(d) : d)));
  const add = () => {
    const draft = emptyDraft(drafts.at(-1)?.language || 'en');
    setDrafts((all) => [...all, draft]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>(`[data-key="${draft.key}"] input`)?.focus());
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (problemCount(draftProblems(drafts)) > 0) {
      setChecked(true);
      // Take the admin to the first thing to fix, once React has marked it.
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const data = new FormData();
    data.set('templates', JSON.stringify(drafts.map(templateOf)));
    startTransition(() => save(data));
  };

  const reset = () => {
    const data = new FormData();
    data.set('reset', '1');
    setConfirmReset(false);
    startTransition(() => save(data));
  };

  return (
    <form onSubmit={submit} className="mt-4 space-y-4" aria-label="WhatsApp templates" noValidate>
      {seeded && templates.length > 0 && (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          These names come from WHATSAPP_TEMPLATES, with no body and no parameters. Give each its body as approved in WhatsApp Manager, then save: from then on
          this list is the one approvers pick from.
        </p>
      )}
      <div ref={listRef} className="space-y-4">
        {drafts.length === 0 && (
          <p className="text-sm text-slate-500">No templates. Approvers can then only send free text, inside the customer&apos;s 24 hours.</p>
        )}
        {drafts.map((draft, index) => (
          <TemplateEditor
            key={draft.key}
            draft={draft}
            index={index}
            problems={problems[index] ?? {}}
            onChange={(change) => update(draft.key, change)}
            onRemove={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={add} className={buttonClass}>
          Add a template
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save templates'}
        </button>
        {dirty && !pending && <span className="text-xs text-slate-500">Unsaved changes</span>}
      </div>
      {count > 0 && (
        <p role="alert" className="text-sm text-red-700">
          Fix the {count === 1 ? 'field' : `${count} fields`} marked above before saving.
        </p>
      )}
      <ActionResult result={result} size="sm" />
      {!seeded && (
        <div className="border-t border-slate-200 pt-3 text-sm">
          {confirmReset ? (
            <p className="flex flex-wrap items-center gap-2">
              <span>Drop this list and go back to the WHATSAPP_TEMPLATES names?</span>
              <button type="button" onClick={reset} disabled={pending} className={`${buttonClass} text-red-700`}>
                Yes, drop it
              </button>
              <button type="button" onClick={() => setConfirmReset(false)} className={buttonClass}>
                Keep it
              </button>
            </p>
          ) : (
            <button type="button" onClick={() => setConfirmReset(true)} className="text-slate-600 underline hover:text-slate-900">
              Go back to the WHATSAPP_TEMPLATES names
            </button>
          )}
        </div>
      )}
    </form>
  );
}

function TemplateEditor({
  draft,
  index,
  problems,
  onChange,
  onRemove,
}: {
  draft: TemplateDraft;
  index: number;
  problems: Record<string, string>;
  onChange: (change: (d: TemplateDraft) => TemplateDraft) => void;
  onRemove: () => void;
}) {
  const uid = useId();
  const params = paramsFor(draft.body, draft.params);
  const errorId = (field: string) => `${uid}-${field}-error`;
  /** Props that tie an input to its error: marked invalid, described by the words beside it. */
  const described = (field: string, hint?: string) => {
    const ids = [problems[field] ? errorId(field) : null, hint ?? null].filter(Boolean).join(' ');
    return {
      id: `${uid}-${field}`,
      'aria-invalid': Boolean(problems[field]),
      ...(ids ? { 'aria-describedby': ids } : {}),
      className: `${inputClass} ${problems[field] ? invalidClass : ''}`,
    };
  };
  const setParam = (i: number, change: Partial<TemplateDraft['params'][number]>) =>
    onChange((d) => {
      const next = paramsFor(d.body, d.params);
      const current = next[i];
      if (current) next[i] = { ...current, ...change };
      return { ...d, params: [...next, ...d.params.slice(next.length)] };
    });
  const title = draft.name.trim() || `new template ${index + 1}`;

  return (
    <fieldset className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="template-editor" data-key={draft.key}>
      <legend className="sr-only">Template {title}</legend>
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium">
          <span className="font-mono">{title}</span>
        </p>
        <button type="button" onClick={onRemove} className="text-sm text-slate-600 underline hover:text-red-700" aria-label={`Remove ${title}`}>
          Remove
        </button>
      </div>
      <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_9rem]">
        <div className="text-xs text-slate-600">
          <label htmlFor={`${uid}-name`}>Name in WhatsApp Manager</label>
          <input
            {...described('name')}
            value={draft.name}
            onChange={(e) => onChange((d) => ({ ...d, name: e.target.value }))}
            placeholder="address_needed"
            autoComplete="off"
            spellCheck={false}
          />
          <FieldError id={errorId('name')} message={problems.name} />
        </div>
        <div className="text-xs text-slate-600">
          <label htmlFor={`${uid}-language`}>Language</label>
          <input
            {...described('language')}
            value={draft.language}
            onChange={(e) => onChange((d) => ({ ...d, language: e.target.value }))}
            placeholder="en_US"
            autoComplete="off"
            spellCheck={false}
          />
          <FieldError id={errorId('language')} message={problems.language} />
        </div>
      </div>
      <div className="mt-3 text-xs text-slate-600">
        <label htmlFor={`${uid}-body`}>Body, exactly as approved</label>
        <textarea
          {...described('body', `${uid}-body-hint`)}
          value={draft.body}
          // The parameters follow the body (paramsFor): a placeholder removed and typed again keeps its choice.
          onChange={(e) => onChange((d) => ({ ...d, body: e.target.value }))}
          rows={3}
          placeholder="Hi {{1}}, we need your delivery address for order {{2}}. Reply to this message with it."
        />
        <span id={`${uid}-body-hint`} className="mt-0.5 block text-xs text-slate-500">
          {'{{1}}'}, {'{{2}}'} … in order, none skipped · {draft.body.length}/1024
        </span>
        <FieldError id={errorId('body')} message={problems.body} />
      </div>
      {params.length > 0 && (
        <fieldset className="mt-3">
          <legend className="text-xs font-medium text-slate-600">What fills each placeholder</legend>
          <div className="mt-1 space-y-2">
            {params.map((param, i) => {
              const field = `params.${i}.value`;
              const takesValue = param.source === 'link' || param.source === 'text';
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a parameter is its position
                <div key={i} className="grid grid-cols-[2.5rem_1fr] items-start gap-2 sm:grid-cols-[2.5rem_11rem_1fr]" data-testid="template-param">
                  <label htmlFor={`${uid}-source-${i}`} className="pt-2 font-mono text-xs text-slate-700">{`{{${i + 1}}}`}</label>
                  <select
                    id={`${uid}-source-${i}`}
                    value={param.source}
                    onChange={(e) => setParam(i, { source: e.target.value as TemplateParamSource })}
                    className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  >
                    {TEMPLATE_PARAM_SOURCES.map((source) => (
                      <option key={source} value={source}>
                        {TEMPLATE_PARAM_SOURCE_LABELS[source]}
                      </option>
                    ))}
                  </select>
                  {takesValue && (
                    <div className="col-start-2 sm:col-start-3">
                      <input
                        {...described(field, param.source === 'link' ? `${uid}-link-hint-${i}` : undefined)}
                        aria-label={param.source === 'link' ? `Link for {{${i + 1}}}` : `Text for {{${i + 1}}}`}
                        value={param.value}
                        onChange={(e) => setParam(i, { value: e.target.value })}
                        placeholder={param.source === 'link' ? 'https://shop.example/address/{order_reference}' : 'the same words every time'}
                        spellCheck={param.source === 'text'}
                      />
                      {param.source === 'link' && (
                        <span id={`${uid}-link-hint-${i}`} className="mt-0.5 block text-xs text-slate-500">
                          {LINK_HINT}
                        </span>
                      )}
                      <FieldError id={errorId(field)} message={problems[field]} />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      {problems.params && <FieldError id={errorId('params')} message={problems.params} />}
      <WhatsappTemplatePreview text={previewOf(draft)} label="Preview with sample values" />
    </fieldset>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-0.5 block text-xs text-red-700" data-testid="field-error">
      {message}
    </span>
  );
}
