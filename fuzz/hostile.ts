import fc from 'fast-check';
import { type JsonNode, Raw } from './json-tree';

// The hostile values a fuzz case can put into a payload: strings that break text handling
// (NUL, lone surrogates, half emoji, RTL, very long), values of the wrong type, numbers no int
// or double holds, and dates outside every range. Shared by the webhook and the JSON API cases.

const EMOJI = '😀';
/** Escaped in the JSON text (`\u0000`, `\ud800`): valid JSON, awkward text. */
const TRICKY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\udbffy',
  '\udc00\ud800',
  EMOJI.slice(0, 1),
  `ok${EMOJI.slice(1)}`,
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  '\u200f\u200e\u2066',
  '\ufeff',
  '\uffff\ufffe',
  'null',
  '[]',
  '{}',
  '%ED%A0%80',
  "'; DROP TABLE call; --",
  '\\u0000',
  '\r\n\t\b\f',
  '\u0085\u2028\u2029',
  '1e400',
  'NaN',
  '__proto__',
  'constructor',
];

/** Long and incompressible: Postgres compresses 'aaaa…' below an index's row limit, not this. */
function noise(length: number, seed: number): string {
  let x = seed | 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += 'abcdefghijklmnopqrstuvwxyz0123456789'[(x >>> 0) % 36];
  }
  return out;
}

export const trickyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', '\u202e', 'a', 'é', EMOJI, '"', '\\'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(1_000, 10_000, 100_000, 300_000), fc.constantFrom('a', 'é', EMOJI, '\u0000', '\ud800'))
      .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(3_000, 10_000), fc.integer()).map(([n, seed]) => noise(n, seed)) },
);

/** Raw bytes inside a string: not valid UTF-8, or not valid JSON. */
const RAW_STRINGS: Raw[] = [
  Raw.inString([0x00], 'raw NUL'),
  Raw.inString([0xed, 0xa0, 0x80], 'raw lone surrogate U+D800 (CESU bytes)'),
  Raw.inString([0xed, 0xbf, 0xbf], 'raw lone surrogate U+DFFF'),
  Raw.inString([0xf0, 0x9f, 0x98], 'raw half emoji (3 of 4 bytes)'),
  Raw.inString([0xc0, 0x80], 'raw overlong NUL'),
  Raw.inString([0xff, 0xfe], 'raw 0xFF 0xFE'),
  Raw.inString([0x1f, 0x7f], 'raw control characters'),
  Raw.inString([0xe2, 0x80, 0xae], 'raw RTL override'),
];

/** A string value: escaped tricky text mostly, raw bytes sometimes. */
export const hostileString: fc.Arbitrary<JsonNode> = fc.oneof(
  { weight: 5, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_STRINGS) },
);

const BIG_NUMBERS = [
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '1E308',
  '123456789012345678901234567890',
  '0.1e1',
  '1.0',
];
export const oddNumber: fc.Arbitrary<JsonNode> = fc.oneof(
  fc.constantFrom<JsonNode>(...BIG_NUMBERS.map((n) => Raw.text(n))),
  fc.constantFrom<JsonNode>(0, -1, 1.5, 2147483647, -2147483648, 1e21, Math.PI, 0.000001, '96', 'abc', '', null, true),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const ODD_DATES = [
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+010000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-45T99:99:99Z',
  '2026-07-26T09:15:02+99:00',
  '2026-07-26T09:15:02.123456789Z',
  '2026-07-26',
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  'Sat, 05 Dec 2026 13:00:00 GMT',
  'yesterday',
  '...',
  '1780056000',
];
export const oddDate: fc.Arbitrary<JsonNode> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<JsonNode>(...ODD_DATES) },
  { weight: 1, arbitrary: fc.constantFrom<JsonNode>(0, -1, 1e15, 8.64e15, 8.64e15 + 1, Raw.text('1e400'), null, '') },
);

/** A value of some other type than the one expected. */
export const wrongType: fc.Arbitrary<JsonNode> = fc.oneof(
  fc.constantFrom<JsonNode>(null, true, false, 0, -1, 1.5, '123', '', [], [null], [[]], ['a', 1]),
  oddNumber,
  trickyString,
);

/** `depth` levels of nesting, written out directly (building a tree that deep would be slower). */
export function deepNesting(depth: number, shape: 'object' | 'array'): Raw {
  const text = shape === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return new Raw(Buffer.from(text), `${depth}-level ${shape} nesting`);
}
