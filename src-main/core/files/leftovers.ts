import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { all } from '../db/sql';
import { type Locale, type MessageKey, message } from '../messages';
import { removeTree } from './file-ops';
import { type FileWrite, fileWrites, type MovedHook, settleFileWrites } from './staged-files';

/**
 * Which temporary files Bindeled makes, what they are called and where they are looked for. Every
 * file Bindeled writes (a letter, an export, a report, a backup, a restore copy, an upload, the
 * logo, an access request) is written under a hidden name from `tempPathIn` and renamed when
 * whole, and the start of every shell removes what a crash left (`sweepLeftovers`).
 */
export const TEMP_KINDS = [
  'letter',
  'export',
  'report',
  'backup',
  'restore',
  'upload',
  'logo',
  'access-request',
  'attachment',
  'pdf',
] as const;
export type TempKind = (typeof TEMP_KINDS)[number];

/** A kind's name in the leftovers report; a kind added without its label does not compile. */
const kindLabel = (k: TempKind): MessageKey => `leftovers.kind.${k}`;

/**
 * This computer, as six hex digits: a folder on a network drive may be shared with another
 * computer, whose process ids mean nothing here.
 */
const HOST = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);

/**
 * `.bindeled-letter-1a2b3c-48213-0f1e2d3c4b5a.tmp`: hidden, saying what it is and which process on
 * which computer writes it, so a start can tell a file of a running write from one a crash left.
 * SQLite's `-wal`/`-shm`/`-journal` beside a restore copy share its name.
 */
export function tempPathIn(dir: string, kind: TempKind): string {
  return path.join(path.resolve(dir), `.bindeled-${kind}-${HOST}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** A temporary name in the target's folder, so the final rename stays on one disk and is atomic. */
export function tempPathBeside(target: string, kind: TempKind): string {
  return tempPathIn(path.dirname(path.resolve(target)), kind);
}

const SIDECAR = '(?:-wal|-shm|-journal)?';
const TEMP_NAME = new RegExp(
  `^\\.bindeled-(${TEMP_KINDS.join('|')})-([0-9a-f]{6})-(\\d+)-[0-9a-f]{12}\\.tmp${SIDECAR}$`,
);

/** Names earlier versions of Bindeled wrote; no version writes them now, so any one found is left over. */
const LEGACY_NAMES: ReadonlyArray<{ kind: TempKind; name: RegExp }> = [
  { kind: 'letter', name: /^\.[0-9a-f]{12}\.docx\.tmp$/ },
  { kind: 'report', name: /^\.[0-9a-f]{12}\.report\.tmp$/ },
  { kind: 'export', name: /^\..+\.(?:csv|xlsx|json)\.[0-9a-f]{12}\.tmp$/ },
  { kind: 'restore', name: new RegExp(`^\\..+\\.restore-[0-9a-f]{8}\\.tmp${SIDECAR}$`) },
  { kind: 'backup', name: /^bindeled-\d{8}-\d{6}-\d{3}-v\d+-[a-z-]+\.db\.partial$/ },
];

/**
 * A backup being rewritten without an erased firm (core/backup/erase-in-backups.ts), named after
 * the backup it replaces. Its work copy still holds the erased firm, so one found is removed
 * whoever wrote it.
 */
const BACKUP_REWRITE = /^\.bindeled-[\w-]+\.db\.erase-[0-9a-f]{8}\.(work|tmp)(-journal|-wal|-shm)?$/;

export function isBackupRewriteTemp(name: string): boolean {
  return BACKUP_REWRITE.test(name);
}

export interface TempName {
  kind: TempKind;
  /** The process that writes it; null for an earlier version's name. */
  writer: { host: string; pid: number } | null;
}

/** What a file name says about a temporary file of Bindeled's, or null when it is not one. */
export function parseTempName(name: string): TempName | null {
  const m = TEMP_NAME.exec(name);
  if (m) return { kind: m[1] as TempKind, writer: { host: m[2] as string, pid: Number(m[3]) } };
  if (isBackupRewriteTemp(name)) return { kind: 'backup', writer: null };
  const legacy = LEGACY_NAMES.find((l) => l.name.test(name));
  return legacy ? { kind: legacy.kind, writer: null } : null;
}

/** No write takes an hour: a temporary file this old was left, whoever wrote it. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that made a temporary file may still be writing it. The sweep runs as a
 * shell starts, before this process writes anything, so a file with this process's id is from an
 * earlier process that had the same id. Another computer's files are judged by age alone.
 */
export function writerMayBeRunning(temp: TempName, ageMs: number): boolean {
  if (!temp.writer || ageMs > STALE_TEMP_MS) return false;
  if (temp.writer.host !== HOST) return true;
  return temp.writer.pid !== process.pid && processRunning(temp.writer.pid);
}

export interface LeftoversReport {
  /** Files whose records were committed before the crash, now under their real names. */
  finished: number;
  /** Temporary files removed, by what they were. */
  removed: Partial<Record<TempKind, number>>;
}

export function removedCount(report: LeftoversReport): number {
  return Object.values(report.removed).reduce((n, k) => n + (k ?? 0), 0);
}

function ageOf(file: string, now: number): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? now - stat.mtimeMs : 0;
}

/**
 * Settles what crashed writes left: first the journal (a write whose records were committed gets
 * its rename, any other temporary file is removed), then every folder Bindeled writes to (`folders`,
 * and the folders of the files it has recorded) is searched for its temporary names. Files of a
 * write that is still running, in this computer's other Bindeled processes or on another computer
 * sharing the folder, are left alone. A folder that cannot be read is skipped: a start never fails
 * over a leftover.
 */
export function sweepLeftovers(
  db: Database,
  opts: { folders: readonly string[]; onMoved?: MovedHook; now?: number },
): LeftoversReport {
  const now = opts.now ?? Date.now();
  const report: LeftoversReport = { finished: 0, removed: {} };
  const count = (kind: TempKind) => {
    report.removed[kind] = (report.removed[kind] ?? 0) + 1;
  };
  const abandoned: FileWrite[] = [];
  for (const w of fileWrites(db)) {
    const temp = parseTempName(path.basename(w.temp));
    const age = Math.max(ageOf(w.temp, now), now - Date.parse(w.createdAt));
    if (temp && writerMayBeRunning(temp, age)) continue;
    abandoned.push(w);
  }
  const settled = settleFileWrites(db, abandoned, opts.onMoved);
  report.finished = settled.renamed;
  for (const w of settled.removed) {
    const temp = parseTempName(path.basename(w));
    if (temp) count(temp.kind);
  }

  const recorded = all<{ path: string }>(db, 'SELECT path FROM written_files').map((r) => path.dirname(r.path));
  const folders = new Set([...opts.folders.map((f) => path.resolve(f)), ...recorded].filter((f) => path.isAbsolute(f)));
  for (const dir of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const temp = parseTempName(name);
      if (!temp) continue;
      const file = path.join(dir, name);
      if (writerMayBeRunning(temp, ageOf(file, now))) continue;
      try {
        // A PDF conversion's work folder is a folder of that name: all of it is ours.
        removeTree(file);
        count(temp.kind);
      } catch {
        // In use or not ours to remove (another user's folder): the next start tries again.
      }
    }
  }
  return report;
}

/** Temporary files of Bindeled's in a folder, for tests and the soak's checks. */
export function tempFilesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => parseTempName(n) !== null) : [];
}

/** The report in a sentence, for `bindeled check` and the shells' log. */
export function describeLeftovers(report: LeftoversReport, locale: Locale = 'da'): string {
  const removed = removedCount(report);
  if (report.finished === 0 && removed === 0) return message('leftovers.none', {}, locale);
  const kinds = TEMP_KINDS.filter((k) => report.removed[k]).map(
    (k) => `${message(kindLabel(k), {}, locale)}: ${report.removed[k]}`,
  );
  return message(
    'leftovers.cleared',
    { finished: report.finished, removed, kinds: kinds.length ? ` (${kinds.join(', ')})` : '' },
    locale,
  );
}
