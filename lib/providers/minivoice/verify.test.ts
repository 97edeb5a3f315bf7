import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { verifyInput as input } from '@/test/verify-input';
import { verifyMiniVoice } from './verify';

// Test vectors from shared/spec/providers.md §5, computed outside this codebase.
const MV_SECRET = 'test_minivoice_webhook_secret';
const MV_TS = 1780056000;
const MV_SIG = 'v1=a1154449ef648c9b681af507a48356f6d17e05dcdd3494c19fb8bb2ce595fee7';

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
