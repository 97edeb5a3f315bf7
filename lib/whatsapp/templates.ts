import { z } from 'zod';

// WhatsApp message templates as the team configures them on Settings: Meta's name and language,
// the body text exactly as approved in WhatsApp Manager with {{1}}…{{n}}, and for each parameter
// where its value comes from. Stored as the team setting `whatsapp_templates`
// (lib/whatsapp/templates-store.ts); WHATSAPP_TEMPLATES seeds the list until an admin saves one.
// Pure: the schema, the placeholders, and rendering the message exactly as the customer reads it.

/** Where a parameter's value comes from, filled when the approver opens the message. */
export const TEMPLATE_PARAM_SOURCES = ['customer_name', 'order_reference', 'order_total', 'order_items', 'link', 'text'] as const;
export type TemplateParamSource = (typeof TEMPLATE_PARAM_SOURCES)[number];

export const TEMPLATE_PARAM_SOURCE_LABELS: Record<TemplateParamSource, string> = {
  customer_name: 'Customer name',
  order_reference: 'Order reference',
  order_total: 'Order total',
  order_items: 'Items',
  link: 'A link',
  text: 'Fixed text',
};

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The body's placeholders in order of number: "{{1}} … {{2}}" → [1, 2]. */
export function placeholders(body: string): number[] {
  const seen = new Set<number>();
  for (const match of body.matchAll(PLACEHOLDER)) seen.add(Number(match[1]));
  return [...seen].sort((a, b) => a - b);
}

/** What is wrong with a body's placeholders, or null: they must be {{1}}…{{n}}, none skipped. */
export function placeholderProblem(body: string): string | null {
  const numbers = placeholders(body);
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] !== i + 1) return `Placeholders must be numbered {{1}} to {{${numbers.length}}} without gaps; found {{${numbers[i]}}}`;
  }
  return null;
}

export const templateParamSchema = z.object({
  source: z.enum(TEMPLATE_PARAM_SOURCES),
  /** link: the URL ({call_id} and {order_reference} are filled in); text: the fixed words. */
  value: z.string().trim().max(1000).optional(),
});
export type TemplateParam = z.infer<typeof templateParamSchema>;

export const whatsappTemplateSchema = z
  .object({
    /** Meta's template name: lower case, digits and underscores. */
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,512}$/, 'must be the template name as in WhatsApp Manager: lower case letters, digits and _'),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a language code such as en or en_US'),
    /** The body as approved by Meta, with {{1}}…{{n}}; empty when not known (a seeded name). */
    body: z.string().max(1024).default(''),
    params: z.array(templateParamSchema).max(20).default([]),
  })
  .superRefine((t, ctx) => {
    const problem = placeholderProblem(t.body);
    if (problem) ctx.addIssue({ code: 'custom', path: ['body'], message: problem });
    // A body with no placeholders (or none known yet) takes no parameters: there is nowhere to put them.
    const count = placeholders(t.body).length;
    if (t.params.length !== count)
      ctx.addIssue({ code: 'custom', path: ['params'], message: `The body has ${count} placeholder(s); say where each comes from (${t.params.length} given)` });
    t.params.forEach((p, i) => {
      if ((p.source === 'link' || p.source === 'text') && !p.value)
        ctx.addIssue({ code: 'custom', path: ['params', i, 'value'], message: p.source === 'link' ? 'Give the link' : 'Give the text' });
    });
  });
export type WhatsappTemplate = z.infer<typeof whatsappTemplateSchema>;

/** The team's list: a template (name and language together) appears once. */
export const whatsappTemplatesSchema = z
  .array(whatsappTemplateSchema)
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      const key = templateKey(t);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${t.name} in ${t.language} is already in the list` });
      seen.add(key);
    });
  });

/** The message as the customer will read it: each {{n}} replaced by the n-th value. */
export function renderTemplate(body: string, values: readonly string[]): string {
  return body.replace(PLACEHOLDER, (whole, n: string) => values[Number(n) - 1] ?? whole);
}

/** A template is named by name and language together (Meta allows one name in several languages). */
export function templateKey(t: Pick<WhatsappTemplate, 'name' | 'language'>): string {
  return `${t.name}:${t.language}`;
}
