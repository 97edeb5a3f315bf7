import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { verifyAtoms } from './atoms/verify';
import { hmacSha256Hex } from './hmac';
import { verifyMiniVoice } from './minivoice/verify';
import { verifyMirai } from './mirai/verify';
import type { VerifyInput } from './types';

// Test vectors from shared/spec/providers.md §5, computed outside this codebase.
const MIRAI_SECRET = 'sk_0000000000000000000000000000000000000000000000000000000000000001';
const MIRAI_SIG = 'f285d8875becb230da59ff26bb87c521ad59bf0d0f81d570b618440f869e01b9';
const MV_SECRET = 'test_minivoice_webhook_secret';
const MV_TS = 1780056000;
const MV_SIG = 'v1=a1154449ef648c9b681af507a48356f6d17e05dcdd3494c19fb8bb2ce595fee7';
const ATOMS_SECRET = 'test_atoms_signing_secret';
const ATOMS_SIG = '86ccc92d934e545443b378a2e466e6478efa511c7809741f08a04f795997a530';

function input(body: string, headers: Record<string, string>, secrets: string[], now = new Date(MV_TS * 1000)): VerifyInput {
  return { rawBody: Buffer.from(body), headers: new Headers(headers), secrets, now, toleranceSeconds: 300 };
}

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
    expect(verifyMirai(input(body + ' ', { 'x-signature': MIRAI_SIG }, [MIRAI_SECRET])).verification).toBe('invalid');
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG }, ['sk_other'])).verification).toBe('invalid');
    expect(verifyMirai(input(body, { 'x-signature': MIRAI_SIG.slice(0, 40) }, [MIRAI_SECRET])).verification).toBe('invalid');
    expect(verifyMirai(input(body, {}, [MIRAI_SECRET])).verification).toBe('missing');
  });
});

describe('MiniVoice v1= over timestamp.body', () => {
  const body = fixtureText('minivoice', 'test-vector.json');
  const headers = { 'x-minivoice-timestamp': String(MV_TS), 'x-minivoice-signature': MV_SIG };
  it('accepts the test vector at its own time and within 300 s', () => {
    expect(body.length).toBe(361);
    expect(verifyMiniVoice(input(body, headers, [MV_SECRET])).verification).toBe('valid');
    expect(verifyMiniVoice(input(body, headers, [MV_SECRET], new Date((MV_TS + 299) * 1000))).verification).toBe('valid');
  });
  it('calls a timestamp more than 300 s away stale, either side', () => {
    expect(verifyMiniVoice(input(body, headers, [MV_SECRET], new Date((MV_TS + 301) * 1000))).verification).toBe('stale');
    expect(verifyMiniVoice(input(body, headers, [MV_SECRET], new Date((MV_TS - 301) * 1000))).verification).toBe('stale');
  });
  it('rejects a signature made for another timestamp', () => {
    const moved = { ...headers, 'x-minivoice-timestamp': String(MV_TS + 1) };
    expect(verifyMiniVoice(input(body, moved, [MV_SECRET])).verification).toBe('invalid');
  });
  it('accepts one of several v1= values and several secrets', () => {
    const multi = { ...headers, 'x-minivoice-signature': `v1=${'0'.repeat(64)},${MV_SIG}` };
    expect(verifyMiniVoice(input(body, multi, ['other', MV_SECRET])).verification).toBe('valid');
  });
  it('needs both headers', () => {
    expect(verifyMiniVoice(input(body, { 'x-minivoice-signature': MV_SIG }, [MV_SECRET])).verification).toBe('missing');
  });
});

describe('Atoms X-Signature', () => {
  const body = fixtureText('atoms', 'test-vector.json');
  it('accepts the test vector and rejects a tampered body', () => {
    expect(body.length).toBe(381);
    expect(verifyAtoms(input(body, { 'x-signature': ATOMS_SIG }, [ATOMS_SECRET])).verification).toBe('valid');
    expect(verifyAtoms(input(body.replace('+91', '+92'), { 'x-signature': ATOMS_SIG }, [ATOMS_SECRET])).verification).toBe('invalid');
  });
  it('treats upper-case hex as the same signature', () => {
    expect(verifyAtoms(input(body, { 'x-signature': ATOMS_SIG.toUpperCase() }, [ATOMS_SECRET])).verification).toBe('valid');
  });
});

describe('hmacSha256Hex', () => {
  it('matches the vendor-style digest for the Mirai vector', () => {
    expect(hmacSha256Hex(MIRAI_SECRET, fixtureText('mirai', 'test-vector.json'))).toBe(MIRAI_SIG);
  });
});
