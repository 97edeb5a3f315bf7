import { describe, expect, it } from 'vitest';
import { bodyView, headerViews, maskSecret, maskText } from './delivery-view';
import { createMasker } from './privacy';

describe('headerViews', () => {
  const signature = 'a3f1c9'.padEnd(64, '0');

  it.each([
    ['x-signature', signature, `a3f1c9…`, true],
    ['X-MiniVoice-Signature', `v1=${signature}`, 'v1=a3f…', true],
    ['x-public-key', 'pk_0123456789abcdef', 'pk_012…', true],
    ['authorization', 'Bearer abcdefghijklmnop', 'Bearer…', true],
    ['x-webhook-secret', 'short', '•••', true],
    ['content-type', 'application/json', 'application/json', false],
    ['x-minivoice-timestamp', '1760000000', '1760000000', false],
  ])('%s: %s → %s', (name, value, shown, masked) => {
    expect(headerViews({ [name]: value }, [])).toEqual([{ name, value: shown, masked }]);
  });

  it("masks a provider's own signature headers whatever they are called", () => {
    expect(headerViews({ 'x-hook-mac': signature }, ['x-hook-mac'])).toEqual([{ name: 'x-hook-mac', value: 'a3f1c9…', masked: true }]);
  });

  it('reads anything that is not an object as no headers', () => {
    expect(headerViews(null, [])).toEqual([]);
    expect(headerViews(['x'], [])).toEqual([]);
  });

  it('never shows more than six characters of a secret', () => {
    expect(maskSecret('x'.repeat(200))).toBe('xxxxxx…');
  });
});

describe('bodyView', () => {
  const json = '{"event":{"type":"call.completed"},"metadata":{"phone":"+916296641821","address":{"line1":"12 MG Road","city":"Pune"}}}';
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('shows an approver the JSON pretty-printed, and the exact bytes beside it', () => {
    const view = bodyView(bytes(json), { size: json.length, truncated: false, mask: null });
    expect(view).toMatchObject({ format: 'json', raw: json, masked: false, withheld: null });
    expect(view.text).toBe(JSON.stringify(JSON.parse(json), null, 2));
    expect(view.text).toContain('+916296641821');
  });

  it('shows a viewer the JSON with personal data masked, and no raw bytes', () => {
    const view = bodyView(bytes(json), { size: json.length, truncated: false, mask: createMasker() });
    expect(view).toMatchObject({ format: 'json', raw: null, masked: true, withheld: null });
    expect(view.text).toContain('+91•••••1821');
    expect(view.text).not.toContain('6296641821');
    expect(view.text).not.toContain('MG Road');
    expect(view.text).toContain('Pune');
  });

  it('shows text that is not JSON as it is, to those who may read it', () => {
    expect(bodyView(bytes('hello=world'), { size: 11, truncated: false, mask: null })).toMatchObject({ format: 'text', text: 'hello=world' });
  });

  it('withholds from a viewer a body it cannot mask, and says why', () => {
    const cut = json.slice(0, 40);
    const view = bodyView(bytes(cut), { size: 20_000, truncated: true, mask: createMasker() });
    expect(view).toMatchObject({ text: null, raw: null, masked: true, size: 20_000, truncated: true });
    expect(view.withheld).toMatch(/cut short/);
    expect(bodyView(bytes('a=+916296641821'), { size: 15, truncated: false, mask: createMasker() }).withheld).toMatch(/not valid JSON/);
  });
});

describe('maskText', () => {
  it('masks numbers and emails inside a sentence, and leaves short numbers alone', () => {
    expect(maskText('Unexpected token "+916296641821" from jane.doe@example.com at position 12')).toBe(
      'Unexpected token "+91•••••1821" from j•••@example.com at position 12',
    );
  });
});
