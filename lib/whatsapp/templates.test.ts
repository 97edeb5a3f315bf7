import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  placeholderProblem,
  placeholders,
  renderTemplate,
  TEMPLATE_PARAM_SOURCES,
  templateKey,
  whatsappTemplateSchema,
  whatsappTemplatesSchema,
} from './templates';

const ADDRESS = 'Hi {{1}}, we need your address for order {{2}}.';

/** The messages of a failed parse, keyed by path ("body", "params.0.value", "1.name"). */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('placeholders', () => {
  it('are the distinct numbers in the body, in order of number, spaces inside the braces allowed', () => {
    expect(placeholders(ADDRESS)).toEqual([1, 2]);
    expect(placeholders('{{2}} then {{1}} then {{2}} again')).toEqual([1, 2]);
    expect(placeholders('{{ 1 }} and {{1}}')).toEqual([1]);
    expect(placeholders('no parameters')).toEqual([]);
    expect(placeholders('')).toEqual([]);
  });

  it('are only double braces around digits', () => {
    expect(placeholders('{1} {{a}} {{}} {{1.5}} {{-1}} { {1} }')).toEqual([]);
    expect(placeholders('{{{1}}}')).toEqual([1]);
  });

  it('must run from {{1}} without gaps', () => {
    expect(placeholderProblem(ADDRESS)).toBeNull();
    expect(placeholderProblem('')).toBeNull();
    expect(placeholderProblem('{{2}} only')).toMatch(/\{\{1\}\} to \{\{1\}\} without gaps; found \{\{2\}\}/);
    expect(placeholderProblem('{{1}} {{3}}')).toMatch(/found \{\{3\}\}/);
    expect(placeholderProblem('{{0}} {{1}}')).toMatch(/found \{\{0\}\}/);
  });
});

describe('renderTemplate: the message as the customer reads it', () => {
  it('puts the n-th value in every {{n}}', () => {
    expect(renderTemplate(ADDRESS, ['Asha', '#1001'])).toBe('Hi Asha, we need your address for order #1001.');
    expect(renderTemplate('{{1}}, {{1}}!', ['Asha'])).toBe('Asha, Asha!');
    expect(renderTemplate('{{ 2 }} before {{1}}', ['a', 'b'])).toBe('b before a');
  });

  it('leaves a placeholder with no value as written, so a missing parameter shows', () => {
    expect(renderTemplate(ADDRESS, ['Asha'])).toBe('Hi Asha, we need your address for order {{2}}.');
    expect(renderTemplate(ADDRESS, [])).toBe(ADDRESS);
  });

  it('takes values literally: no $ patterns, no second pass over a value', () => {
    expect(renderTemplate('Total {{1}}', ['$& $1 $$'])).toBe('Total $& $1 $$');
    expect(renderTemplate('{{1}} / {{2}}', ['{{2}}', 'x'])).toBe('{{2}} / x');
  });

  it('is the segments and the values in order, whatever they hold (property)', () => {
    const segment = fc.string().map((s) => s.replace(/[{}]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(segment, fc.nat({ max: 9 }))), segment, fc.array(fc.string(), { maxLength: 10 }), (parts, tail, values) => {
        const body = parts.map(([text, n]) => `${text}{{${n + 1}}}`).join('') + tail;
        const expected = parts.map(([text, n]) => text + (values[n] ?? `{{${n + 1}}}`)).join('') + tail;
        expect(renderTemplate(body, values)).toBe(expected);
        expect(placeholders(body)).toEqual([...new Set(parts.map(([, n]) => n + 1))].sort((a, b) => a - b));
      }),
    );
  });

  it('placeholders never throw and are sorted and distinct, for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '1', '2', ' ', 'a') }), (body) => {
        const found = placeholders(body);
        expect([...found].sort((a, b) => a - b)).toEqual(found);
        expect(new Set(found).size).toBe(found.length);
        expect(renderTemplate(body, [])).toBe(body);
      }),
    );
  });
});

describe('whatsappTemplateSchema', () => {
  const good = {
    name: 'address_needed',
    language: 'en_US',
    body: ADDRESS,
    params: [{ source: 'customer_name' }, { source: 'order_reference' }],
  };

  it('takes a template with a body and a source for each placeholder', () => {
    expect(whatsappTemplateSchema.parse(good)).toEqual(good);
    expect(whatsappTemplateSchema.parse({ ...good, name: '  address_needed ', language: ' en ' })).toMatchObject({ name: 'address_needed', language: 'en' });
  });

  it('takes a name alone (a seeded name): no body, no parameters', () => {
    expect(whatsappTemplateSchema.parse({ name: 'order_confirmed', language: 'en' })).toEqual({
      name: 'order_confirmed',
      language: 'en',
      body: '',
      params: [],
    });
  });

  it('says which field is wrong, and how', () => {
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, name: 'Address Needed' }))).toEqual({
      name: expect.stringMatching(/lower case letters, digits and _/),
    });
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, name: '' }))).toHaveProperty('name');
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, name: 'x'.repeat(513) }))).toHaveProperty('name');
    for (const language of ['english', 'EN', 'en-US', 'en_us', ''])
      expect(problems(whatsappTemplateSchema.safeParse({ ...good, language })), language).toEqual({ language: expect.stringMatching(/such as en or en_US/) });
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, body: 'x'.repeat(1025), params: [] }))).toHaveProperty('body');
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, body: 'Hi {{2}}', params: [{ source: 'customer_name' }] }))).toHaveProperty('body');
  });

  it('needs exactly one source per placeholder', () => {
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, params: [{ source: 'customer_name' }] }))).toEqual({
      params: 'The body has 2 placeholder(s); say where each comes from (1 given)',
    });
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, params: [...good.params, { source: 'order_total' }] }))).toHaveProperty('params');
    // A repeated placeholder is one parameter.
    expect(whatsappTemplateSchema.safeParse({ ...good, body: '{{1}} {{1}}', params: [{ source: 'customer_name' }] }).success).toBe(true);
  });

  it('has no parameters without a body to put them in', () => {
    expect(problems(whatsappTemplateSchema.safeParse({ ...good, body: '', params: [{ source: 'customer_name' }] }))).toEqual({
      params: expect.stringMatching(/0 placeholder/),
    });
  });

  it('needs the link or the text for those sources, and knows no other source', () => {
    const one = (param: object) => whatsappTemplateSchema.safeParse({ ...good, body: 'See {{1}}', params: [param] });
    expect(problems(one({ source: 'link' }))).toEqual({ 'params.0.value': 'Give the link' });
    expect(problems(one({ source: 'text', value: '   ' }))).toEqual({ 'params.0.value': 'Give the text' });
    expect(one({ source: 'link', value: 'https://shop.example/o/{order_reference}' }).success).toBe(true);
    expect(one({ source: 'text', value: ' the kitchen ' })).toMatchObject({ data: { params: [{ source: 'text', value: 'the kitchen' }] } });
    expect(problems(one({ source: 'phone' }))).toHaveProperty('params.0.source');
    for (const source of TEMPLATE_PARAM_SOURCES) expect(one({ source, value: 'x' }).success, source).toBe(true);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        whatsappTemplateSchema.safeParse(value);
        whatsappTemplatesSchema.safeParse(value);
      }),
    );
  });
});

describe('whatsappTemplatesSchema: the list', () => {
  it('names a template once per language', () => {
    const en = { name: 'address_needed', language: 'en' };
    expect(whatsappTemplatesSchema.safeParse([en, { ...en, language: 'hi' }]).success).toBe(true);
    expect(problems(whatsappTemplatesSchema.safeParse([en, { name: 'order_confirmed', language: 'en' }, { ...en, name: ' address_needed' }]))).toEqual({
      '2.name': 'address_needed in en is already in the list',
    });
    expect(templateKey(en)).toBe('address_needed:en');
  });

  it('holds at most 100', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `t_${i}`, language: 'en' }));
    expect(whatsappTemplatesSchema.safeParse(many.slice(0, 100)).success).toBe(true);
    expect(whatsappTemplatesSchema.safeParse(many).success).toBe(false);
  });
});
