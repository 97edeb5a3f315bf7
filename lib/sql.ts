// Parameterised SQL built from fragments, for node-postgres: a fragment keeps its text and its
// values apart, nesting one fragment in another keeps them apart still, and `text` numbers the
// placeholders $1, $2 … in order. Only `raw` puts text into the statement as it is: give it
// column names and keywords, never input.

export class Sql {
  constructor(
    /** One more than `values`: the text around each value. */
    readonly strings: readonly string[],
    readonly values: unknown[],
  ) {}

  /** The statement with $n placeholders, as pg's query(text, values) takes it. */
  get text(): string {
    return this.strings.reduce((text, part, index) => `${text}$${index}${part}`);
  }
}

/** A tagged template: each `${value}` becomes a placeholder, each `${fragment}` is spliced in. */
export function sql(strings: readonly string[], ...values: unknown[]): Sql {
  const parts = [strings[0] ?? ''];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    const after = strings[i + 1] ?? '';
    if (value instanceof Sql) {
      parts[parts.length - 1] += value.strings[0] ?? '';
      value.values.forEach((inner, j) => {
        params.push(inner);
        parts.push(value.strings[j + 1] ?? '');
      });
      parts[parts.length - 1] += after;
    } else {
      params.push(value);
      parts.push(after);
    }
  });
  return new Sql(parts, params);
}

/** Text taken as it is (a column, a keyword, a direction). */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export const empty = raw('');

/** Fragments (or values) with `separator` between them. */
export function join(items: readonly unknown[], separator = ','): Sql {
  if (items.length === 0) throw new TypeError('join needs at least one item');
  return sql(['', ...Array<string>(items.length - 1).fill(separator), ''], ...items);
}
