import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from './cli-options';
import { generateCalls } from './lifecycles';

describe('parseSimulateArgs', () => {
  it('reads every option', () => {
    const o = parseSimulateArgs(
      [
        '--calls',
        '1000',
        '--rate',
        '200',
        '--duplicates',
        '0.1',
        '--out-of-order',
        '0.1',
        '--seed',
        'demo',
        '--check',
        '--providers',
        'atoms,mirai',
        '--url',
        'http://x/',
      ],
      { CALLBOARD_TOKEN: 'cb_t' },
    );
    expect(o).toMatchObject({
      calls: 1000,
      rate: 200,
      duplicates: 0.1,
      outOfOrder: 0.1,
      seedText: 'demo',
      check: true,
      token: 'cb_t',
      providers: ['atoms', 'mirai'],
      url: 'http://x',
    });
  });

  it('refuses --check without a token, an unknown provider and a bad probability', () => {
    expect(() => parseSimulateArgs(['--check'], {})).toThrow(/token/);
    expect(() => parseSimulateArgs(['--providers', 'vapi'])).toThrow(/unknown "vapi"/);
    expect(() => parseSimulateArgs(['--out-of-order', '2'])).toThrow(/from 0 to 1/);
  });

  it('same --seed and --now give byte-identical traffic', () => {
    const args = ['--seed', '42', '--now', '2026-08-01T12:00:00Z', '--calls', '30'];
    const [a, b] = [parseSimulateArgs(args), parseSimulateArgs(args)];
    const traffic = (o: typeof a) => JSON.stringify(generateCalls({ count: o.calls, seed: o.seed, now: o.now, days: o.days, providers: o.providers }));
    expect(traffic(a)).toBe(traffic(b));
  });
});
