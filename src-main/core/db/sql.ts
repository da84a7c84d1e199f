import type { Database, Statement } from 'better-sqlite3';
import { notFound } from '../errors';
import type { MessageKey } from '../messages';

/**
 * Prepared statements are cached per database and SQL text: better-sqlite3 compiles on prepare,
 * and the caseload query runs on every keystroke.
 */
const cache = new WeakMap<Database, Map<string, Statement>>();

export function stmt(db: Database, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    perDb.set(sql, s);
  }
  return s;
}

export function all<T>(db: Database, sql: string, params: unknown[] | Record<string, unknown> = []): T[] {
  return stmt(db, sql).all(params) as T[];
}

export function get<T>(db: Database, sql: string, params: unknown[] | Record<string, unknown> = []): T | undefined {
  return stmt(db, sql).get(params) as T | undefined;
}

export function run(db: Database, sql: string, params: unknown[] | Record<string, unknown> = []) {
  return stmt(db, sql).run(params);
}

const registered = new WeakMap<Database, Set<string>>();

/**
 * A deterministic JS function callable from this connection's SQL as `name`, registered on the
 * connection the first time it is asked for; returns the name to write into the SQL.
 */
export function sqlFunction(db: Database, name: string, fn: (...args: unknown[]) => unknown): string {
  let names = registered.get(db);
  if (!names) {
    names = new Set();
    registered.set(db, names);
  }
  if (!names.has(name)) {
    db.function(name, { deterministic: true }, fn);
    names.add(name);
  }
  return name;
}

/**
 * A list's WHERE from its filters, each `[condition, value]` taken only when the value was given
 * (not undefined, not an empty text or list); a list fills the condition's `(?)` with one
 * placeholder per item.
 */
export function whereOf(filters: ReadonlyArray<readonly [string, unknown]>): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [condition, value] of filters) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) {
      where.push(condition.replace('(?)', `(${value.map(() => '?').join(', ')})`));
      params.push(...value);
    } else {
      where.push(condition);
      params.push(value);
    }
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Inserts one row, its columns named by the keys of `values`; returns its id. */
export function insertRow(db: Database, table: string, values: Record<string, unknown>): number {
  const cols = Object.keys(values);
  const info = run(
    db,
    `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    values,
  );
  return Number(info.lastInsertRowid);
}

/** A record's stored row as it is (what an audit entry records as before); an unknown id is not found. */
export function storedRow<T extends object = object>(
  db: Database,
  table: string,
  id: number,
  entity: MessageKey,
): Record<string, unknown> & T {
  const row = get<Record<string, unknown> & T>(db, `SELECT * FROM ${table} WHERE id = ?`, [id]);
  if (!row) throw notFound(entity, id);
  return row;
}

let stamped = { second: Number.NaN, stamp: '' };

/**
 * ISO timestamp in UTC with seconds, the one format stamps are stored in. Made once a second: an
 * import of 100,000 firms stamps 200,000 audit entries.
 */
export function nowStamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== stamped.second) {
    stamped = { second, stamp: new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return stamped.stamp;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Each column (`alias.column` or bare) under its API name, snake_case turned camelCase, so rows come
 * back in the API's shape with no mapper between.
 */
export function camelColumns(columns: readonly string[]): string {
  return columns.map((c) => `${c} AS "${camel(c.slice(c.indexOf('.') + 1))}"`).join(', ');
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** How each field is stored: as it is, as a 0/1 flag, or as JSON text. */
export interface StoredAs<T> {
  plain?: ReadonlyArray<keyof T & string>;
  flags?: ReadonlyArray<keyof T & string>;
  json?: ReadonlyArray<keyof T & string>;
}

/**
 * The fields an insert or update was given (undefined means "not given") under their column names,
 * camelCase turned snake_case — the inverse of camelColumns, so no table restates the column names.
 */
export function storedColumns<T extends object>(fields: Partial<T>, as: StoredAs<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of as.plain ?? []) if (fields[key] !== undefined) out[snake(key)] = fields[key];
  for (const key of as.flags ?? []) if (fields[key] !== undefined) out[snake(key)] = fields[key] ? 1 : 0;
  for (const key of as.json ?? []) if (fields[key] !== undefined) out[snake(key)] = JSON.stringify(fields[key]);
  return out;
}

/** A row as SQLite returns it: the named flags as its 0/1 integers. */
export type StoredFlags<T, K extends keyof T> = Omit<T, K> & Record<K, number>;

/** SQLite keeps booleans as 0/1; turns the named flags of a row back into booleans. */
export function withFlags<T, K extends keyof T>(row: StoredFlags<T, K>, ...flags: K[]): T {
  const out: Record<PropertyKey, unknown> = { ...row };
  for (const f of flags) out[f] = out[f] === 1;
  return out as T;
}
