import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { forgetCaseloadTotals } from '../../../src-main/core/companies/caseload-count-cache';
import { queryCaseload } from '../../../src-main/core/companies/caseload-query';
import { caseloadQuerySchema } from '../../../src-main/core/companies/caseload-schema';
import { openDatabase } from '../../../src-main/core/db/open';
import { tempDir } from '../../helpers/temp-db';

/** Migration 100: the schema uses nothing newer than Debian 12's sqlite3 (3.40) can run. */
let cleanup = () => {};
afterEach(() => cleanup());

function openV80Copy() {
  const t = tempDir();
  cleanup = t.cleanup;
  const file = path.join(t.dir, 'bindeled.db');
  fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema-v80.db'), file);
  return { file, db: openDatabase(file) };
}

// The words searched are in visit notes, which the quick search reads only when asked.
const firmsMatching = (db: ReturnType<typeof openDatabase>, search: string) => {
  forgetCaseloadTotals(db);
  return queryCaseload(db, caseloadQuerySchema.parse({ search, notes: true })).rows.map((r) => r.name);
};

it('keeps the caseload note search exact for visits indexed by the old triggers', () => {
  const { db } = openV80Copy();
  try {
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%concat_ws%'").pluck().get()).toBe(0);
    // The fixture's visit was indexed under migration 55's triggers; it is found by its notes...
    expect(firmsMatching(db, 'kølerum')).toEqual(['Ådalens Gårdbutik']);
    // ...and when it is edited and then deleted, the new triggers forget exactly those words.
    db.prepare("UPDATE visits SET needs_text = 'Ny frysecontainer' WHERE id = 1").run();
    expect(firmsMatching(db, 'kølerum')).toEqual([]);
    expect(firmsMatching(db, 'frysecontainer')).toEqual(['Ådalens Gårdbutik']);
    db.prepare('DELETE FROM visits WHERE id = 1').run();
    expect(firmsMatching(db, 'frysecontainer')).toEqual([]);
    expect(() => db.exec("INSERT INTO company_notes_fts(company_notes_fts) VALUES ('integrity-check')")).not.toThrow();
  } finally {
    db.close();
  }
});

it("lets the system's sqlite3 tool add a visit", (ctx) => {
  const { file, db } = openV80Copy();
  db.close();
  let version = '';
  try {
    version = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' });
  } catch {
    console.log('skipped: no sqlite3 command on this machine (Debian: apt-get install sqlite3)');
    ctx.skip();
  }
  execFileSync('sqlite3', [
    file,
    `INSERT INTO visits(uuid, company_id, date, type, needs_text, created_at, updated_at)
     VALUES ('cli-1', 1, '2024-05-01', 'visit', 'Solceller på laden', 'x', 'x');`,
  ]);
  const reopened = openDatabase(file);
  try {
    expect(firmsMatching(reopened, 'solceller'), `sqlite3 ${version.split(' ')[0]}`).toEqual(['Ådalens Gårdbutik']);
  } finally {
    reopened.close();
  }
});
