import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicKeyFor, signAtoms, signFor, signMiniVoice, signMirai } from './sign';

// The §5 test vectors of providers.md, read as exact bytes from the provider fixtures.
function vector(provider: 'mirai' | 'minivoice' | 'atoms'): string {
  return readFileSync(new URL(`../lib/providers/${provider}/fixtures/test-vector.json`, import.meta.url), 'utf8');
}

describe('signMirai', () => {
  const secret = 'sk_0000000000000000000000000000000000000000000000000000000000000001';

  it('matches test vector B1', () => {
    const body = vector('mirai');
    expect(Buffer.byteLength(body)).toBe(241);
    expect(signMirai(body, secret)['x-signature']).toBe('f285d8875becb230da59ff26bb87c521ad59bf0d0f81d570b618440f869e01b9');
  });

  it('sends a stable pk_ public key of 32 hex chars', () => {
    const headers = signMirai('{}', secret);
    expect(headers['x-public-key']).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(headers['x-public-key']).toBe(publicKeyFor(secret));
    expect(publicKeyFor('sk_other')).not.toBe(headers['x-public-key']);
  });
});

describe('signMiniVoice', () => {
  it('matches test vector B2', () => {
    const body = vector('minivoice');
    expect(Buffer.byteLength(body)).toBe(361);
    expect(signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056000)).toEqual({
      'x-minivoice-timestamp': '1780056000',
      'x-minivoice-signature': 'v1=a1154449ef648c9b681af507a48356f6d17e05dcdd3494c19fb8bb2ce595fee7',
    });
  });

  it('signs the timestamp too', () => {
    const body = vector('minivoice');
    const a = signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056000);
    const b = signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056001);
    expect(a['x-minivoice-signature']).not.toBe(b['x-minivoice-signature']);
  });
});

describe('signAtoms', () => {
  it('matches test vector B3', () => {
    const body = vector('atoms');
    expect(Buffer.byteLength(body)).toBe(381);
    expect(signAtoms(body, 'test_atoms_signing_secret')).toEqual({
      'x-signature': '86ccc92d934e545443b378a2e466e6478efa511c7809741f08a04f795997a530',
    });
  });
});

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
