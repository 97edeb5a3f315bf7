// Runs `prisma generate` without the native schema engine: generate never executes it,
// but the CLI insists the path exists (this workplace cannot download engines).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const placeholder = path.resolve('node_modules/.cache/callboard/no-schema-engine');
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  if (!existsSync(placeholder)) {
    mkdirSync(path.dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, '#!/bin/sh\necho "schema engine not available; use npm run db:migrate" >&2\nexit 1\n', { mode: 0o755 });
  }
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
process.env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync(process.execPath, [path.resolve('node_modules/prisma/build/index.js'), 'generate'], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
