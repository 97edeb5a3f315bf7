import {
  placeholders,
  renderTemplate,
  type TemplateParam,
  type TemplateParamSource,
  type WhatsappTemplate,
  whatsappTemplatesSchema,
} from '@/lib/whatsapp/templates';

// The Settings editor's working copy of the templates: what the admin is typing, the parameters
// following the body's placeholders, the problems whatsappTemplatesSchema finds (by template and
// field), and the preview with sample values. Pure, so it is tested without a browser.

export interface TemplateDraft {
  /** A key for React only; never saved. */
  key: string;
  name: string;
  language: string;
  body: string;
  /** One per placeholder once the body is known; a removed placeholder's choice is kept for when it comes back. */
  params: { source: TemplateParamSource; value: string }[];
}

// The stored list's keys are their positions, the same on the server and in the browser (the
// editor is rendered on both); a template added in the browser takes the next of its own.
let added = 0;

export function draftsFrom(templates: readonly WhatsappTemplate[]): TemplateDraft[] {
  return templates.map((t, i) => ({
    key: `saved-${i}`,
    name: t.name,
    language: t.language,
    body: t.body,
    params: t.params.map((p) => ({ source: p.source, value: p.value ?? '' })),
  }));
}

export function emptyDraft(language: string): TemplateDraft {
  added += 1;
  return { key: `added-${added}`, name: '', language, body: '', params: [] };
}

/** What {{n}} most often holds in a message after a call, in the order templates usually use them. */
const USUAL_SOURCES: TemplateParamSource[] = ['customer_name', 'order_reference', 'order_total', 'order_items'];

/** The parameters a body needs: the ones already chosen, then a usual source for each new placeholder. */
export function paramsFor(body: string, params: TemplateDraft['params']): TemplateDraft['params'] {
  const count = placeholders(body).length;
  const kept = params.slice(0, count);
  for (let i = kept.length; i < count; i++) kept.push(params[i] ?? { source: USUAL_SOURCES[i] ?? 'text', value: '' });
  return kept;
}

/** The template as saved: a value only for the sources that take one, and exactly one parameter per placeholder. */
export function templateOf(draft: TemplateDraft): WhatsappTemplate {
  const params: TemplateParam[] = paramsFor(draft.body, draft.params).map((p) =>
    p.source === 'link' || p.source === 'text' ? { source: p.source, value: p.value } : { source: p.source },
  );
  return { name: draft.name, language: draft.language, body: draft.body, params };
}

/** Problems by template index, then by field (`name`, `language`, `body`, `params`, `params.0.value`, …). */
export type DraftProblems = Record<number, Record<string, string>>;

export function draftProblems(drafts: readonly TemplateDraft[]): DraftProblems {
  const parsed = whatsappTemplatesSchema.safeParse(drafts.map(templateOf));
  const problems: DraftProblems = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const [index, ...field] = issue.path;
    if (typeof index !== 'number') continue;
    const byField = problems[index] ?? {};
    byField[field.join('.') || 'name'] ??= issue.message;
    problems[index] = byField;
  }
  return problems;
}

export const problemCount = (problems: DraftProblems) => Object.values(problems).reduce((n, fields) => n + Object.keys(fields).length, 0);

/** Made-up values of each source, so the preview reads as a real message. */
export const SAMPLE_VALUES: Record<Exclude<TemplateParamSource, 'link' | 'text'>, string> = {
  customer_name: 'Asha',
  order_reference: '#1042',
  order_total: '₹1,250.00',
  order_items: '2 × Masala chai, 1 × Samosa',
};
const SAMPLE_CALL_ID = 'c_7f3a9e21';

/** A parameter's sample: the fixed text as typed, the link with the sample call and order filled in. */
export function sampleValue(param: TemplateDraft['params'][number]): string {
  if (param.source === 'text') return param.value.trim();
  if (param.source === 'link')
    return param.value.trim().replaceAll('{call_id}', SAMPLE_CALL_ID).replaceAll('{order_reference}', SAMPLE_VALUES.order_reference.slice(1));
  return SAMPLE_VALUES[param.source];
}

/** The message as a customer would read it, with the sample values ({{n}} left showing where a link or text is still missing). */
export function previewOf(draft: TemplateDraft): string {
  return renderTemplate(
    draft.body,
    paramsFor(draft.body, draft.params).map((p, i) => sampleValue(p) || `{{${i + 1}}}`),
  );
}
