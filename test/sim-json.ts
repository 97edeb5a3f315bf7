// Reading the simulator's JSON in tests: a path lookup and every ISO timestamp in a value.
import type { JsonObject, JsonValue } from '@/simulator/lifecycles';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function at(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let cur = value;
  for (const key of path) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}

export function isoStrings(value: JsonValue): string[] {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(isoStrings);
  if (isObject(value)) return Object.values(value).flatMap(isoStrings);
  return [];
}
