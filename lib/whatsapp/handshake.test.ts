import { describe, expect, it } from 'vitest';
import { answerHandshake } from './handshake';

const q = (o: Record<string, string>) => new URLSearchParams(o);

describe("Meta's subscription handshake", () => {
  it('the right token: the challenge back', () => {
    expect(answerHandshake(q({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-12345', 'hub.challenge': '987' }), 'tok-12345')).toEqual({
      ok: true,
      challenge: '987',
    });
  });

  it('no token configured: refused with the reason, whatever was sent', () => {
    expect(answerHandshake(q({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }), undefined)).toEqual({
      ok: false,
      reason: expect.stringMatching(/WHATSAPP_VERIFY_TOKEN is configured/),
    });
  });

  it('wrong token, wrong mode, a prefix of the token, no challenge: refused', () => {
    expect(answerHandshake(q({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-1234', 'hub.challenge': '1' }), 'tok-12345').ok).toBe(false);
    expect(answerHandshake(q({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-123456', 'hub.challenge': '1' }), 'tok-12345').ok).toBe(false);
    expect(answerHandshake(q({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok-12345', 'hub.challenge': '1' }), 'tok-12345').ok).toBe(false);
    expect(answerHandshake(q({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-12345' }), 'tok-12345').ok).toBe(false);
  });
});
