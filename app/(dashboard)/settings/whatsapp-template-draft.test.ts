import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from './whatsapp-template-draft';
import { draftProblems, draftsFrom, emptyDraft, paramsFor, previewOf, problemCount, templateOf } from './whatsapp-template-draft';

const ADDRESS = {
  name: 'address_needed',
  language: 'en',
  body: 'Hi {{1}}, we need your address for order {{2}}: {{3}}',
  params: [
    { source: 'customer_name' as const },
    { source: 'order_reference' as const },
    { source: 'link' as const, value: 'https://shop.example/a/{order_reference}?c={call_id}' },
  ],
};

/** The draft with its third parameter replaced. */
const withThird = (draft: TemplateDraft, third: TemplateDraft['params'][number]): TemplateDraft => ({ ...draft, params: [...draft.params.slice(0, 2), third] });

describe('the templates editor, pure', () => {
  it('round-trips a saved template', () => {
    const [draft] = draftsFrom([ADDRESS]);
    expect(draft && templateOf(draft)).toEqual(ADDRESS);
  });

  it('follows the body: a usual source for each new placeholder, choices kept when one goes and comes back', () => {
    expect(paramsFor('Hi {{1}}, order {{2}} of {{3}}: {{4}} {{5}}', []).map((p) => p.source)).toEqual([
      'customer_name',
      'order_reference',
      'order_total',
      'order_items',
      'text',
    ]);
    const chosen = [
      { source: 'link' as const, value: 'https://x' },
      { source: 'text' as const, value: 'soon' },
    ];
    expect(paramsFor('{{1}}', chosen)).toEqual([chosen[0]]);
    expect(paramsFor('{{1}} {{2}}', chosen)).toEqual(chosen);
    expect(paramsFor('', chosen)).toEqual([]);
  });

  it('saves a value only for a link or a text', () => {
    const draft = {
      ...emptyDraft('en'),
      name: 'x',
      body: '{{1}} {{2}}',
      params: [
        { source: 'customer_name' as const, value: 'left over' },
        { source: 'text' as const, value: 'hello' },
      ],
    };
    expect(templateOf(draft).params).toEqual([{ source: 'customer_name' }, { source: 'text', value: 'hello' }]);
  });

  it('previews with sample values, the link filled in, a missing one left showing', () => {
    const [draft] = draftsFrom([ADDRESS]);
    if (!draft) throw new Error('no draft');
    expect(previewOf(draft)).toBe('Hi Asha, we need your address for order #1042: https://shop.example/a/1042?c=c_7f3a9e21');
    expect(previewOf(withThird(draft, { source: 'text', value: ' ' }))).toBe('Hi Asha, we need your address for order #1042: {{3}}');
  });

  it('says what is wrong, by template and field', () => {
    const [good] = draftsFrom([ADDRESS]);
    if (!good) throw new Error('no draft');
    const problems = draftProblems([
      good,
      { ...emptyDraft('english'), body: 'Hi {{2}}' },
      { ...good, key: 'dup' },
      { ...withThird(good, { source: 'link', value: '' }), key: 'link', name: 'other' },
    ]);
    expect(problems).toEqual({
      1: {
        name: expect.stringMatching(/template name/),
        language: expect.stringMatching(/language code/),
        body: expect.stringMatching(/without gaps; found \{\{2\}\}/),
      },
      2: { name: 'address_needed in en is already in the list' },
      3: { 'params.2.value': 'Give the link' },
    });
    expect(problemCount(problems)).toBe(5);
    expect(draftProblems([good])).toEqual({});
  });
});
