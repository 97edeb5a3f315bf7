import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { verifyMiraiV2 } from './verify';

describe('Mirai v2 X-Mirai-Signature', () => {
  // Mirai's own published vector (spec §1.5); its timestamp is in the past, so "now" is set to it.
  const body = fixtureText('mirai-v2', 'test-vector.json');
  const header = 't=1785057398,v1=771bca27e1647dfbe59ff5d8f32d9de69be246f6e604c05bddcbaefd8604ccb3';
  const verify = (h: string, now = 1785057398, secrets = ['whsec_7d4f1a09c2e58b36a1f0d7c93b2e64a8']) =>
    verifyMiraiV2({ rawBody: Buffer.from(body), headers: new Headers({ 'x-mirai-signature': h }), secrets, now: new Date(now * 1000), toleranceSeconds: 300 })
      .verification;

  it('verifies the vendor test vector, with any of several secrets', () => {
    expect(body.length).toBe(177);
    expect(verify(header)).toBe('valid');
    expect(verify(header, 1785057398, ['whsec_rotated_out', 'whsec_7d4f1a09c2e58b36a1f0d7c93b2e64a8'])).toBe('valid');
  });
  it('refuses it 301 s later, with a changed t, or malformed', () => {
    expect(verify(header, 1785057398 + 301)).toBe('stale');
    expect(verify(header.replace('t=1785057398', 't=1785057399'), 1785057399)).toBe('invalid');
    expect(verify('v1=abc')).toBe('invalid');
  });
});
