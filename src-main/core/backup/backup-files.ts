import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  copyBlob,
  pruneStore,
  referencedHashes,
  storeBeside,
  storedFilesQuery,
  storeOf,
} from '../attachments/attachment-store';

/**
 * A backup is its database file and the attachments that file names. The files go to the
 * attachments folder beside the backup (`backups/attachments/`, shared by every backup in the
 * folder and named by content), and only the ones not there yet are copied: a daily backup of a
 * caseload with 1 GB of attachments copies today's new files, not the gigabyte. They are copied
 * before the backup's database gets its real name, so a backup that exists is complete; files no
 * backup names any more (rotated out, rewritten without an erased firm) are removed.
 */

/** Files a backup in this process is copying right now: a concurrent prune must leave them. */
const inFlight = new Map<string, number>();

function hold(hashes: Iterable<string>): () => void {
  const held = [...hashes];
  for (const h of held) inFlight.set(h, (inFlight.get(h) ?? 0) + 1);
  return () => {
    for (const h of held) {
      const n = (inFlight.get(h) ?? 1) - 1;
      if (n <= 0) inFlight.delete(h);
      else inFlight.set(h, n);
    }
  };
}

/**
 * The stored files (attachments, letter templates) a database file names, read through the open connection (ATTACH), so the
 * app's own SQLite build reads it. Null when the file cannot be attached here (inside a
 * transaction); a file from before attachments names none.
 */
export function hashesInFile(db: Database, file: string): Set<string> | null {
  const alias = `bk_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  try {
    db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(path.resolve(file));
  } catch {
    return null;
  }
  try {
    const sql = storedFilesQuery(db, alias);
    return new Set(sql ? (db.prepare(sql).pluck().all() as string[]) : []);
  } finally {
    db.exec(`DETACH DATABASE ${alias}`);
  }
}

export interface CopiedFiles {
  copied: number;
  present: number;
  /** Named by the database but not in the store it was copied from (shown as missing after a restore). */
  missing: number;
}

/**
 * Copies the files the database file `dbFile` names from `fromStore` into the store beside
 * `besideFile`. `db` is any open connection outside a transaction, used to read `dbFile`.
 */
export function copyNamedFiles(
  db: Database,
  dbFile: string,
  fromStore: string | null,
  besideFile: string,
): CopiedFiles {
  const hashes = hashesInFile(db, dbFile);
  if (!hashes) throw new Error(`cannot read the attachments of ${dbFile}`);
  return copyHashes(hashes, fromStore, besideFile);
}

function copyHashes(hashes: ReadonlySet<string>, fromStore: string | null, besideFile: string): CopiedFiles {
  const result: CopiedFiles = { copied: 0, present: 0, missing: 0 };
  if (hashes.size === 0) return result;
  const to = storeBeside(besideFile);
  const release = hold(hashes);
  try {
    for (const sha of hashes) {
      const outcome = fromStore ? copyBlob(fromStore, to, sha) : 'missing';
      result[outcome === 'copied' ? 'copied' : outcome === 'present' ? 'present' : 'missing']++;
    }
  } finally {
    release();
  }
  return result;
}

/**
 * The files a new backup of `db` (its database copy at `temp`) needs, into the backup folder's
 * store. Inside a transaction (the before-migration backup) the copy cannot be attached: the
 * hashes `db` names are taken instead, the same set for a copy made of it in that transaction.
 */
export function copyBackupFiles(db: Database, temp: string, target: string): CopiedFiles {
  return copyHashes(hashesInFile(db, temp) ?? referencedHashes(db), storeOf(db), target);
}

/**
 * Removes the files in a backup folder's store that none of `backupFiles` names. A backup that
 * cannot be read keeps everything (its files may be needed).
 */
export function pruneBackupFiles(db: Database, folder: string, backupFiles: readonly string[]): number {
  const keep = new Set<string>(inFlight.keys());
  for (const f of backupFiles) {
    const hashes = hashesInFile(db, f);
    if (!hashes) return 0;
    for (const h of hashes) keep.add(h);
  }
  return pruneStore(storeBeside(path.join(folder, 'x')), keep);
}
