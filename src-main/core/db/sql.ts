import type { Database, Statement } from 'better-sqlite3';

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

/** ISO timestamp in UTC with seconds, the one format stamps are stored in. */
export function nowStamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
