import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 60 (what 100,000 firms need) on the database schema 55 left. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(55);
});
afterEach(() => at.close());

const TABLES = ['companies', 'contacts', 'visits'];
const owners = () => at.db.prepare('SELECT id, owner_name FROM companies ORDER BY id').all();
const contactIndex = () => at.db.prepare('SELECT rowid AS firm, names FROM company_contacts_fts ORDER BY rowid').all();
const addContact = (companyId: number, name: string, isOwner = 0) =>
  Number(
    at.db
      .prepare(
        `INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')`,
      )
      .run(`c-${name}`, companyId, name, isOwner).lastInsertRowid,
  );
const plan = (sql: string) =>
  (at.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');

describe('migration 60 (caseload speed) on a schema-55 database', () => {
  it('moves contact names to their own index, keeps the owner on the firm, adds the sort indexes, keeps every row', () => {
    const before = schemaObjects(at.db);
    const rows = rowsOf(at.db, TABLES);
    expect(migrate(at.db, 60)).toBe(60);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: [
        'index companies_city_sort',
        'index companies_city_sort_desc',
        'index companies_last_contact_sort',
        'index companies_last_contact_sort_desc',
        'index companies_name_desc',
        'index companies_next_followup_sort',
        'index companies_next_followup_sort_desc',
        'index companies_owner_sort',
        'index companies_owner_sort_desc',
        'index companies_updated_desc',
        'table company_contacts_fts',
        'trigger companies_owner_delete',
        'trigger companies_owner_insert',
        'trigger companies_owner_update',
        'trigger company_contacts_fts_company_delete',
        'trigger company_contacts_fts_delete',
        'trigger company_contacts_fts_insert',
        'trigger company_contacts_fts_update',
      ],
      removed: ['trigger contacts_fts_delete', 'trigger contacts_fts_insert', 'trigger contacts_fts_update'],
      // The firm index loses its owner column; its insert trigger with it.
      changed: ['table companies', 'table companies_fts', 'trigger companies_fts_insert'],
    });
    expect(rowsOf(at.db, TABLES)).toEqual(kept(rows));
  });

  it('fills the owners and the contact index from the stored contacts, and rebuilds the firm index without them', () => {
    migrate(at.db, 60);
    expect(owners()).toEqual([
      { id: 1, owner_name: 'Mette Jensen' },
      { id: 2, owner_name: null },
      { id: 3, owner_name: 'Søren Ærbø' },
    ]);
    expect(contactIndex()).toEqual([
      { firm: 1, names: 'Mette Jensen' },
      { firm: 3, names: 'Søren Ærbø' },
    ]);
    const firms = (query: string) =>
      at.db.prepare('SELECT rowid FROM companies_fts WHERE companies_fts MATCH ? ORDER BY rowid').pluck().all(query);
    expect(firms('dalens')).toEqual([1]);
    expect(firms('374813')).toEqual([1]);
    expect(firms('hadsten')).toEqual([1]);
    expect(Object.keys(at.db.prepare('SELECT * FROM companies_fts LIMIT 1').get() as object)).toEqual([
      'name',
      'cvr',
      'city',
    ]);
  });

  it('keeps owner and contact index right as contact persons come, change and go', () => {
    migrate(at.db, 60);
    const ida = addContact(2, 'Ida Holm');
    expect(owners()[1]).toEqual({ id: 2, owner_name: 'Ida Holm' });
    const per = addContact(2, 'Per Berg', 1);
    expect(owners()[1]).toEqual({ id: 2, owner_name: 'Per Berg' });
    at.db.prepare("UPDATE contacts SET name = 'Per Bjerg' WHERE id = ?").run(per);
    expect(owners()[1]).toEqual({ id: 2, owner_name: 'Per Bjerg' });
    expect(contactIndex()[1]).toEqual({ firm: 2, names: 'Ida Holm Per Bjerg' });
    at.db.prepare('DELETE FROM contacts WHERE id = ?').run(per);
    expect(owners()[1]).toEqual({ id: 2, owner_name: 'Ida Holm' });
    at.db.prepare('DELETE FROM contacts WHERE id = ?').run(ida);
    expect(owners()[1]).toEqual({ id: 2, owner_name: null });
    at.db.prepare('DELETE FROM companies WHERE id = 3').run();
    expect(contactIndex()).toEqual([{ firm: 1, names: 'Mette Jensen' }]);
  });

  it('answers a page sorted by owner from its index, without sorting every firm', () => {
    migrate(at.db, 60);
    for (const [col, index] of [
      ['owner_name', 'companies_owner_sort'],
      ['city', 'companies_city_sort'],
      ['next_followup', 'companies_next_followup_sort'],
    ]) {
      const p = plan(`SELECT id FROM companies ORDER BY ${col} IS NULL, ${col}, id LIMIT 100`);
      expect(p).toContain(index);
      expect(p).not.toContain('TEMP B-TREE');
    }
  });
});
