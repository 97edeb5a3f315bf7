import { describe, expect, it } from 'vitest';
import { explainWhatsappError, KNOWN_WHATSAPP_ERROR_CODES, whatsappError } from './errors';

describe('WhatsApp error codes', () => {
  it('knows every code the spec lists', () => {
    expect(KNOWN_WHATSAPP_ERROR_CODES.sort((a, b) => a - b)).toEqual([1, 2, 368, 130429, 131026, 131047, 131048, 131049, 131056, 132000, 132001]);
  });

  it('handles each by its code', () => {
    expect(whatsappError(131047).handling).toBe('send_template');
    expect(whatsappError(131026).handling).toBe('final');
    expect(whatsappError(130429).handling).toBe('retry');
    expect(whatsappError(131056).handling).toBe('retry');
    expect(whatsappError(132000).handling).toBe('fix_template');
    expect(whatsappError(132001).handling).toBe('fix_template');
    expect(whatsappError(99999, 'Something new').handling).toBe('final');
  });

  it('explains a failure in words, naming the template when it is the template', () => {
    expect(explainWhatsappError(131047)).toBe('WhatsApp error 131047: the customer has not written in 24 hours: send a template');
    expect(explainWhatsappError(132001, { template: { name: 'order_address_needed', language: 'en' } })).toBe(
      'WhatsApp error 132001: the template does not exist in that language (template order_address_needed, en)',
    );
    expect(explainWhatsappError(99999, { metaMessage: 'Something new' })).toBe('WhatsApp error 99999: Something new');
  });
});
