import { describe, expect, it } from 'vitest';
import { defaultWhatsappMessage, describeWindow, serviceWindow } from './message';

describe('WhatsApp message and service window', () => {
  it('has a message per reason, greeting by name when known', () => {
    expect(defaultWhatsappMessage('missing_address', 'Asha')).toMatch(/^Hi Asha, .*delivery address/);
    expect(defaultWhatsappMessage('missing_first_name', 'ignored')).toMatch(/reply with your name/);
    expect(defaultWhatsappMessage('invalid_cart_data', null)).toMatch(/^Hi, .*products and quantities/);
    expect(defaultWhatsappMessage('something_new')).toMatch(/^Hi, thank you for speaking with us/);
  });

  it('is open for 24 hours from the call end', () => {
    const end = new Date('2026-11-20T10:00:00Z');
    const open = serviceWindow(end, new Date('2026-11-21T08:55:00Z'));
    expect(open).toMatchObject({ open: true, remainingMs: 65 * 60_000 });
    expect(describeWindow(open)).toBe('1h 5m left');
    const closed = serviceWindow(end, new Date('2026-11-21T10:30:00Z'));
    expect(closed.open).toBe(false);
    expect(describeWindow(closed)).toBe('closed 30m ago');
    expect(describeWindow(serviceWindow(end, new Date('2026-11-24T07:00:00Z')))).toBe('closed 2d 21h ago');
  });
});
