import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { latestVersion } from '../../../src-main/core/db/migrate';
import { tempDir } from '../../helpers/temp-db';

/** Migration 110 adds the journal of files being written (file_writes, core/files/staged-files.ts). */
let cleanup = () => {};
afterEach(() => cleanup());

describe('a schema-100 database opened by this version', () => {
  it('gets an empty journal, and the first start removes what the earlier version’s crashes left', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'bindeled.db');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema-v100.db'), file);
    const docs = path.join(t.dir, 'Dokumenter');
    fs.mkdirSync(docs);
    // What version 100 left when a batch or a restore was killed: hidden half letters, a restore copy.
    for (const name of ['.0123456789ab.docx.tmp', '.abcdefabcdef.docx.tmp'])
      fs.writeFileSync(path.join(docs, name), 'PK');
    fs.writeFileSync(path.join(t.dir, '.bindeled.db.restore-deadbeef.tmp'), 'SQLite format 3');
    fs.writeFileSync(path.join(docs, 'Besøgsreferat - Ådalens Gårdbutik.docx'), 'a letter of the user’s');

    const out: string[] = [];
    expect(await runCli(['--db', file, 'check'], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out).toContain(
      'Oprydning efter afbrudte skrivninger — gjort færdige under deres rigtige navn: 0; midlertidige filer fjernet: 3 (breve: 2, gendannelseskopier: 1)',
    );
    expect(fs.readdirSync(docs)).toEqual(['Besøgsreferat - Ådalens Gårdbutik.docx']);
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.'))).toEqual([]);

    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      const columns = (db.pragma('table_info(file_writes)') as Array<{ name: string }>).map((c) => c.name);
      expect(columns).toEqual(['temp_path', 'target_path', 'may_replace', 'created_at']);
      expect(db.prepare('SELECT count(*) FROM file_writes').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
