// npm run reprocess -- --call <call uuid> | --provider <id> | --all
// Rebuilds calls from the stored deliveries with the current parsers, after a parser fix.
// Nothing is re-sent. Shows progress on stderr (at most once a second: done of total, rate, time
// left), then prints the run's counts as JSON on stdout; the audit log records it as `cli`.
import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { reprocess } from '@/lib/ingest/reprocess';
import { throttledProgress } from '@/lib/ingest/reprocess-progress';
import { describeReprocess } from '@/lib/ingest/reprocess-result';
import type { ReprocessScope } from '@/lib/ingest/reprocess-scope';
import { PROVIDERS } from '@/lib/providers/registry';
import { connectForScript, flag } from './db-client';

const USAGE = `usage: npm run reprocess -- --call <call uuid> | --provider <${Object.keys(PROVIDERS).join('|')}> | --all`;

function scopeFromArgs(): ReprocessScope | string {
  const call = flag('call');
  const provider = flag('provider');
  const all = process.argv.slice(2).includes('--all');
  if ([call !== undefined, provider !== undefined, all].filter(Boolean).length !== 1) return USAGE;
  if (call !== undefined) return z.uuid().safeParse(call).success ? { kind: 'call', callId: call } : `--call needs a call id (a UUID), got "${call}"`;
  if (provider !== undefined) return PROVIDERS[provider] ? { kind: 'provider', provider } : `Unknown provider "${provider}". ${USAGE}`;
  return { kind: 'all' };
}

const scope = scopeFromArgs();
if (typeof scope === 'string') {
  console.error(scope);
  process.exit(2);
}
const client = await connectForScript();
try {
  const started = performance.now();
  const onProgress = throttledProgress((line) => console.error(`reprocess: ${line}`));
  const result = await reprocess(client, scope, { actor: { id: null, email: 'cli' }, ip: null, onProgress });
  console.error(`${describeReprocess(result)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const p of result.problems) console.error(`  delivery ${p.deliveryId}: ${p.error}`);
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(error instanceof AppError ? error.message : `Reprocess failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
