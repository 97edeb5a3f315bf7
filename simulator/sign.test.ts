import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signAtoms } from '@/lib/providers/atoms/simulate';
import { signMirai } from '@/lib/providers/mirai/simulate';
import { signFor } from './sign';

// The §5 test vectors of providers.md, read as exact bytes from the provider fixtures.
function vector(provider: 'mirai' | 'minivoice' | 'atoms'): string {
  return readFileSync(new URL(`../lib/providers/${provider}/fixtures/test-vector.json`, import.meta.url), 'utf8');
}

describe('signFor', () => {
  it('dispatches to each scheme', () => {
    expect(signFor('mirai', vector('mirai'), 'sk_0000000000000000000000000000000000000000000000000000000000000001')).toEqual(
      signMirai(vector('mirai'), 'sk_0000000000000000000000000000000000000000000000000000000000000001'),
    );
    expect(signFor('atoms', vector('atoms'), 'test_atoms_signing_secret')).toEqual(signAtoms(vector('atoms'), 'test_atoms_signing_secret'));
  });

  it('uses unix seconds of `now` as the MiniVoice timestamp', () => {
    const now = new Date(1780056000_999);
    expect(signFor('minivoice', vector('minivoice'), 'test_minivoice_webhook_secret', now)).toEqual({
      'x-minivoice-timestamp': '1780056000',
      'x-minivoice-signature': 'v1=a1154449ef648c9b681af507a48356f6d17e05dcdd3494c19fb8bb2ce595fee7',
    });
  });
});

describe('test vectors', () => {
  it('are compact JSON, so JSON.stringify reproduces their bytes', () => {
    for (const provider of ['mirai', 'minivoice', 'atoms'] as const) {
      const body = vector(provider);
      expect(JSON.stringify(JSON.parse(body))).toBe(body);
    }
  });
});
