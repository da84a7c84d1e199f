import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { get, nowStamp, run } from '../db/sql';
import { DomainError } from '../errors';

/** Remembers a file Bindeled wrote, so "open in Word" can be allowed for it and nothing else. */
export function recordWrittenFile(db: Database, file: string, kind: string, sha256: string | null = null): void {
  run(
    db,
    `INSERT INTO written_files(path, kind, sha256, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, sha256 = excluded.sha256, created_at = excluded.created_at`,
    [path.resolve(file), kind, sha256, nowStamp()],
  );
}

/** A written file that had to take another name than the one first recorded. */
export function moveWrittenFile(db: Database, from: string, to: string): void {
  run(db, 'UPDATE written_files SET path = ? WHERE path = ?', [path.resolve(to), path.resolve(from)]);
}

export function assertWrittenFile(db: Database, file: string): string {
  const resolved = path.resolve(file);
  if (!get(db, 'SELECT 1 FROM written_files WHERE path = ?', [resolved])) {
    throw new DomainError('forbidden', 'files.openNotWritten', { path: file });
  }
  return resolved;
}
