import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

// JavaScript a page sends to the browser: Next's root runtime chunks plus every chunk its
// layouts and page list in the route's client reference manifest, each gzipped (as served).

export interface PageWeight {
  page: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

interface RscManifest {
  entryJSFiles?: Record<string, string[]>;
}

function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

/** The manifest is a script assigning `globalThis.__RSC_MANIFEST[page]`; run it in a sandbox. */
function readManifest(file: string): Record<string, RscManifest> {
  const sandbox: Record<string, unknown> = {};
  sandbox.self = sandbox; // inside the context, globalThis is the sandbox already
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return (sandbox.__RSC_MANIFEST ?? {}) as Record<string, RscManifest>;
}

export function pageWeights(nextDir = '.next'): PageWeight[] {
  const appDir = path.join(nextDir, 'server', 'app');
  if (!existsSync(appDir)) return [];
  const build = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  const root = build.rootMainFiles ?? [];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readFileSync(path.join(nextDir, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  return manifests(appDir).flatMap((file) =>
    Object.entries(readManifest(file)).map(([page, manifest]) => {
      const files = new Set([...root, ...Object.values(manifest.entryJSFiles ?? {}).flat()].filter((f) => f.endsWith('.js')));
      const total = [...files].map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
      return { page, files: files.size, rawBytes: total.raw, gzipBytes: total.gzip };
    }),
  );
}

export function largestPage(nextDir = '.next'): PageWeight | undefined {
  return pageWeights(nextDir).sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
}
