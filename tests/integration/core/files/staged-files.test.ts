import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/db/open';
import { tempFilesIn, tempPathIn } from '../../../../src-main/core/files/leftovers';
import {
  commitStaged,
  discardStaged,
  fileWrites,
  settleFileWrites,
  stageFiles,
} from '../../../../src-main/core/files/staged-files';
import { recordWrittenFile } from '../../../../src-main/core/files/written-files';
import { tempDir } from '../../../helpers/temp-db';

/** The journal of files being written (core/files/staged-files.ts), at the edges a kill test rarely reaches. */
let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('bindeled-staged-');
  dir = t.dir;
  cleanup = t.cleanup;
  db = openDatabase(path.join(dir, 'bindeled.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

function staged(body: string): string {
  const temp = tempPathIn(dir, 'letter');
  stageFiles(db, [temp]);
  fs.writeFileSync(temp, body);
  return temp;
}

const recorded = () =>
  (db.prepare('SELECT path FROM written_files ORDER BY path').pluck().all() as string[]).map((p) => path.basename(p));

describe('files written through the journal', () => {
  it('appear under their names with their records, and the journal is empty after', () => {
    const a = staged('brev A');
    const b = staged('brev B');
    const targets = [path.join(dir, 'A.docx'), path.join(dir, 'B.docx')];
    commitStaged(
      db,
      [a, b].map((temp, i) => ({ temp, target: targets[i] as string, mayReplace: false })),
      () => {
        for (const t of targets) recordWrittenFile(db, t, 'document:vaeksthus');
      },
    );
    expect(fs.readFileSync(targets[1] as string, 'utf8')).toBe('brev B');
    expect(recorded()).toEqual(['A.docx', 'B.docx']);
    expect(fileWrites(db)).toEqual([]);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('record nothing and leave nothing when the recording fails', () => {
    const a = staged('brev A');
    expect(() =>
      commitStaged(db, [{ temp: a, target: path.join(dir, 'A.docx'), mayReplace: false }], () => {
        recordWrittenFile(db, path.join(dir, 'A.docx'), 'document:vaeksthus');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    discardStaged(db, [a]);
    expect(fs.readdirSync(dir).filter((n) => n !== 'bindeled.db' && !n.startsWith('bindeled.db-'))).toEqual([]);
    expect(recorded()).toEqual([]);
    expect(fileWrites(db)).toEqual([]);
  });

  it('after a crash, a letter whose name another file took meanwhile gets the next free name, and its records follow', () => {
    const temp = staged('brev');
    const target = path.join(dir, 'Henvisning - Ådalen.docx');
    // Committed as commitStaged commits, then killed before the rename; a file of the user's appears.
    db.transaction(() => {
      recordWrittenFile(db, target, 'document:vaeksthus');
      db.prepare('UPDATE file_writes SET target_path = ? WHERE temp_path = ?').run(target, temp);
    })();
    fs.writeFileSync(target, 'the user’s own file');
    const moved: Array<[string, string]> = [];
    const r = settleFileWrites(db, fileWrites(db), (from, to) => moved.push([from, to]));
    expect(r).toEqual({ renamed: 1, removed: [] });
    expect(fs.readFileSync(target, 'utf8')).toBe('the user’s own file');
    expect(fs.readFileSync(path.join(dir, 'Henvisning - Ådalen (2).docx'), 'utf8')).toBe('brev');
    expect(moved).toEqual([[target, path.join(dir, 'Henvisning - Ådalen (2).docx')]]);
    expect(recorded()).toEqual(['Henvisning - Ådalen (2).docx']);
    expect(fileWrites(db)).toEqual([]);
  });

  it('an export the user named replaces the file there, as the save dialog agreed', () => {
    const temp = staged('Navn;CVR');
    const target = path.join(dir, 'virksomheder.csv');
    fs.writeFileSync(target, 'last month’s export');
    commitStaged(db, [{ temp, target, mayReplace: true }], () => recordWrittenFile(db, target, 'export-csv'));
    expect(fs.readFileSync(target, 'utf8')).toBe('Navn;CVR');
  });

  it('a cancel removes what was not committed and leaves what was to the next start', () => {
    const pending = staged('halv');
    const committed = staged('hel');
    db.prepare('UPDATE file_writes SET target_path = ? WHERE temp_path = ?').run(path.join(dir, 'X.docx'), committed);
    discardStaged(db, [pending, committed]);
    expect(fs.existsSync(pending)).toBe(false);
    expect(fs.existsSync(committed)).toBe(true);
    expect(fileWrites(db).map((w) => w.temp)).toEqual([committed]);
  });
});
