import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { verifyInput as input } from '@/test/verify-input';
import { verifyMirai } from './verify';

// Test vectors from shared/spec/providers.md §5, computed outside this codebase.
const MIRAI_SECRET = 'sk_0000000000000000000000000000000000000000000000000000000000000001';
const MIRAI_SIG = 'f285d8875becb230da59ff26bb87c521ad59bf0d0f81d570b618440f869e01b9';

describe('Mirai v1 x-signature', () => {
  const body = fixtureText('mirai', 'test-vector.json');
  it('accepts the test vector', () => {
    expect(body.length).toBe(241);
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG }, [MIRAI_SECRET]))).toEqual({ verification: 'valid' });
  });
  it('accepts any of several rotating secrets', () => {
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG }, ['sk_old', MIRAI_SECRET])).verification).toBe('valid');
  });
  it('rejects a changed body, a wrong secret, a truncated or missing signature', () => {
    expect(verifyMirai(input(`${body} `, { 'x-signature': MIRAI_SIG }, [MIRAI_SECRET])).verification).toBe('invalid');
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG }, ['sk_other'])).verification).toBe('invalid');
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG.slice(0, 40) }, [MIRAI_SECRET])).verification).toBe('invalid');
    expect(verifyMirai(input(body, {}, [MIRAI_SECRET])).verification).toBe('missing');
  });
});
