import type { Database } from 'better-sqlite3';
import { migrations } from './migrations';

export interface Migration {
  /** Numbered with gaps (10, 20, …) so a fix can slot in between. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

export function latestVersion(): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Runs each pending migration in its own transaction and records it in `user_version`. */
export function migrate(db: Database, target = latestVersion()): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}
