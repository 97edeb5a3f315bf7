// `npm test`: lint (Biome's format and lint check, the fastest step), typecheck, unit,
// integration, then e2e, stopping at the first failure with its exit code. Each step is the
// package.json script of the same name, so running one step by hand (`npm run test:unit`) does
// exactly what this does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Step {
  script: string;
  /** A reason to skip the step, or undefined to run it. */
  skip?: () => string | undefined;
}

const steps: Step[] = [
  { script: 'lint' },
  { script: 'typecheck' },
  { script: 'test:unit' },
  { script: 'test:integration' },
  // The e2e suite arrives later; until its config exists there is nothing to run.
  { script: 'test:e2e', skip: () => (existsSync('playwright.config.ts') ? undefined : 'no playwright.config.ts') },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`Could not start npm run ${script}: ${error.message}`);
      resolve(1);
    });
    // A signal-killed step has no exit code; report it as the conventional 128 + signal number.
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1)));
  });
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

const results: { script: string; outcome: string; seconds?: number }[] = [];
let exitCode = 0;
for (const step of steps) {
  if (exitCode !== 0) {
    results.push({ script: step.script, outcome: 'not run' });
    continue;
  }
  const reason = step.skip?.();
  if (reason) {
    results.push({ script: step.script, outcome: `skipped (${reason})` });
    continue;
  }
  console.log(`\n▶ npm run ${step.script}`);
  const started = performance.now();
  const code = await run(step.script);
  const seconds = (performance.now() - started) / 1000;
  results.push({ script: step.script, outcome: code === 0 ? 'passed' : `FAILED (exit ${code})`, seconds });
  exitCode = code;
}

const width = Math.max(...results.map((r) => r.script.length));
console.log('\nnpm test summary');
for (const r of results) {
  const time = r.seconds === undefined ? '' : `${r.seconds.toFixed(1).padStart(6)}s  `;
  console.log(`  ${r.script.padEnd(width)}  ${time || ' '.repeat(9)}${r.outcome}`);
}
process.exitCode = exitCode;
