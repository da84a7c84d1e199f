import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_LOAD_MIN_ROWS, beginBulkLoad } from '../../../../../src-main/core/db/bulk-load';
import { openDatabase } from '../../../../../src-main/core/db/open';
import { cvrCheckDigit } from '../../../../../src-main/core/domain/cvr';
import { importInOneGo } from '../../../../../src-main/core/interop/import-service';
import { tempDir } from '../../../../helpers/temp-db';

/**
 * a large import writes the search indexes and owner names once at the end instead of by
 * a trigger per row. What a consultant sees afterwards must not depend on that: the same firms are
 * found by name, CVR, city and contact name, with the same owner, as after an import row by row.
 */

/** Valid CVR numbers (modulus 11). */
const cvrs: string[] = [];
{
  const seen = new Set<string>();
  for (let k = 0; cvrs.length < 6000; k++) {
    const first7 = String(2_000_000 + k);
    const d = cvrCheckDigit(first7);
    if (d === undefined) continue;
    const c = `${first7}${d}`;
    if (!seen.has(c)) {
      seen.add(c);
      cvrs.push(c);
    }
  }
}

interface Firm {
  name: string;
  cvr: string;
  city: string;
  owner: string;
}

const firm = (i: number, owner = `Ejer${i} Bøgelund`): Firm => ({
  name: `Smedjen ${i} ApS`,
  cvr: cvrs[i] ?? '',
  city: ['Aarhus', 'Vejle', 'Ærøskøbing', ''][i % 4] ?? '',
  owner: i % 7 === 0 ? '' : owner,
});

function writeCsv(file: string, firms: Firm[]): string {
  const lines = ['Navn;CVR;By;Ejer', ...firms.map((f) => `${f.name};${f.cvr};${f.city};${f.owner}`)];
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

/** Everything the triggers maintain, in a comparable form. */
function indexState(db: Database) {
  // The word index is contentless: its terms and how many firms hold each are what it keeps.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.caseload_terms USING fts5vocab(main, 'caseload_words', 'row')");
  return {
    searchText: db.prepare('SELECT id, text FROM caseload_search_text ORDER BY id').all(),
    words: db.prepare('SELECT term, doc FROM temp.caseload_terms ORDER BY term').all(),
    companies: db.prepare('SELECT rowid, name, cvr, city FROM companies_fts ORDER BY rowid').all(),
    contacts: db.prepare('SELECT rowid, names FROM company_contacts_fts ORDER BY rowid').all(),
    owners: db.prepare('SELECT id, owner_name FROM companies ORDER BY id').all(),
    triggers: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
    indexes: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all(),
    integrity: db.pragma('integrity_check', { simple: true }),
  };
}

const dirs: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of dirs.splice(0)) cleanup();
});

function freshDb(): { db: Database; dir: string } {
  const t = tempDir('bindeled-defer-');
  dirs.push(t.cleanup);
  return { db: openDatabase(path.join(t.dir, 'b.db'), { beforeMigrate: null }), dir: t.dir };
}

describe('a large import writes the search indexes once, at the end', () => {
  const big = BULK_LOAD_MIN_ROWS + 300;

  // 200 firms before: the import more than doubles the caseload and rebuilds its sort indexes too.
  // More firms before than the file adds: the sort indexes are written row by row.
  it.each([
    [200, 'doubles'],
    [big + 100, 'grows'],
  ])(
    'leaves the same indexes, owners and triggers as importing the rows in small batches (%i firms before)',
    async (before) => {
      // The same history twice: some firms, then a large file that adds firms and gives some of the
      // first ones a new owner (a new contact row for an existing firm).
      const first = Array.from({ length: before }, (_, i) => firm(i));
      const second = [
        ...Array.from({ length: 50 }, (_, i) => firm(i * 3, `Ny Ejer ${i}`)),
        ...Array.from({ length: big }, (_, i) => firm(before + i)),
      ];

      const a = freshDb();
      await importInOneGo(a.db, writeCsv(path.join(a.dir, 'first.csv'), first));
      const bulk = await importInOneGo(a.db, writeCsv(path.join(a.dir, 'second.csv'), second));
      expect(bulk.totals).toMatchObject({ add: big, update: 50 - 8, invalid: 0 });

      const b = freshDb();
      await importInOneGo(b.db, writeCsv(path.join(b.dir, 'first.csv'), first));
      // Below the threshold each part is written row by row, with the triggers firing.
      const half = Math.ceil(second.length / 2);
      for (const [n, part] of [second.slice(0, half), second.slice(half)].entries()) {
        expect(part.length).toBeLessThan(BULK_LOAD_MIN_ROWS);
        await importInOneGo(b.db, writeCsv(path.join(b.dir, `part${n}.csv`), part));
      }

      const bulkState = indexState(a.db);
      expect(bulkState).toEqual(indexState(b.db));
      // A new owner found by name, a firm by its city, the first firms' owners unchanged where not replaced.
      const ids = (q: string, table: string) =>
        (a.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(q) as Array<{ rowid: number }>).map(
          (r) => r.rowid,
        );
      const third = (a.db.prepare("SELECT id FROM companies WHERE name = 'Smedjen 3 ApS'").get() as { id: number }).id;
      expect(ids('"Ny Ejer 1"', 'company_contacts_fts')).toContain(third);
      expect(ids('"Ejer3 Bøgelund"', 'company_contacts_fts')).toContain(third);
      expect(ids('"Ærøskøbing"', 'companies_fts').length).toBeGreaterThan(500);
      expect(a.db.prepare('SELECT owner_name FROM companies WHERE id = ?').get(third)).toEqual({
        owner_name: 'Ny Ejer 1',
      });
      a.db.close();
      b.db.close();
    },
  );

  it('keeps the triggers working after the import: a contact added later is searchable', async () => {
    const { db, dir } = freshDb();
    await importInOneGo(
      db,
      writeCsv(
        path.join(dir, 'big.csv'),
        Array.from({ length: big }, (_, i) => firm(i)),
      ),
    );
    const id = (db.prepare("SELECT id FROM companies WHERE name = 'Smedjen 7 ApS'").get() as { id: number }).id;
    db.prepare(
      "INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at) VALUES ('u-1', ?, 'Karen Østergård', 1, 'x', 'x')",
    ).run(id);
    expect(db.prepare('SELECT owner_name FROM companies WHERE id = ?').get(id)).toEqual({
      owner_name: 'Karen Østergård',
    });
    expect(db.prepare('SELECT rowid FROM company_contacts_fts WHERE names MATCH \'"Østergård"\'').all()).toEqual([
      { rowid: id },
    ]);
    db.close();
  });

  it('restores the triggers when the transaction fails', () => {
    const { db } = freshDb();
    const before = indexState(db);
    expect(() =>
      db.transaction(() => {
        expect(
          beginBulkLoad(db, { tables: ['companies', 'contacts'], rebuildIndexes: ['companies'] }).deferred,
        ).not.toEqual([]);
        expect(indexState(db).triggers.length).toBeLessThan(before.triggers.length);
        expect(indexState(db).indexes.length).toBeLessThan(before.indexes.length);
        throw new Error('stop');
      })(),
    ).toThrow('stop');
    expect(indexState(db)).toEqual(before);
    db.close();
  });
});
