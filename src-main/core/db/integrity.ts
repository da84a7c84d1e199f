import type { Database } from 'better-sqlite3';

export interface IntegrityReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: Array<{ table: string; rowid: number | null; parent: string }>;
  schemaVersion: number;
}

/** SQLite's own integrity and foreign-key checks, as `cli check` and restore use them. */
export function checkIntegrity(db: Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0,
    integrity,
    foreignKeyProblems: fk.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent })),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
