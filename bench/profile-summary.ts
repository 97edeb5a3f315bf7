// `tsx bench/profile-summary.ts <file.cpuprofile> [top] [--callers <function>]`: where a CPU
// profile's time went (self time by package and function, inclusive time of the ingest
// pipeline's functions), or who calls one function, so a `--cpu-prof` run reads without
// DevTools. Production server bundles are minified, so most app function names are mangled;
// a build with `experimental.serverMinification: false` keeps them.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// The webhook path from route to database, by the names the source gives them.
const PIPELINE = new RegExp(
  '^(POST|handleWebhook|readBody|verify|normalize(Mirai|MiniVoice|Atoms)|canonicalJson|sha256Hex|ingest|settle|run|' +
    'storeBatch|linkByMetadata|lockCalls|insertEvents|foldCalls|foldCall|writeResults|recordRejected|query|prepareValue)$',
);

/** node_modules/<pkg> (scoped too), the Next bundle, node core, or the file itself. */
function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/.next/')) return '.next chunks (app code + bundled libs)';
  return url.replace(/^file:\/\//, '');
}

const frameName = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;

function print(title: string, map: Map<string, number>, total: number, top: number): void {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const callersAt = args.indexOf('--callers');
  const callersOf = callersAt >= 0 ? args.splice(callersAt, 2)[1] : undefined;
  const [file, topArg] = args;
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top] [--callers <function>]');
  const top = Number(topArg ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

  if (callersOf) {
    // The call chains (innermost first) that lead into one function, with its self time.
    const chains = new Map<string, number>();
    for (const [id, us] of selfUs) {
      if (byId.get(id)!.callFrame.functionName !== callersOf) continue;
      const chain: string[] = [];
      for (let at = parent.get(id); at !== undefined && chain.length < 10; at = parent.get(at)) chain.push(frameName(byId.get(at)!.callFrame));
      add(chains, chain.join('\n           < '), us);
    }
    print(`callers of ${callersOf}`, chains, total, top);
    return;
  }

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    add(byFunction, frameName(frame), us);
    add(byPackage, packageOf(frame.url), us);
    // Inclusive: every sample whose stack passes through the function, counted once per sample.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (PIPELINE.test(name) && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, us);
      }
    }
  }
  console.log(`total sampled: ${(total / 1e6).toFixed(1)} s`);
  print('inclusive time of webhook pipeline functions', inclusive, total, top);
  print('self time by package', byPackage, total, top);
  print('self time by function', byFunction, total, top);
}

main();
