import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VisitSearchPage } from '../../../src-main/api/contract';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { headlessShell } from '../../../src-main/api/headless-shell';
import { openDatabase } from '../../../src-main/core/db/open';
import { tempDir } from '../../helpers/temp-db';

/** Migration 90 makes the visit-note index again with prefix indexes. */
let cleanup = () => {};
afterEach(() => cleanup());

describe('a schema-70 database opened by this version', () => {
  it('finds its visits by word beginnings of every length, and keeps the index right after edits', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'bindeled.db');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema-v70.db'), file);
    const db = openDatabase(file);
    try {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'visits_fts'").pluck().get() as string;
      expect(sql).toContain("prefix = '3 4 5'");
      expect(() => db.exec("INSERT INTO visits_fts(visits_fts) VALUES ('integrity-check')")).not.toThrow();
      const dispatch = createDispatcher({
        db,
        dbPath: file,
        transport: 'cli',
        appVersion: 'test',
        emit: () => {},
        shell: headlessShell(t.dir),
      });
      const search = async (query: string) => {
        const r = await dispatch('search.visits', { query });
        if (!r.ok) throw new Error(r.error.message);
        return r.value as VisitSearchPage;
      };
      // The fixture's visit: "Mette vil udvide", needs "Finansiering af kølerum". Prefixes of three,
      // four and five letters read the new prefix indexes; longer ones and whole words the word index.
      for (const q of ['køl', 'køle', 'køler', 'kølerum', 'finans', 'Finansiering', 'udv kølerum']) {
        expect([q, (await search(q)).total]).toEqual([q, 1]);
      }
      expect((await search('kølx')).total).toBe(0);

      const visitId = (await search('kølerum')).rows[0]?.visitId;
      const changed = await dispatch('visits.update', { id: visitId, changes: { notes: 'Solceller på laden' } });
      expect(changed.ok).toBe(true);
      expect((await search('udv')).total).toBe(0);
      expect((await search('sol')).total).toBe(1);
      expect((await dispatch('visits.delete', { id: visitId })).ok).toBe(true);
      expect((await search('sol')).total).toBe(0);
      expect((await search('køl')).total).toBe(0);
      expect(() => db.exec("INSERT INTO visits_fts(visits_fts) VALUES ('integrity-check')")).not.toThrow();
    } finally {
      db.close();
    }
  });
});
