import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';
import { dispatchConfig } from './env-dispatch';

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
  it('reads the alert channels, each optional: a Slack-compatible webhook, and SMTP with its recipients', () => {
    const none = dispatchConfig(parseEnv({}));
    expect(none.slack).toBeNull();
    expect(none.email).toBeNull();
    expect(none.appUrl).toBeNull();

    const both = dispatchConfig(
      parseEnv({
        SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/secret',
        SMTP_URL: 'smtp://mailer%40team:p%40ss@smtp.example.com:2525',
        ALERT_EMAILS: 'ops@example.com, lead@example.com',
        BETTER_AUTH_URL: 'https://callboard.example.com',
      }),
    );
    expect(both.slack).toEqual({ url: 'https://hooks.slack.com/services/T0/B0/secret' });
    expect(both.email).toEqual({
      host: 'smtp.example.com',
      port: 2525,
      secure: false,
      requireTLS: true,
      user: 'mailer@team',
      pass: 'p@ss',
      to: ['ops@example.com', 'lead@example.com'],
      from: 'Callboard <alerts@callboard.example.com>',
    });
    expect(both.appUrl).toBe('https://callboard.example.com');

    // smtps: TLS from the first byte, port 465 by default; no credentials is allowed (a relay on the network).
    const smtps = dispatchConfig(
      parseEnv({ SMTP_URL: 'smtps://relay.example.com', ALERT_EMAILS: 'ops@example.com', ALERT_EMAIL_FROM: 'Ops <ops@example.com>' }),
    );
    expect(smtps.email).toMatchObject({
      host: 'relay.example.com',
      port: 465,
      secure: true,
      requireTLS: false,
      user: null,
      pass: null,
      from: 'Ops <ops@example.com>',
    });
    expect(smtps.email?.from).toBe('Ops <ops@example.com>');
    // Without BETTER_AUTH_URL, mail comes from callboard.local.
    expect(dispatchConfig(parseEnv({ SMTP_URL: 'smtp://relay.example.com', ALERT_EMAILS: 'ops@example.com' })).email?.from).toBe(
      'Callboard <alerts@callboard.local>',
    );
    // Plain SMTP only for a test host.
    expect(
      dispatchConfig(parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', ALERT_EMAILS: 'ops@example.com', DISPATCH_ALLOW_INSECURE_HOSTS: '127.0.0.1' })).email,
    ).toMatchObject({ requireTLS: false, secure: false });
  });

  it('refuses alert channel settings that are wrong or incomplete, without echoing a secret', () => {
    expect(() => parseEnv({ SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/x' })).toThrow(/SLACK_WEBHOOK_URL: must be an https:\/\/ URL/);
    expect(() => parseEnv({ SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/hook', DISPATCH_ALLOW_INSECURE_HOSTS: '127.0.0.1' })).not.toThrow();
    expect(() => parseEnv({ SLACK_WEBHOOK_URL: 'not a url' })).toThrow(/SLACK_WEBHOOK_URL/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://relay.example.com' })).toThrow(/SMTP_URL and ALERT_EMAILS: set both or neither/);
    expect(() => parseEnv({ ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL and ALERT_EMAILS: set both or neither/);
    expect(() => parseEnv({ SMTP_URL: 'relay.example.com', ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL: must be smtp:\/\/ or smtps:\/\//);
    expect(() => parseEnv({ SMTP_URL: 'https://relay.example.com', ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL: must be smtp:\/\/ or smtps:\/\//);
    expect(() => parseEnv({ SMTP_URL: 'smtp://user@relay.example.com', ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL: .*user and password/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://relay.example.com:99999', ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://relay.example.com/path', ALERT_EMAILS: 'ops@example.com' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://relay.example.com', ALERT_EMAILS: 'ops@example.com, nobody' })).toThrow(/ALERT_EMAILS: .*nobody/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://relay.example.com', ALERT_EMAILS: 'ops@example.com', ALERT_EMAIL_FROM: 'Ops' })).toThrow(/ALERT_EMAIL_FROM/);
    // A bad URL's password never reaches the message.
    let message = '';
    try {
      parseEnv({ SMTP_URL: 'smtp://user:hunter2-secret@relay.example.com:0/x', ALERT_EMAILS: 'ops@example.com' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/SMTP_URL/);
    expect(message).not.toMatch(/hunter2/);
  });
});
