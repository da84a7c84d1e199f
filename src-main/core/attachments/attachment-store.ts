import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { all } from '../db/sql';
import { openForWrite, removeFile, removeTree, renameFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { syncFolder } from '../files/staged-files';

/**
 * Where attachments' bytes live: a folder named `attachments` beside the database (and beside each
 * backup, core/backup/backup-files.ts), holding each file once, named by its SHA-256:
 * `attachments/3f/3fa1…e9`. The name is the content, so two firms attaching the same quote share
 * one file, a copy is verified by hashing it, and a backup copies only the names it lacks.
 * Files are never changed in place; a file no row names any more is removed (pruneStore).
 */
export const STORE_FOLDER = 'attachments';

/** Copies handed to the default program (or the browser) live under this folder of the store. */
const OPENED_FOLDER = 'opened';

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** The store beside a database file, or beside a backup file. */
export function storeBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), STORE_FOLDER);
}

/** The store of an open database; null for one in memory. */
export function storeOf(db: Database): string | null {
  return db.name === ':memory:' || db.name === '' ? null : storeBeside(db.name);
}

export function blobPath(store: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(store, sha256.slice(0, 2), sha256);
}

export function hasBlob(store: string, sha256: string): boolean {
  return fs.statSync(blobPath(store, sha256), { throwIfNoEntry: false })?.isFile() === true;
}

/** Where opened copies of one attachment go (its uuid keeps them apart and findable for erasure). */
export function openedFolder(store: string, uuid: string): string {
  return path.join(store, OPENED_FOLDER, uuid.replace(/[^0-9a-zA-Z-]/g, ''));
}

/**
 * Copies `source` to a temporary file in the store while hashing it, and flushes it. The caller
 * has entered the temporary name in the file journal first (stageFiles), so a kill leaves nothing
 * a start cannot find. Streams in chunks: a 50 MB file is never held whole.
 */
export function copyIntoTemp(source: string, temp: string): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const input = fs.openSync(source, 'r');
  let output: number | undefined;
  let size = 0;
  try {
    output = openForWrite(temp, 'wx');
    for (;;) {
      const n = fs.readSync(input, buf, 0, buf.length, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      let written = 0;
      while (written < n) written += fs.writeSync(output, chunk, written, n - written);
      size += n;
    }
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    if (output !== undefined) fs.closeSync(output);
  }
  return { sha256: hash.digest('hex'), size };
}

/** A hidden temporary name in the store, for a file on its way in. */
export function storeTemp(store: string): string {
  fs.mkdirSync(store, { recursive: true });
  return tempPathIn(store, 'attachment');
}

export function hashFile(file: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Copies one stored file from one store to another (a backup, a restore), verified by its hash,
 * through a temporary name. The content names the file, so a target already there is the same
 * file and is left alone. Returns whether it copied, or 'missing' when the source lacks it.
 */
export function copyBlob(from: string, to: string, sha256: string): 'copied' | 'present' | 'missing' {
  if (hasBlob(to, sha256)) return 'present';
  const source = blobPath(from, sha256);
  if (!fs.existsSync(source)) return 'missing';
  const target = blobPath(to, sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempPathIn(to, 'attachment');
  try {
    const copied = copyIntoTemp(source, temp);
    if (copied.sha256 !== sha256) {
      // The source was damaged on disk: a copy under the wrong name would spread the damage.
      removeFile(temp);
      return 'missing';
    }
    renameFile(temp, target);
  } catch (err) {
    removeFile(temp);
    throw err;
  }
  return 'copied';
}

/** Every file in a store, by hash (opened copies and temporary files are not stored files). */
export function storedHashes(store: string): string[] {
  const out: string[] = [];
  let dirs: string[];
  try {
    dirs = fs.readdirSync(store);
  } catch {
    return out;
  }
  for (const d of dirs) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    for (const name of fs.readdirSync(path.join(store, d))) if (isSha256(name) && name.startsWith(d)) out.push(name);
  }
  return out;
}

/**
 * The SQL naming every stored file a database (`schema`: main or an attached alias) refers to: its
 * attachments and its own letter kinds' templates, for the tables its version has.
 */
export function storedFilesQuery(db: Database, schema = 'main'): string | null {
  const tables = all<{ name: string }>(
    db,
    `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name IN ('attachments', 'letter_kinds')`,
  ).map((r) => r.name);
  const parts = [
    tables.includes('attachments') ? `SELECT sha256 FROM ${schema}.attachments` : null,
    tables.includes('letter_kinds') ? `SELECT template_sha256 FROM ${schema}.letter_kinds` : null,
  ].filter((p) => p !== null);
  return parts.length ? parts.join(' UNION ') : null;
}

/** The hashes a database's rows name (none for a schema from before attachments). */
export function referencedHashes(db: Database): Set<string> {
  const sql = storedFilesQuery(db);
  if (!sql) return new Set();
  return new Set(db.prepare(sql).pluck().all() as string[]);
}

/** Removes every stored file not in `keep`; returns how many. Folders left empty go too. */
export function pruneStore(store: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  const touched = new Set<string>();
  for (const sha of storedHashes(store)) {
    if (keep.has(sha)) continue;
    const file = blobPath(store, sha);
    removeFile(file);
    touched.add(path.dirname(file));
    removed++;
  }
  for (const dir of touched) {
    try {
      fs.rmdirSync(dir);
    } catch {
      // Not empty: other files share the prefix.
    }
  }
  if (removed) syncFolder(store);
  return removed;
}

/** Opened copies of attachments whose rows are gone (removed, erased), and their folders. */
export function pruneOpenedCopies(store: string, keepUuids: ReadonlySet<string>): void {
  const root = path.join(store, OPENED_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) if (!keepUuids.has(name)) removeTree(path.join(root, name));
}

/** Drops stored files and opened copies the database no longer names (after a removal or an erasure). */
export function tidyStore(db: Database): void {
  const store = storeOf(db);
  if (!store || !fs.existsSync(store)) return;
  if (db.inTransaction) throw new Error('tidyStore runs after the transaction that removed the rows');
  pruneStore(store, referencedHashes(db));
  const rows = storedFilesQuery(db)?.includes('attachments')
    ? all<{ uuid: string }>(db, 'SELECT uuid FROM attachments')
    : [];
  pruneOpenedCopies(store, new Set(rows.map((r) => r.uuid)));
  // The list of written files must not keep the name of a copy that is gone (it may name a person).
  const gone = all<{ path: string }>(db, "SELECT path FROM written_files WHERE kind = 'attachment'").filter(
    (w) => !fs.existsSync(w.path),
  );
  if (gone.length) {
    const forget = db.prepare('DELETE FROM written_files WHERE path = ?');
    db.transaction(() => {
      for (const w of gone) forget.run(w.path);
    })();
  }
}
