import { defaultWhatsappMessage, describeWindow, type ServiceWindow, serviceWindow } from '@/lib/action-kinds/send-whatsapp/message';
import {
  type ChosenTemplate,
  chooseTemplate,
  defaultParameters,
  findTemplate,
  startingTemplate,
  type TemplateFacts,
} from '@/lib/action-kinds/send-whatsapp/parameters';
import { renderTemplate, type WhatsappTemplate } from '@/lib/whatsapp/templates';
import type { DetailsProps, KindContext } from '../types';
import { obj, str, words } from '../values';

// A WhatsApp action: to whom, why, which applies (free text inside the customer's service
// window, 24 hours from their last message to us; a template outside it) and exactly what the
// customer will read.

export const NO_FACTS: TemplateFacts = { callId: null, customerName: null, orderReference: null, orderTotal: null, orderItems: null };

export interface WhatsappView {
  number: string | null;
  reason: string | null;
  /** The free text: the payload's, else the reason's message. */
  message: string;
  window: ServiceWindow;
  /** Free text may go (the window is open). */
  freeTextAllowed: boolean;
  /** "Window open, 5h 0m left: free text allowed" / "Template required: the customer has not written". */
  windowText: string;
  /** A template the payload already carries (an edit, or what was approved). */
  template: { name: string; language: string | null; parameters: string[] | null; text: string | null } | null;
}

/** Which applies, in words. */
export function windowWords(window: ServiceWindow): string {
  if (window.state === 'never_opened') return 'Template required: the customer has not written';
  return window.open ? `Window ${describeWindow(window)}: free text allowed` : `Template required: the window ${describeWindow(window)}`;
}

export function whatsappView(ctx: Pick<KindContext, 'payload' | 'reason' | 'lastInboundAt' | 'now' | 'fallbackNumber'>): WhatsappView {
  const { payload, reason } = ctx;
  const window = serviceWindow(ctx.lastInboundAt, new Date(ctx.now));
  const name = typeof payload.name === 'string' ? payload.name : null;
  const t = obj(payload.template);
  const template = str(t.name)
    ? {
        name: String(t.name),
        language: str(t.language),
        parameters: Array.isArray(t.parameters) ? t.parameters.map(String) : null,
        text: str(t.text),
      }
    : null;
  return {
    number: typeof payload.number === 'string' && payload.number ? payload.number : ctx.fallbackNumber,
    reason,
    message: typeof payload.message === 'string' && payload.message ? payload.message : defaultWhatsappMessage(reason, name),
    window,
    freeTextAllowed: window.open,
    windowText: windowWords(window),
    template,
  };
}

/** The template the queue starts with outside the window: the first the call fills completely, else the first. */
export function firstTemplate(ctx: Pick<KindContext, 'templates' | 'templateFacts'>, avoid?: string | null): string {
  return startingTemplate(ctx.templates, ctx.templateFacts ?? NO_FACTS, avoid)?.name ?? '';
}

/** The template by name made exact with the values from the call, or why it cannot go yet. */
export function chosenTemplate(ctx: Pick<KindContext, 'templates' | 'templateFacts'>, name: string): ChosenTemplate | null {
  return name ? chooseTemplate(ctx.templates, name, ctx.templateFacts ?? NO_FACTS) : null;
}

/** The template as the customer would read it with these values; an empty value shows its {{n}}. */
export function previewTemplate(template: WhatsappTemplate, values: readonly string[]): string {
  if (!template.body) return `Template ${template.name} (${template.language}): its words are not on Settings yet`;
  return renderTemplate(
    template.body,
    values.map((v, i) => (v.trim() ? v.trim() : `{{${i + 1}}}`)),
  );
}

function templateText(ctx: Pick<KindContext, 'templates' | 'templateFacts'>, name: string, parameters: string[] | null): string {
  const template = findTemplate(ctx.templates, name);
  return template ? previewTemplate(template, parameters ?? defaultParameters(template, ctx.templateFacts ?? NO_FACTS)) : `Template ${name}`;
}

/** The message as the customer's phone shows it. */
export function Bubble({ text, testId = 'whatsapp-message' }: { text: string; testId?: string }) {
  return (
    <p className="whitespace-pre-wrap break-words rounded-md rounded-tl-none bg-emerald-50 px-3 py-2 text-slate-800 shadow-sm" data-testid={testId}>
      {text}
    </p>
  );
}

/** The queue's template picker, with what the customer will read. */
function TemplatePicker({ template, ctx }: { template: NonNullable<DetailsProps['template']>; ctx: KindContext }) {
  const chosen = chosenTemplate(ctx, template.value);
  const found = template.value ? findTemplate(ctx.templates, template.value) : undefined;
  return (
    <div className="space-y-2" data-testid="template-choice">
      <label className="block text-xs text-slate-700">
        Template
        <select
          value={template.value}
          disabled={template.disabled}
          onChange={(e) => template.onChange(e.target.value)}
          className="ml-2 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">Choose…</option>
          {ctx.templates.map((t) => (
            <option key={`${t.name}:${t.language}`} value={t.name}>
              {t.name} ({t.language})
            </option>
          ))}
        </select>
      </label>
      {ctx.templates.length === 0 && <p className="text-xs text-red-700">No templates are configured: an admin adds them on Settings.</p>}
      {found && <Bubble text={previewTemplate(found, defaultParameters(found, ctx.templateFacts ?? NO_FACTS))} testId="template-preview" />}
      {chosen && !chosen.ok && (
        <p className="text-xs text-amber-800" data-testid="template-problem">
          {chosen.message}: use Edit.
        </p>
      )}
    </div>
  );
}

export function WhatsappDetails(props: DetailsProps) {
  const { destination, template } = props;
  const view = whatsappView(props);
  // Outside the window, with something to send, the queue chooses a template here.
  const picking = template !== undefined && !view.freeTextAllowed && Boolean(destination) && !view.template;
  return (
    <div className="grid gap-3 text-sm md:grid-cols-[1fr_2fr]" data-testid="whatsapp-details">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 self-start">
        <dt className="text-slate-500">To</dt>
        <dd className="break-all font-mono">{view.number ?? <span className="text-red-700">no number</span>}</dd>
        <dt className="text-slate-500">Reason</dt>
        <dd>{view.reason ? words(view.reason) : '—'}</dd>
        <dt className="text-slate-500">Window</dt>
        <dd className={view.freeTextAllowed ? 'text-green-800' : 'text-amber-800'} data-testid="service-window">
          {view.windowText}
        </dd>
      </dl>
      <div className="min-w-0 space-y-1">
        {view.template ? (
          <>
            <p className="text-xs uppercase tracking-wide text-slate-500">
              Template {view.template.name}
              {view.template.language ? ` (${view.template.language})` : ''}
            </p>
            <Bubble text={view.template.text ?? templateText(props, view.template.name, view.template.parameters)} />
          </>
        ) : picking ? (
          <TemplatePicker template={template} ctx={props} />
        ) : (
          <>
            <p className="text-xs uppercase tracking-wide text-slate-500">{view.freeTextAllowed ? 'Message' : 'Message (free text: only inside the window)'}</p>
            <Bubble text={view.message} />
          </>
        )}
      </div>
    </div>
  );
}
