import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ERASURE_LEDGER_DDL } from '../../../src-main/core/db/migrations/0120-erasure-ledger';
import { openDatabase } from '../../../src-main/core/db/open';
import { hardDeleteCompany } from '../../../src-main/core/privacy/erase';
import { erasureLedger } from '../../../src-main/core/privacy/erasure-ledger';
import { tempDir } from '../../helpers/temp-db';

/** Migration 120 adds the erasure ledger (docs/privacy.md). */
let cleanup = () => {};
afterEach(() => cleanup());

function schema100(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  const file = path.join(t.dir, 'bindeled.db');
  fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema-v100.db'), file);
  return file;
}

describe('a schema-100 database opened by this version', () => {
  it('gets an empty erasure ledger that the next erasure writes to', () => {
    const db = openDatabase(schema100());
    try {
      expect(erasureLedger(db)).toEqual([]);
      hardDeleteCompany(db, 3);
      expect(erasureLedger(db)).toEqual([
        expect.objectContaining({ erasedCompanyId: 3, companyUuid: 'fixture-company-3', pNumberHash: null }),
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('keeps the ledger rows a backup rewrite already gave it at schema 100', () => {
    const file = schema100();
    const raw = new BetterSqlite3(file);
    raw.exec(ERASURE_LEDGER_DDL);
    raw
      .prepare(
        `INSERT INTO erasure_ledger(erased_company_id, company_uuid, hash_key, cvr_hash, erased_at)
         VALUES (9, 'erased-elsewhere', zeroblob(32), NULL, '2024-05-01T10:00:00Z')`,
      )
      .run();
    raw.close();
    const db = openDatabase(file, { beforeMigrate: null });
    try {
      expect(erasureLedger(db).map((e) => e.companyUuid)).toEqual(['erased-elsewhere']);
    } finally {
      db.close();
    }
  });
});
