import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('reads rotating secrets per provider prefix, trimming blanks', () => {
    const env = parseEnv({ MIRAI_WEBHOOK_SECRET: 'sk_new, sk_old ,', ATOMS_ALLOW_UNSIGNED: 'true' });
    expect(env.webhookSecrets.MIRAI).toEqual(['sk_new', 'sk_old']);
    expect(env.allowUnsigned.ATOMS).toBe(true);
    expect(env.WEBHOOK_MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('names every bad setting in one error', () => {
    const bad = () => parseEnv({ DATABASE_URL: 'mysql://x', WEBHOOK_MAX_BODY_BYTES: 'lots', MINIVOICE_ALLOW_UNSIGNED: 'yes' });
    expect(bad).toThrow(EnvError);
    expect(bad).toThrow(/DATABASE_URL[\s\S]*WEBHOOK_MAX_BODY_BYTES[\s\S]*MINIVOICE_ALLOW_UNSIGNED/);
  });

  it('pipelines ingest unless INGEST_PIPELINE says false, and refuses anything else', () => {
    expect(parseEnv({}).INGEST_PIPELINE).toBe(true);
    expect(parseEnv({ INGEST_PIPELINE: 'false' }).INGEST_PIPELINE).toBe(false);
    expect(parseEnv({ INGEST_PIPELINE: '0' }).INGEST_PIPELINE).toBe(false);
    expect(() => parseEnv({ INGEST_PIPELINE: 'off' })).toThrow(/INGEST_PIPELINE/);
  });

  it('reads the customer number keys in order (defaults: the common spellings) and a default phone region', () => {
    const defaults = parseEnv({});
    expect(defaults.CUSTOMER_NUMBER_KEYS).toEqual(['phone', 'customerPhone', 'customer_phone', 'mobile', 'phoneNumber', 'phone_number', 'to']);
    expect(defaults.DEFAULT_PHONE_REGION).toBeUndefined();
    const set = parseEnv({ CUSTOMER_NUMBER_KEYS: ' msisdn, phone ,,msisdn', DEFAULT_PHONE_REGION: 'in' });
    expect(set.CUSTOMER_NUMBER_KEYS).toEqual(['msisdn', 'phone']);
    expect(set.DEFAULT_PHONE_REGION).toBe('IN');
    expect(parseEnv({ DEFAULT_PHONE_REGION: '' }).DEFAULT_PHONE_REGION).toBeUndefined();
    expect(() => parseEnv({ CUSTOMER_NUMBER_KEYS: ' , ' })).toThrow(/CUSTOMER_NUMBER_KEYS: must name at least one metadata key/);
    expect(() => parseEnv({ CUSTOMER_NUMBER_KEYS: 'customer phone' })).toThrow(/CUSTOMER_NUMBER_KEYS/);
    expect(() => parseEnv({ DEFAULT_PHONE_REGION: 'India' })).toThrow(/DEFAULT_PHONE_REGION: must be an ISO 3166-1 alpha-2/);
    expect(() => parseEnv({ DEFAULT_PHONE_REGION: 'XX' })).toThrow(/DEFAULT_PHONE_REGION/);
  });

  it('requires DATABASE_URL only when asked to (server start, not build)', () => {
    expect(() => parseEnv({})).not.toThrow();
    expect(() => parseEnv({}, { requireDatabase: true })).toThrow(/DATABASE_URL: required/);
  });

  it("reads the WhatsApp webhook's app secrets (rotating) and verify token; they are not a provider's webhook secret", () => {
    const env = parseEnv({ WHATSAPP_APP_SECRET: ' new_secret , old_secret,', WHATSAPP_VERIFY_TOKEN: 'verify-me-please' });
    expect(env.WHATSAPP_APP_SECRET).toEqual(['new_secret', 'old_secret']);
    expect(env.WHATSAPP_VERIFY_TOKEN).toBe('verify-me-please');
    expect(env.webhookSecrets.WHATSAPP).toBeUndefined();
    expect(parseEnv({}).WHATSAPP_APP_SECRET).toBeUndefined();
    expect(() => parseEnv({ WHATSAPP_VERIFY_TOKEN: 'short' })).toThrow(/WHATSAPP_VERIFY_TOKEN: must be at least 8 characters/);
  });

  it('reads dispatch destinations, and refuses ones that do not fit together', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123').toString('base64')}`;
    const env = parseEnv({ ORDER_WEBHOOK_URL: 'https://orders.example.com/hook', ORDER_WEBHOOK_SECRET: secret, WHATSAPP_TEMPLATES: 'a, b' });
    expect(env.WHATSAPP_TEMPLATES).toEqual(['a', 'b']);
    // An outbound signing secret is not a provider's webhook secret.
    expect(env.webhookSecrets.ORDER).toBeUndefined();
    expect(() => parseEnv({ ORDER_WEBHOOK_URL: 'http://orders.example.com/hook', ORDER_WEBHOOK_SECRET: secret })).toThrow(
      /ORDER_WEBHOOK_URL: must be an https:\/\/ URL/,
    );
    expect(() =>
      parseEnv({ ORDER_WEBHOOK_URL: 'http://127.0.0.1:9/hook', ORDER_WEBHOOK_SECRET: secret, DISPATCH_ALLOW_INSECURE_HOSTS: '127.0.0.1' }),
    ).not.toThrow();
    expect(() =>
      parseEnv({ SHOPIFY_STORE_DOMAIN: 'x.myshopify.com', SHOPIFY_ADMIN_TOKEN: 't', ORDER_WEBHOOK_URL: 'https://o.example.com', ORDER_WEBHOOK_SECRET: secret }),
    ).toThrow(/orders go to one destination/);
    expect(() => parseEnv({ WHATSAPP_PHONE_NUMBER_ID: '123' })).toThrow(/WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN: set both or neither/);
    expect(() => parseEnv({ ORDER_WEBHOOK_URL: 'https://o.example.com', ORDER_WEBHOOK_SECRET: 'plain' })).toThrow(/ORDER_WEBHOOK_SECRET: must be whsec_/);
  });
});
