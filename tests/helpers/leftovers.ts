import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { uploadsDir } from '../../src-main/core/app/paths';
import { backupDir } from '../../src-main/core/backup/backup-names';
import { openDatabase } from '../../src-main/core/db/open';
import { type TempKind, tempFilesIn, tempPathIn } from '../../src-main/core/files/leftovers';
import { stageFiles } from '../../src-main/core/files/staged-files';
import { recordWrittenFile } from '../../src-main/core/files/written-files';

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

/** A temporary file as a killed Bindeled process made it. */
function leftover(dir: string, kind: TempKind, pid: number, body = 'half a file'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = tempPathIn(dir, kind).replace(`-${process.pid}-`, `-${pid}-`);
  fs.writeFileSync(file, body);
  return file;
}

export interface Planted {
  dbPath: string;
  /** Folders that must hold no temporary file after the start. */
  folders: string[];
  /** An export the killed process had committed but not yet renamed: there after the start. */
  finished: string;
  /** Files of the user's that must survive. */
  kept: string[];
}

/**
 * What killed writes of every kind leave beside a caseload at `dir`: half letters in the
 * documents folder, a half export in a folder the user chose (found only from the journal), a
 * half report beside an earlier recorded export, a restore copy with its WAL, a half upload, a
 * half backup, and an export whose records were committed just before the kill.
 */
export function plantLeftovers(dir: string): Planted {
  const dbPath = path.join(dir, 'bindeled.db');
  const pid = deadPid();
  const docs = path.join(dir, 'Dokumenter');
  const chosen = path.join(dir, 'Eksport til kommunen');
  const earlier = path.join(dir, 'Rapporter');
  const db = openDatabase(dbPath);
  try {
    leftover(docs, 'letter', pid);
    leftover(docs, 'letter', pid);
    stageFiles(db, [leftover(chosen, 'export', pid)]);
    fs.mkdirSync(earlier, { recursive: true });
    fs.writeFileSync(path.join(earlier, 'Programrapport 2011.xlsx'), 'the report');
    recordWrittenFile(db, path.join(earlier, 'Programrapport 2011.xlsx'), 'report-xlsx');
    leftover(earlier, 'report', pid);
    const copy = leftover(dir, 'restore', pid, 'SQLite format 3');
    fs.writeFileSync(`${copy}-wal`, 'frames');
    leftover(uploadsDir(dbPath), 'upload', pid);
    leftover(backupDir(dbPath), 'backup', pid);
    // Committed: recorded and promised, killed before the rename.
    const finished = path.join(chosen, 'Virksomheder.csv');
    const temp = leftover(chosen, 'export', pid, 'Navn;CVR\r\n');
    stageFiles(db, [temp]);
    db.transaction(() => {
      recordWrittenFile(db, finished, 'export-csv');
      db.prepare('UPDATE file_writes SET target_path = ?, may_replace = 1 WHERE temp_path = ?').run(finished, temp);
    })();
    const kept = path.join(docs, 'Henvisning - Ådalens Gårdbutik.docx');
    fs.writeFileSync(kept, 'a letter');
    return {
      dbPath,
      folders: [dir, docs, chosen, earlier, uploadsDir(dbPath), backupDir(dbPath)],
      finished,
      kept: [kept, path.join(earlier, 'Programrapport 2011.xlsx')],
    };
  } finally {
    db.close();
  }
}

/** Every planted leftover gone, the committed export finished, the user's files untouched. */
export function expectSettled(p: Planted): void {
  // A backup the start began in this process (the desktop's database thread) may still be writing;
  // what is checked is that every file a dead writer left is gone.
  const live = `-${process.pid}-`;
  for (const f of p.folders)
    expect(
      tempFilesIn(f).filter((name) => !name.includes(live)),
      f,
    ).toEqual([]);
  expect(fs.readFileSync(p.finished, 'utf8')).toBe('Navn;CVR\r\n');
  for (const f of p.kept) expect(fs.existsSync(f), f).toBe(true);
  const db = openDatabase(p.dbPath);
  try {
    expect(db.prepare('SELECT count(*) FROM file_writes').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
}

/** What the start reports for the planted leftovers. */
export const PLANTED_REPORT = {
  finished: 1,
  removed: { letter: 2, export: 1, report: 1, restore: 2, upload: 1, backup: 1 },
};
