import { describe, expect, it } from 'vitest';
import { defaultWhatsappMessage } from './message';

describe('WhatsApp free text', () => {
  it('has a message per reason, greeting by name when known', () => {
    expect(defaultWhatsappMessage('missing_address', 'Asha')).toMatch(/^Hi Asha, .*delivery address/);
    expect(defaultWhatsappMessage('missing_first_name', 'ignored')).toMatch(/reply with your name/);
    expect(defaultWhatsappMessage('invalid_cart_data', null)).toMatch(/^Hi, .*products and quantities/);
    expect(defaultWhatsappMessage('something_new')).toMatch(/^Hi, thank you for speaking with us/);
  });
});
