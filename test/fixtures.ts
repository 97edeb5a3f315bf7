import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A provider fixture as exact bytes (signature tests need them untouched). */
export function fixtureText(provider: string, name: string): string {
  return readFileSync(path.join(process.cwd(), 'lib/providers', provider, 'fixtures', name), 'utf8');
}

export function fixture<T = Record<string, unknown>>(provider: string, name: string): T {
  return JSON.parse(fixtureText(provider, name)) as T;
}
