import type { Database } from 'better-sqlite3';
import { all, get, run } from '../db/sql';

/** Key/value settings stored as JSON, so each setting keeps its type. */
export function getSetting<T>(db: Database, key: string, fallback: T): T {
  const row = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function setSetting(db: Database, key: string, value: unknown): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}

export function allSettings(db: Database): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of all<{ key: string; value: string }>(db, 'SELECT key, value FROM settings'))
    out[r.key] = JSON.parse(r.value);
  return out;
}

/** The name written into the audit log: the consultant named in settings, else the OS user. */
export function currentActor(db: Database): string {
  return getSetting<string>(db, 'user.name', '') || process.env.USER || process.env.USERNAME || 'ukendt';
}
