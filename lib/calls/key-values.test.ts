import { describe, expect, it } from 'vitest';
import { normalizeAtoms } from '@/lib/providers/atoms/normalize';
import { providerNotes } from '@/lib/providers/registry';
import { fixture } from '@/test/fixtures';
import { formatMoney, readAnalysis } from './analysis';
import { displayValue, humanizeKey, keyValueRows } from './key-values';
import { httpUrl } from './links';

describe('humanizeKey', () => {
  it.each([
    ['callback_requested', 'Callback requested'],
    ['customerSentiment', 'Customer sentiment'],
    ['orderConfirmed', 'Order confirmed'],
    ['turn-taking.balance', 'Turn taking balance'],
    ['ID', 'Id'],
    ['__', '__'],
  ])('%s → %s', (key, label) => expect(humanizeKey(key)).toBe(label));
});

describe('displayValue', () => {
  it.each([
    [null, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    [[], { kind: 'empty' }],
    [{}, { kind: 'empty' }],
    [true, { kind: 'boolean', value: true }],
    [4.5, { kind: 'number', value: 4.5 }],
    ['positive', { kind: 'text', value: 'positive' }],
    [['hi', 2, false], { kind: 'list', items: ['hi', '2', 'false'] }],
    [[{ a: 1 }], { kind: 'json', value: '[\n  {\n    "a": 1\n  }\n]' }],
  ])('%j', (value, expected) => expect(displayValue(value)).toEqual(expected));

  it('nests objects two levels deep, then falls back to JSON', () => {
    const rows = keyValueRows({ updatedAddress: { city: 'Surat', geo: { lat: 1 } } });
    expect(rows).toEqual([
      {
        key: 'updatedAddress',
        label: 'Updated address',
        value: {
          kind: 'table',
          rows: [
            { key: 'city', label: 'City', value: { kind: 'text', value: 'Surat' } },
            { key: 'geo', label: 'Geo', value: { kind: 'json', value: '{\n  "lat": 1\n}' } },
          ],
        },
      },
    ]);
  });

  it('reads Atoms’ analytics metrics as rows', () => {
    const { facts } = normalizeAtoms(fixture('atoms', 'analytics-completed-canonical.json'));
    expect(keyValueRows(facts.metrics).map((r) => [r.label, r.value.kind])).toEqual([
      ['Turn taking balance', 'number'],
      ['Escalation needed', 'boolean'],
    ]);
  });
});

describe('readAnalysis', () => {
  it('keeps what fits and drops what does not', () => {
    expect(readAnalysis({ insights: { a: 1 }, requiredActions: ['create_order'], cost: { amount: 5, currency: 'INR' }, metrics: 'bad' })).toEqual({
      insights: { a: 1 },
      metrics: null,
      outcome: null,
      requiredActions: ['create_order'],
      cost: { amount: 5, currency: 'INR' },
    });
    expect(readAnalysis(null)).toEqual({ insights: null, metrics: null, outcome: null, requiredActions: [], cost: null });
    expect(readAnalysis('junk').requiredActions).toEqual([]);
  });

  it('formats money in its currency', () => {
    expect(formatMoney(28.5, 'INR')).toBe('₹28.50');
    expect(formatMoney(1, 'ZZZ')).toMatch(/1\.00/);
  });
});

describe('provider links and notes', () => {
  it.each([
    ['https://app.miraiminds.co/calls/1', 'https://app.miraiminds.co/calls/1'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['/relative', null],
    [null, null],
  ])('httpUrl(%s)', (value, expected) => expect(httpUrl(value)).toBe(expected));

  it('has a note for every provider and a generic one', () => {
    for (const p of ['mirai', 'mirai-v2', 'minivoice', 'atoms', 'unknown']) expect(providerNotes(p).noTranscript.length).toBeGreaterThan(10);
  });
});
