import { describe, expect, it } from 'vitest';
import { parseWhatsappWebhook } from '@/lib/whatsapp/webhook';
import { demoCalls } from './demo-plan';
import { DEMO_WHATSAPP, demoReplies, replyBody } from './whatsapp';

describe('demo WhatsApp replies', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const calls = demoCalls({ now, seed: 20260801 });

  it("come from the demo's send_whatsapp customers, after their calls, before now, with words a person reads", () => {
    const replies = demoReplies(calls, now);
    expect(replies).toHaveLength(6);
    for (const reply of replies) {
      const call = calls.find((c) => c.providerCallId === reply.providerCallId);
      expect(JSON.stringify(call?.events)).toContain(reply.customer);
      expect(reply.at.getTime()).toBeLessThan(now.getTime());
      expect(reply.text.length).toBeGreaterThan(3);
    }
    expect(replies.some((r) => r.reason === 'missing_address')).toBe(true);
  });

  it("are Meta's webhook body, which the endpoint reads as one inbound text from that customer", () => {
    const [reply] = demoReplies(calls, now);
    if (!reply) throw new Error('no reply');
    const parsed = parseWhatsappWebhook(replyBody(reply, DEMO_WHATSAPP.phoneNumberId));
    expect(parsed).toMatchObject({
      ok: true,
      messages: [{ customerNumber: reply.customer, type: 'text', body: reply.text, businessPhoneId: DEMO_WHATSAPP.phoneNumberId }],
    });
  });
});
