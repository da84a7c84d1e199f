import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 180 adds the de minimis ledger's hand-typed entries (core/deminimis, docs/domain.md). */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const TABLES = ['companies', 'referrals', 'lag_applications', 'attachments'];
const insert = `INSERT INTO de_minimis_aid(uuid, company_id, granted_on, grantor, amount_eur_cents, created_at)
  VALUES (?, ?, ?, 'Favrskov Kommune', ?, '2012-03-14T09:30:00Z')`;

describe('migration 180 on a schema-160 database', () => {
  it('adds the de_minimis_aid table and keeps every row', () => {
    at = databaseAt(160);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, TABLES);
    migrate(db, 180);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: ['index de_minimis_aid_company', 'table de_minimis_aid'],
      removed: [],
      changed: [],
    });
    expect(rowsOf(db, TABLES)).toEqual(kept(rows));
  });

  it('refuses a negative or zero amount and a date that is not ISO, and goes with its firm', () => {
    at = databaseAt(160);
    const { db } = at;
    migrate(db, 180);
    const company = (db.prepare('SELECT id FROM companies LIMIT 1').get() as { id: number }).id;
    db.prepare(insert).run('a1', company, '2011-05-02', 670_208);
    expect(() => db.prepare(insert).run('a2', company, '2011-05-02', -1)).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('a3', company, '2011-05-02', 0)).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('a4', company, '02.05.2011', 100)).toThrow(/CHECK/);
    db.prepare('DELETE FROM companies WHERE id = ?').run(company);
    expect(db.prepare('SELECT count(*) AS n FROM de_minimis_aid').get()).toEqual({ n: 0 });
  });
});
