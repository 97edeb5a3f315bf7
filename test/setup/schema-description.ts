// Describes a database schema two ways, as sorted one-fact lines that can be compared with a
// plain toEqual: from the Postgres catalog, and from Prisma's DMMF using the rules Prisma Migrate
// follows when it writes SQL (type mapping, NOT NULL, default rendering, constraint naming).
// A schema shape these rules do not cover throws, so the migration test fails loudly rather
// than passing by accident; extend the rules when that happens.
import type pg from 'pg';

type DmmfDefault = string | number | boolean | { name: string; args: (string | number)[] } | DmmfDefault[];

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface Dmmf {
  datamodel: {
    models: { name: string; dbName: string | null; fields: DmmfField[] }[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: {
      model: string;
      type: 'id' | 'unique' | 'normal' | 'fulltext';
      dbName?: string | null;
      algorithm?: string;
      fields: { name: string; sortOrder?: 'asc' | 'desc' }[];
    }[];
  };
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const withArgs = (base: string, args: string[]) => (args.length > 0 ? `${base}(${args.join(',')})` : base);

// How format_type() spells each @db.* native type.
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => 'text',
  VarChar: (a) => withArgs('character varying', a),
  Char: (a) => withArgs('character', a.length > 0 ? a : ['1']),
  Uuid: () => 'uuid',
  Xml: () => 'xml',
  Inet: () => 'inet',
  Citext: () => 'citext',
  Bit: (a) => withArgs('bit', a.length > 0 ? a : ['1']),
  VarBit: (a) => withArgs('bit varying', a),
  Boolean: () => 'boolean',
  Integer: () => 'integer',
  SmallInt: () => 'smallint',
  BigInt: () => 'bigint',
  Oid: () => 'oid',
  DoublePrecision: () => 'double precision',
  Real: () => 'real',
  Decimal: (a) => withArgs('numeric', a),
  Money: () => 'money',
  Timestamp: (a) => `${withArgs('timestamp', a)} without time zone`,
  Timestamptz: (a) => `${withArgs('timestamp', a)} with time zone`,
  Time: (a) => `${withArgs('time', a)} without time zone`,
  Timetz: (a) => `${withArgs('time', a)} with time zone`,
  Date: () => 'date',
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
};

const ACTIONS: Record<string, string> = { Cascade: 'cascade', Restrict: 'restrict', NoAction: 'no action', SetNull: 'set null', SetDefault: 'set default' };
const PG_ACTIONS: Record<string, string> = { c: 'cascade', r: 'restrict', a: 'no action', n: 'set null', d: 'set default' };

const quoteIfNeeded = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

export interface UnsupportedField {
  model: string;
  name: string;
  column: string;
  /** The type inside Unsupported("…"), as format_type() spells it. */
  type: string;
  required: boolean;
}

/**
 * DMMF leaves Unsupported("…") fields out entirely, so they are read from the schema text. Only
 * the shape this project uses is described: a database-computed column, declared with an empty
 * `@default(dbgenerated())` and built as GENERATED ALWAYS … STORED by a hand-written migration.
 */
export function unsupportedFields(schemaText: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  for (const [, model = '', body = ''] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of body.split('\n')) {
      const match = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/.exec(line);
      if (!match) continue;
      const [, name = '', type = '', optional, attributes = ''] = match;
      if (!/@default\(dbgenerated\(\)\)/.test(attributes)) {
        throw new Error(`${model}.${name}: only Unsupported() columns with @default(dbgenerated()) (generated columns) are described`);
      }
      fields.push({ model, name, type, required: !optional, column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? name });
    }
  }
  return fields;
}

/** Prisma's default constraint names, shortened the way it keeps them within 63 bytes. */
function constraintName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join('_');
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

/**
 * Indexes only a migration can make (expression, partial), declared in a model by a comment
 * line `// raw-index <name> using <method> [unique] [on (<columns>)]`, so the comparison expects
 * them by name, method, uniqueness and plain columns (an expression's columns are not listed).
 */
export function rawIndexes(schemaText: string): { model: string; name: string; method: string; unique: boolean; columns: string }[] {
  const out: { model: string; name: string; method: string; unique: boolean; columns: string }[] = [];
  for (const [, model = '', body = ''] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const [, name = '', method = '', unique, columns = ''] of body.matchAll(
      /^\s*\/\/\s*raw-index\s+(\w+)\s+using\s+(\w+)(\s+unique)?(?:\s+on\s+\(([^)]*)\))?\s*$/gm,
    ))
      out.push({ model, name, method, unique: Boolean(unique), columns });
  }
  return out;
}

export function describePrismaSchema(dmmf: Dmmf, schemaText: string): string[] {
  const { models, enums, indexes } = dmmf.datamodel;
  const unsupported = unsupportedFields(schemaText);
  const tableOf = (modelName: string) => {
    const model = models.find((m) => m.name === modelName);
    if (!model) throw new Error(`Unknown model ${modelName}`);
    return { table: model.dbName ?? model.name, model };
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const field = tableOf(modelName).model.fields.find((f) => f.name === fieldName);
    if (field) return field.dbName ?? field.name;
    const other = unsupported.find((f) => f.model === modelName && f.name === fieldName);
    if (!other) throw new Error(`Unknown field ${modelName}.${fieldName}`);
    return other.column;
  };
  const lines: string[] = enums.map((e) => `enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(', ')})`);

  for (const model of models) {
    const table = model.dbName ?? model.name;
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (!field.relationFromFields?.length) continue;
        const target = tableOf(field.type);
        // Prisma's referential-action defaults: optional relations SetNull, required ones Restrict.
        const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
        const onUpdate = field.relationOnUpdate ?? 'Cascade';
        const from = field.relationFromFields.map((f) => columnOf(model.name, f)).join(', ');
        const to = (field.relationToFields ?? []).map((f) => columnOf(field.type, f)).join(', ');
        lines.push(`foreign key ${table} (${from}) -> ${target.table} (${to}) on delete ${ACTIONS[onDelete]} on update ${ACTIONS[onUpdate]}`);
        continue;
      }
      if (field.kind === 'unsupported') throw new Error(`${model.name}.${field.name}: Unsupported() types are not described`);
      const column = `${table}.${field.dbName ?? field.name}`;
      let type: string | undefined;
      if (field.kind === 'enum') {
        const enumDef = enums.find((e) => e.name === field.type);
        type = quoteIfNeeded(enumDef?.dbName ?? field.type);
      } else if (field.nativeType) {
        type = NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1]);
      } else {
        type = SCALAR_TYPES[field.type];
      }
      if (!type) throw new Error(`${model.name}.${field.name}: no Postgres type known for ${field.type} ${JSON.stringify(field.nativeType)}`);
      // Prisma Migrate never marks list columns NOT NULL (it reads NULL as an empty list).
      const notNull = field.isRequired && !field.isList ? ' not null' : '';
      const fallback = expectedDefault(field, enums);
      lines.push(`column ${column} ${type}${field.isList ? '[]' : ''}${notNull}${fallback === undefined ? '' : ` default ${fallback}`}`);
    }
  }
  for (const field of unsupported) {
    lines.push(`column ${tableOf(field.model).table}.${field.column} ${field.type}${field.required ? ' not null' : ''} generated`);
  }

  for (const index of indexes) {
    if (index.type === 'fulltext') throw new Error(`${index.model}: fulltext indexes are MySQL-only`);
    const { table } = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const kind = { id: 'primary key', unique: 'unique', normal: 'index' }[index.type];
    const suffix = { id: 'pkey', unique: 'key', normal: 'idx' }[index.type];
    const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : constraintName(table, columns, suffix));
    const method = (index.algorithm ?? 'BTree').toLowerCase();
    const keyList = index.fields.map((f, i) => `${columns[i]}${f.sortOrder === 'desc' ? ' DESC' : ''}`).join(', ');
    lines.push(`${kind} ${table}.${name} ${method === 'btree' ? '' : `using ${method} `}(${keyList})`);
  }
  for (const raw of rawIndexes(schemaText)) {
    const kind = raw.unique ? 'unique' : 'index';
    lines.push(
      `${kind} ${tableOf(raw.model).table}.${raw.name} ${raw.method === 'btree' ? '' : `using ${raw.method} `}(${raw.columns}) (expression, partial or covering)`,
    );
  }
  return lines.sort();
}

/** The default as it reads back from pg_get_expr, literals reduced to their bare value. */
function expectedDefault(field: DmmfField, enums: Dmmf['datamodel']['enums']): string | undefined {
  const value = field.default;
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new Error(`${field.name}: list defaults are not described`);
  if (typeof value === 'object') {
    switch (value.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'dbgenerated':
        return String(value.args[0]);
      case 'autoincrement':
        return 'autoincrement';
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        return undefined; // generated by the Prisma client, not by the database
      default:
        throw new Error(`${field.name}: default ${value.name}() is not described`);
    }
  }
  if (field.kind === 'enum') {
    const enumValue = enums.find((e) => e.name === field.type)?.values.find((v) => v.name === value);
    return literal(enumValue?.dbName ?? String(value));
  }
  if (field.type === 'Json') return literal(canonicalJson(String(value)));
  return literal(String(value));
}

const literal = (value: string) => `'${value}'`;

function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** Turns pg_get_expr output into the same vocabulary as expectedDefault. */
function actualDefault(expr: string, type: string): string {
  if (/^nextval\('.+'::regclass\)$/.test(expr)) return 'autoincrement';
  if (/^(true|false|-?\d+(\.\d+)?)$/.test(expr)) return literal(expr);
  const quoted = /^'((?:[^']|'')*)'::[^']+$/.exec(expr);
  if (quoted?.[1] !== undefined) {
    const text = quoted[1].replace(/''/g, "'");
    return literal(type === 'jsonb' || type === 'json' ? canonicalJson(text) : text);
  }
  return expr;
}

/** Reads tables, columns, keys, indexes and enums of one schema from the catalog. */
export async function describeDatabase(client: pg.ClientBase, schema: string): Promise<string[]> {
  // Local search_path makes format_type and pg_get_expr print names unqualified, as Prisma writes them.
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL search_path TO "${schema.replace(/"/g, '""')}"`);
    const lines: string[] = [];
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
      [schema],
    );
    for (const t of tables.rows) lines.push(`table ${t.name}`);

    const columns = await client.query<{ tbl: string; col: string; type: string; not_null: boolean; expr: string | null; generated: boolean }>(
      `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS expr, a.attgenerated <> '' AS generated
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped`,
      [schema],
    );
    for (const c of columns.rows) {
      // A generated column's expression lives in the migration alone; Prisma only knows it exists.
      const fallback = c.generated ? ' generated' : c.expr === null ? '' : ` default ${actualDefault(c.expr, c.type)}`;
      lines.push(`column ${c.tbl}.${c.col} ${c.type}${c.not_null ? ' not null' : ''}${fallback}`);
    }

    const indexes = await client.query<{ tbl: string; name: string; is_primary: boolean; is_unique: boolean; method: string; keys: string[]; odd: boolean }>(
      `SELECT t.relname AS tbl, i.relname AS name, x.indisprimary AS is_primary, x.indisunique AS is_unique, am.amname AS method,
              x.indexprs IS NOT NULL OR x.indpred IS NOT NULL OR x.indnkeyatts <> x.indnatts AS odd,
              array(SELECT a.attname || CASE WHEN x.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS keys
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
       WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'`,
      [schema],
    );
    for (const x of indexes.rows) {
      const kind = x.is_primary ? 'primary key' : x.is_unique ? 'unique' : 'index';
      // Expression, partial and INCLUDE indexes have no Prisma counterpart; mark them so they differ.
      const odd = x.odd ? ' (expression, partial or covering)' : '';
      lines.push(`${kind} ${x.tbl}.${x.name} ${x.method === 'btree' ? '' : `using ${x.method} `}(${x.keys.join(', ')})${odd}`);
    }

    const foreignKeys = await client.query<{ tbl: string; ref: string; cols: string[]; ref_cols: string[]; on_delete: string; on_update: string }>(
      `SELECT t.relname AS tbl, r.relname AS ref, con.confdeltype AS on_delete, con.confupdtype AS on_update,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols,
              array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_cols
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE con.contype = 'f' AND n.nspname = $1`,
      [schema],
    );
    for (const fk of foreignKeys.rows) {
      lines.push(
        `foreign key ${fk.tbl} (${fk.cols.join(', ')}) -> ${fk.ref} (${fk.ref_cols.join(', ')}) on delete ${PG_ACTIONS[fk.on_delete]} on update ${PG_ACTIONS[fk.on_update]}`,
      );
    }

    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    for (const e of enums.rows) lines.push(`enum ${e.name} (${e.labels.join(', ')})`);
    await client.query('COMMIT');
    return lines.sort();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
