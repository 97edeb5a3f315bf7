// A JSON tree that can say what JSON.stringify cannot: duplicate keys, numbers no double holds
// (1e400, 2147483648 written out), and raw bytes that are not valid UTF-8 or not valid JSON.
// Fixtures are parsed into it, mutated, then encoded to the exact bytes a request carries.

/** Bytes written into the body as they are: `1e400`, a raw NUL, a lone surrogate's CESU bytes. */
export class Raw {
  constructor(
    readonly bytes: Uint8Array,
    readonly label: string,
  ) {}
  static text(text: string): Raw {
    return new Raw(Buffer.from(text, 'utf8'), text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
  /** A JSON string whose middle is raw bytes: `"ab<bytes>cd"`. */
  static inString(bytes: number[], label: string): Raw {
    return new Raw(Buffer.concat([Buffer.from('"ab'), Buffer.from(bytes), Buffer.from('cd"')]), label);
  }
}

/** An object as a list of entries, so a key can appear twice (or be `__proto__`) safely. */
export class Obj {
  constructor(readonly entries: [string, JsonNode][]) {}
}

export type JsonNode = null | boolean | number | string | Raw | Obj | JsonNode[];

export function fromValue(value: unknown): JsonNode {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fromValue);
  if (typeof value === 'object') return new Obj(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromValue(v)]));
  throw new TypeError(`not JSON: ${typeof value}`);
}

export function clone(node: JsonNode): JsonNode {
  if (node instanceof Obj) return new Obj(node.entries.map(([k, v]) => [k, clone(v)]));
  if (Array.isArray(node)) return node.map(clone);
  return node;
}

/** Encodes the tree to bytes; iterative, so a 100,000-level nesting does not overflow. */
export function encode(root: JsonNode): Buffer {
  const out: Buffer[] = [];
  const stack: (JsonNode | { lit: string })[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item !== null && typeof item === 'object' && 'lit' in item) out.push(Buffer.from(item.lit, 'utf8'));
    else if (item instanceof Raw) out.push(Buffer.from(item.bytes));
    else if (item instanceof Obj) {
      const parts: (JsonNode | { lit: string })[] = [{ lit: '{' }];
      item.entries.forEach(([k, v], i) => {
        parts.push({ lit: `${i ? ',' : ''}${JSON.stringify(k)}:` }, v);
      });
      parts.push({ lit: '}' });
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
    } else if (Array.isArray(item)) {
      const parts: (JsonNode | { lit: string })[] = [{ lit: '[' }];
      item.forEach((v, i) => {
        parts.push(...(i ? [{ lit: ',' }] : []), v);
      });
      parts.push({ lit: ']' });
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
    } else out.push(Buffer.from(JSON.stringify(item), 'utf8'));
  }
  return Buffer.concat(out);
}

/** Where a node sits: enough to replace it, rename it or remove it. */
export interface Location {
  parent: Obj | JsonNode[];
  index: number;
  key: string | null;
  node: JsonNode;
  depth: number;
  /** Keys from the root, for choosing targets (`metadata`, `…At`). */
  path: string[];
}

export function locations(root: JsonNode): Location[] {
  const out: Location[] = [];
  const walk = (node: JsonNode, depth: number, path: string[]) => {
    if (node instanceof Obj) {
      node.entries.forEach(([k, v], index) => {
        out.push({ parent: node, index, key: k, node: v, depth, path: [...path, k] });
        walk(v, depth + 1, [...path, k]);
      });
    } else if (Array.isArray(node)) {
      node.forEach((v, index) => {
        out.push({ parent: node, index, key: null, node: v, depth, path: [...path, String(index)] });
        walk(v, depth + 1, [...path, String(index)]);
      });
    }
  };
  walk(root, 0, []);
  return out;
}

export function replaceAt(loc: Location, value: JsonNode): void {
  if (loc.parent instanceof Obj) loc.parent.entries[loc.index] = [loc.key ?? '', value];
  else loc.parent[loc.index] = value;
}

export function removeAt(loc: Location): void {
  if (loc.parent instanceof Obj) loc.parent.entries.splice(loc.index, 1);
  else loc.parent.splice(loc.index, 1);
}
