import type { Database } from 'better-sqlite3';
import { startupSafetyInBackground } from '../core/backup/startup';
import { openDatabase } from '../core/db/open';

/**
 * The desktop app's first step once Electron is ready (main.ts), kept free of Electron so tests
 * run it under Node: open the caseload and settle what a crash left before any window can write
 * (core/backup/startup.ts); the daily backup and the access-log pruning go on in the background.
 */
export function openCaseload(
  dbPath: string,
  nativeBinding: string | undefined,
  log: (line: string) => void = console.error,
): { db: Database; safety: ReturnType<typeof startupSafetyInBackground> } {
  const db = openDatabase(dbPath, { nativeBinding });
  return { db, safety: startupSafetyInBackground(db, dbPath, log, nativeBinding) };
}
