import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { all, get, nowStamp, run } from '../db/sql';
import { DomainError } from '../errors';
import { flushFile, removeFile, renameFile } from './file-ops';
import { uniquePath } from './safe-file-name';
import { moveWrittenFile } from './written-files';

/**
 * Files that appear under their real names exactly when their records do, whatever moment a
 * crash picks. Each file is written under a hidden temporary name (leftovers.ts) that is entered
 * in the `file_writes` journal before the file is made. When all are written and flushed, ONE
 * transaction records them (documents, written_files) and promises each rename; then the files
 * are renamed and the journal cleared. A start after a crash settles the journal
 * (leftovers.ts → settleFileWrites): before the commit nothing was recorded and the temporary
 * files are removed; after it the renames are carried out. So no file of a write is ever under
 * its real name unrecorded, and every record points to its file.
 */

export interface FileWrite {
  temp: string;
  /** Null until the records are committed. */
  target: string | null;
  /** An export may replace the file the user chose; a letter takes the next free name instead. */
  mayReplace: boolean;
  createdAt: string;
}

/** Follows a file that had to take another name than its records said (documents keep their own path). */
export type MovedHook = (from: string, to: string) => void;

interface Row {
  temp_path: string;
  target_path: string | null;
  may_replace: number;
  created_at: string;
}

export function fileWrites(db: Database): FileWrite[] {
  return all<Row>(db, 'SELECT * FROM file_writes ORDER BY rowid').map((r) => ({
    temp: r.temp_path,
    target: r.target_path,
    mayReplace: r.may_replace === 1,
    createdAt: r.created_at,
  }));
}

/** Enters temporary files in the journal before they are created, so no crash leaves one a start cannot find. */
export function stageFiles(db: Database, temps: readonly string[]): void {
  const now = nowStamp();
  db.transaction(() => {
    for (const t of temps) run(db, 'INSERT INTO file_writes(temp_path, created_at) VALUES (?, ?)', [t, now]);
  })();
}

export interface Promised {
  temp: string;
  target: string;
  mayReplace: boolean;
}

/**
 * Runs `record` and promises the renames in one transaction, flushed to disk (synchronous = FULL
 * for this one commit), so not even a power cut keeps the renames without their records; then
 * renames. The temporary files must be complete and flushed. A rename that fails here is left in
 * the journal for the next start, and the error goes to the caller.
 */
export function commitStaged<T>(db: Database, files: readonly Promised[], record: () => T, onMoved?: MovedHook): T {
  const result = durably(db, () => {
    const r = record();
    for (const f of files) {
      const promised = run(
        db,
        'UPDATE file_writes SET target_path = ?, may_replace = ? WHERE temp_path = ? AND target_path IS NULL',
        [path.resolve(f.target), f.mayReplace ? 1 : 0, f.temp],
      );
      if (promised.changes !== 1) throw new Error(`${f.temp} is not a staged file`);
    }
    return r;
  });
  settleFileWrites(
    db,
    files.map((f) => ({ temp: f.temp, target: path.resolve(f.target), mayReplace: f.mayReplace, createdAt: '' })),
    onMoved,
  );
  return result;
}

/**
 * Removes staged files that were never committed (a cancel, a failure) and their journal rows.
 * A committed file is not touched: its records exist, and the next start finishes its rename.
 */
export function discardStaged(db: Database, temps: readonly string[]): void {
  const pending = temps.filter(
    (t) => get(db, 'SELECT 1 FROM file_writes WHERE temp_path = ? AND target_path IS NULL', [t]) !== undefined,
  );
  settleFileWrites(
    db,
    pending.map((temp) => ({ temp, target: null, mayReplace: false, createdAt: '' })),
  );
}

/**
 * Carries out journalled writes: an uncommitted one's temporary file is removed; a committed one's
 * is renamed to its target, unless that happened before the crash. A target that another file has
 * taken meanwhile, where the write may not replace it, becomes the next free name, and the records
 * follow (before the rename, so a crash then still leaves records and file in agreement).
 */
export function settleFileWrites(
  db: Database,
  writes: readonly FileWrite[],
  onMoved?: MovedHook,
): { renamed: number; removed: string[] } {
  // Names other files of these writes are about to take are as good as taken.
  const taken = new Set(writes.flatMap((w) => (w.target ? [w.target.toLowerCase()] : [])));
  const moves: Array<{ write: FileWrite; to: string }> = [];
  for (const w of writes) {
    if (w.target && !w.mayReplace && fs.existsSync(w.temp) && fs.existsSync(w.target)) {
      const to = uniquePath(path.dirname(w.target), path.basename(w.target), taken);
      taken.add(to.toLowerCase());
      moves.push({ write: w, to });
    }
  }
  const targets = new Map<string, string | null>(writes.map((w) => [w.temp, w.target]));
  const follow = (list: ReadonlyArray<{ temp: string; from: string; to: string }>) =>
    db.transaction(() => {
      for (const { temp, from, to } of list) {
        run(db, 'UPDATE file_writes SET target_path = ? WHERE temp_path = ?', [to, temp]);
        moveWrittenFile(db, from, to);
        onMoved?.(from, to);
        targets.set(temp, to);
      }
    })();
  if (moves.length) follow(moves.map(({ write, to }) => ({ temp: write.temp, from: write.target as string, to })));
  let renamed = 0;
  const removed: string[] = [];
  const folders = new Set<string>();
  for (const [temp, target] of targets) {
    if (target === null) {
      if (fs.existsSync(temp)) removed.push(temp);
      removeFile(temp);
    } else if (fs.existsSync(temp)) {
      try {
        renameFile(temp, target);
      } catch (err) {
        // A file the user has open (an export open in Excel) cannot be replaced on Windows: the
        // new one takes the next free name, and its records follow before the rename.
        if (!(isLocked(err) && fs.existsSync(target))) throw err;
        const to = uniquePath(path.dirname(target), path.basename(target), taken);
        taken.add(to.toLowerCase());
        follow([{ temp, from: target, to }]);
        renameFile(temp, to);
      }
      folders.add(path.dirname(target));
      renamed++;
    }
    // A committed file without its temporary file was renamed before the crash (or removed by
    // hand since: then its records stay, as for any file deleted after it was written).
  }
  for (const f of folders) syncFolder(f);
  db.transaction(() => {
    for (const temp of targets.keys()) run(db, 'DELETE FROM file_writes WHERE temp_path = ?', [temp]);
  })();
  return { renamed, removed };
}

function durably<T>(db: Database, body: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(body)();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}

export { flushFile };

function isLocked(err: unknown): boolean {
  return err instanceof DomainError && err.key === 'file.locked';
}

/** Makes renames durable. Windows cannot open a folder to sync it; NTFS journals renames itself. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network drives): the files themselves are already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
