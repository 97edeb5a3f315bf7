import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { hmacSha256Hex } from './hmac';

// Test vectors from shared/spec/providers.md §5, computed outside this codebase.
const MIRAI_SECRET = 'sk_0000000000000000000000000000000000000000000000000000000000000001';
const MIRAI_SIG = 'f285d8875becb230da59ff26bb87c521ad59bf0d0f81d570b618440f869e01b9';

describe('hmacSha256Hex', () => {
  it('matches the vendor-style digest for the Mirai vector', () => {
    expect(hmacSha256Hex(MIRAI_SECRET, fixtureText('mirai', 'test-vector.json'))).toBe(MIRAI_SIG);
  });
});
