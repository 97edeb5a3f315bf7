import { z } from 'zod';
import { DEFAULT_CUSTOMER_NUMBER_KEYS, isPhoneRegion } from './calls/phone';
import { dispatchSettingProblems, dispatchSettings, OUTBOUND_SECRET_KEYS } from './env-dispatch';

// The one place that reads process.env. Provider settings follow a naming rule rather than a
// fixed list, so a new provider folder brings its own `<PREFIX>_WEBHOOK_SECRET` with no edit here.

const secretList = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  DIRECT_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a request waits for a database connection before it is answered 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /**
   * Webhook batches send each transaction's statements in two pipelined round trips (lib/db.ts
   * ingestPool). false sends them one at a time: the escape hatch for a pooler that mishandles
   * pipelined messages.
   */
  INGEST_PIPELINE: z
    .enum(['true', 'false', '1', '0', ''])
    .default('true')
    .transform((v) => v !== 'false' && v !== '0'),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WEBHOOK_TIMESTAMP_TOLERANCE_SECONDS: z.coerce.number().int().min(1).default(300),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** Signs session cookies; 32+ characters, required when the server starts in production. */
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The public origin of the app (https://callboard.example.com); sign-in redirects and cookies use it. */
  BETTER_AUTH_URL: z.url().optional(),
  SESSION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Sign-in attempts allowed per minute, per email address and per IP. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** First admin, created at start-up when there are no users yet. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** Bearer secret Vercel Cron (or any scheduler) sends to /api/cron/* routes. */
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Metadata keys that may hold the customer's number, comma-separated, in preference order
   * (after the provider's own fields, before action payloads: lib/ingest/customer-number.ts).
   */
  CUSTOMER_NUMBER_KEYS: z
    .string()
    .default(DEFAULT_CUSTOMER_NUMBER_KEYS.join(','))
    .transform((s) => [...new Set(s.split(',').map((part) => part.trim()))].filter(Boolean))
    .refine((keys) => keys.length > 0, 'must name at least one metadata key')
    .refine((keys) => keys.every((k) => k.length <= 100 && !/\s/.test(k)), 'keys are comma-separated names without spaces, up to 100 characters each'),
  /**
   * Country (ISO 3166-1 alpha-2, e.g. IN) of customer numbers written without a `+` country
   * code; they are stored in E.164 in that country's plan. Unset: such numbers are kept as given.
   */
  DEFAULT_PHONE_REGION: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => v === '' || isPhoneRegion(v), 'must be an ISO 3166-1 alpha-2 country code with a phone numbering plan, e.g. IN')
    .transform((v) => v || undefined)
    .optional(),
  /** Exposes /api/bench/bare, the framework-ceiling route `npm run bench` compares against. */
  BENCH_ROUTES: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * How long a decision (approve or reject) can be undone, in seconds. Nothing is sent before
   * the window closes (the outbox row waits until then); after it the decision is final. 0: no undo.
   */
  APPROVAL_UNDO_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /**
   * The Meta app secret(s) that sign POST /api/webhooks/whatsapp (X-Hub-Signature-256),
   * comma-separated to rotate. Not WHATSAPP_WEBHOOK_SECRET, which signs what we send out.
   */
  WHATSAPP_APP_SECRET: secretList.optional(),
  /** The token Meta's subscription handshake must echo (GET /api/webhooks/whatsapp?hub.verify_token=…). */
  WHATSAPP_VERIFY_TOKEN: z.string().trim().min(8, 'must be at least 8 characters').max(200).optional(),
  ...dispatchSettings,
});

export type Env = z.infer<typeof baseSchema> & {
  webhookSecrets: Record<string, string[]>;
  allowUnsigned: Record<string, boolean>;
};

export class EnvError extends Error {}

/** Validates a whole environment; throws an EnvError naming every bad setting. */
export function parseEnv(source: Record<string, string | undefined>, opts: { requireDatabase?: boolean } = {}): Env {
  const problems: string[] = [];
  const base = baseSchema.safeParse(source);
  if (!base.success) {
    for (const issue of base.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (opts.requireDatabase && !source.DATABASE_URL) problems.push('DATABASE_URL: required (a postgres:// URL)');
  if (opts.requireDatabase && source.NODE_ENV === 'production' && !source.BETTER_AUTH_SECRET) {
    problems.push('BETTER_AUTH_SECRET: required in production (32+ random characters, e.g. `openssl rand -base64 32`)');
  }
  if (Boolean(source.GOOGLE_CLIENT_ID) !== Boolean(source.GOOGLE_CLIENT_SECRET)) {
    problems.push('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET: set both or neither');
  }
  if (Boolean(source.ADMIN_EMAIL) !== Boolean(source.ADMIN_PASSWORD)) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  if (base.success) problems.push(...dispatchSettingProblems(base.data));

  const webhookSecrets: Record<string, string[]> = {};
  const allowUnsigned: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(source)) {
    // Secrets we sign outgoing requests with are not provider webhook secrets.
    if (value === undefined || OUTBOUND_SECRET_KEYS.has(key)) continue;
    const secret = /^([A-Z0-9_]+?)_WEBHOOK_SECRET$/.exec(key);
    if (secret?.[1]) webhookSecrets[secret[1]] = secretList.parse(value);
    const unsigned = /^([A-Z0-9_]+?)_ALLOW_UNSIGNED$/.exec(key);
    if (unsigned?.[1]) {
      const parsed = bool.safeParse(value.toLowerCase());
      if (parsed.success) allowUnsigned[unsigned[1]] = parsed.data;
      else problems.push(`${key}: must be true or false, got "${value}"`);
    }
  }
  if (problems.length > 0 || !base.success) {
    throw new EnvError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return { ...base.data, webhookSecrets, allowUnsigned };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database URL, or a start-up error that says what to set. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new EnvError('Invalid configuration:\n  - DATABASE_URL: required (a postgres:// URL); `npm run dev` starts an embedded one');
  return url;
}
