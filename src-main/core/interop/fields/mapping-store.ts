import type { Database } from 'better-sqlite3';
import { all, get, nowStamp, run } from '../../db/sql';
import { IMPORT_FIELDS, type ImportField, type ImportRun } from '../interop-schema';
import { headerSignature } from './header-guess';

/** The mapping chosen last time for files with these headers, if one is remembered and still fits. */
export function rememberedMapping(db: Database, headers: readonly string[]): Array<ImportField | null> | undefined {
  const row = get<{ mapping: string }>(db, 'SELECT mapping FROM import_mappings WHERE signature = ?', [
    headerSignature(headers),
  ]);
  if (!row) return undefined;
  const parsed = JSON.parse(row.mapping) as unknown;
  if (!Array.isArray(parsed) || parsed.length !== headers.length) return undefined;
  const known = new Set<string>(IMPORT_FIELDS);
  return parsed.map((v) => (typeof v === 'string' && known.has(v) ? (v as ImportField) : null));
}

/** Inside the import's transaction: the mapping is remembered only when the import went through. */
export function rememberMapping(
  db: Database,
  headers: readonly string[],
  mapping: ReadonlyArray<ImportField | null>,
): void {
  run(
    db,
    `INSERT INTO import_mappings(signature, headers, mapping, used_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, headers = excluded.headers, used_at = excluded.used_at`,
    [headerSignature(headers), JSON.stringify(headers), JSON.stringify(mapping), nowStamp()],
  );
}

export function recordImportRun(db: Database, run_: Omit<ImportRun, 'id' | 'at'>): number {
  const info = run(
    db,
    `INSERT INTO import_runs(at, actor, file_name, format, sha256, added, updated, unchanged, skipped)
     VALUES (@at, @actor, @fileName, @format, @sha256, @added, @updated, @unchanged, @skipped)`,
    { ...run_, at: nowStamp() },
  );
  return Number(info.lastInsertRowid);
}

export function listImportRuns(db: Database, limit: number): ImportRun[] {
  return all<ImportRun>(
    db,
    `SELECT id, at, actor, file_name AS fileName, format, sha256, added, updated, unchanged, skipped
     FROM import_runs ORDER BY id DESC LIMIT ?`,
    [limit],
  );
}
