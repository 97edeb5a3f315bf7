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

  it('requires DATABASE_URL only when asked to (server start, not build)', () => {
    expect(() => parseEnv({})).not.toThrow();
    expect(() => parseEnv({}, { requireDatabase: true })).toThrow(/DATABASE_URL: required/);
  });
});
