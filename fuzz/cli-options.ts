import { parseArgs } from 'node:util';
import { numberOption, OptionError } from '@/scripts/cli-options';
import { seedFromString } from '@/simulator/prng';

// Parses `npm run fuzz` options into typed values; pure (no process.exit), like the simulator's.

export const USAGE = `Usage: npm run fuzz -- [options]
  --url <url>            base URL of a served Callboard (default http://127.0.0.1:3000); loopback only
  --allow-remote         allow a --url that is not localhost/loopback (never point this at production)
  --requests <n>         requests to send (default 1000)
  --concurrency <n>      requests in flight (default 16)
  --api-share <p>        share of requests that go to the JSON API rather than webhooks (default 0.3)
  --seed <s>             fast-check seed (default FUZZ_SEED, else random, printed): same seed, same requests
  --email <e>            sign in as this user for the JSON routes (with --password)
  --password <p>         the password for --email
  --token <t>            or a Bearer API token for the JSON routes (default CALLBOARD_TOKEN)
  --check                with DATABASE_URL (the server's database): every accepted delivery is stored
                         and folded into its call, every rejected one recorded with its reason
Secrets: MIRAI_WEBHOOK_SECRET, MIRAI_V2_WEBHOOK_SECRET, MINIVOICE_WEBHOOK_SECRET,
ATOMS_WEBHOOK_SECRET, WHATSAPP_APP_SECRET (first of a comma list), else the demo secrets (what npm run dev sets).
Exit code 1 when any request got a 5xx (or no answer) or broke the --check oracle.`;

export interface FuzzOptions {
  url: string;
  requests: number;
  concurrency: number;
  apiShare: number;
  seedText: string;
  seed: number;
  email: string | undefined;
  password: string | undefined;
  token: string | undefined;
  check: boolean;
  help: boolean;
}

export { OptionError };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function parseFuzzArgs(args: string[], env: Record<string, string | undefined> = {}, random: () => number = Math.random): FuzzOptions {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      'allow-remote': { type: 'boolean', default: false },
      requests: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      'api-share': { type: 'string', default: '0.3' },
      seed: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      token: { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new OptionError(`--url must be an http(s) URL, got "${values.url}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new OptionError(`--url must be an http(s) URL, got "${values.url}"`);
  if (!LOOPBACK.test(url.hostname) && !values['allow-remote'])
    throw new OptionError(`--url ${url.host} is not loopback; the fuzzer floods its target with hostile requests (--allow-remote to insist)`);
  if ((values.email === undefined) !== (values.password === undefined)) throw new OptionError('--email and --password go together');
  if (values.check && !env.DATABASE_URL && !values.help) throw new OptionError('--check reads the server database: set DATABASE_URL');
  const seedText = values.seed ?? env.FUZZ_SEED ?? String(Math.floor(random() * 2 ** 31));
  return {
    url: values.url.replace(/\/+$/, ''),
    requests: Math.floor(numberOption('requests', values.requests, 1, 10_000_000)),
    concurrency: Math.floor(numberOption('concurrency', values.concurrency, 1, 1000)),
    apiShare: numberOption('api-share', values['api-share'], 0, 1),
    seedText,
    seed: /^-?\d+$/.test(seedText) ? Number(seedText) | 0 : seedFromString(seedText) | 0,
    email: values.email,
    password: values.password,
    token: values.token ?? env.CALLBOARD_TOKEN,
    check: values.check,
    help: values.help,
  };
}
