import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 50 (the access log and the facts retention needs) on the database schema 40 left. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(40);
});
afterEach(() => at.close());

const TABLES = ['companies', 'contacts', 'visits', 'audit_log', 'import_runs'];
const privacy = () =>
  at.db.prepare('SELECT company_id, closed_at, anonymised_at FROM company_privacy ORDER BY company_id').all() as Array<{
    company_id: number;
    closed_at: string | null;
    anonymised_at: string | null;
  }>;
const setStatus = (id: number, status: string) =>
  at.db.prepare('UPDATE companies SET status = ? WHERE id = ?').run(status, id);

describe('migration 50 (privacy) on a schema-40 database', () => {
  it('adds the access log and the per-firm privacy facts, and keeps every row', () => {
    const before = schemaObjects(at.db);
    const rows = rowsOf(at.db, TABLES);
    expect(migrate(at.db, 50)).toBe(50);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: [
        'index access_log_at',
        'index access_log_company',
        'index company_privacy_closed',
        'table access_log',
        'table company_privacy',
        'trigger company_privacy_close',
        'trigger company_privacy_insert',
        'trigger company_privacy_reopen',
      ],
      removed: [],
      changed: [],
    });
    expect(rowsOf(at.db, TABLES)).toEqual(kept(rows));
    expect(at.db.prepare('SELECT count(*) FROM access_log').pluck().get()).toBe(0);
  });

  it('dates a case closed before it by the audit trail, so retention counts from the real close', () => {
    // Fixture firm 3 was closed on 2013-06-30 (its audit entry); firms 1 and 2 are open.
    expect(at.db.prepare('SELECT id FROM companies WHERE status = ?').pluck().all('closed')).toEqual([3]);
    migrate(at.db, 50);
    expect(privacy()).toEqual([{ company_id: 3, closed_at: '2013-06-30T12:00:00Z', anonymised_at: null }]);
  });

  it('keeps the close date as cases close and reopen, whoever writes the status', () => {
    migrate(at.db, 50);
    setStatus(1, 'closed');
    const closedAt = privacy().find((p) => p.company_id === 1)?.closed_at;
    expect(closedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    setStatus(3, 'in_progress');
    expect(privacy()).toEqual([
      { company_id: 1, closed_at: closedAt, anonymised_at: null },
      { company_id: 3, closed_at: null, anonymised_at: null },
    ]);
    at.db
      .prepare(
        `INSERT INTO companies(id, uuid, record_type, name, name_sort, status, created_at, updated_at)
         VALUES (9, 'closed-on-arrival', 'unregistered', 'Lukket ved import', 'lukket ved import', 'closed', 'x', 'x')`,
      )
      .run();
    expect(privacy()).toHaveLength(3);
    // The privacy row goes with its firm.
    at.db.prepare('DELETE FROM companies WHERE id = 9').run();
    expect(privacy()).toHaveLength(2);
  });

  it('logs only the actions the privacy rules know', () => {
    migrate(at.db, 50);
    const log = at.db.prepare(
      `INSERT INTO access_log(at, actor, transport, action, method, company_id) VALUES ('x', 'Karen', 'cli', ?, 'm', 2)`,
    );
    expect(() => log.run('peek')).toThrow(/CHECK/);
    for (const action of ['read', 'search', 'export', 'delete', 'anonymise', 'access_request']) log.run(action);
    // No foreign key: the log outlives a hard-deleted firm.
    at.db.prepare('DELETE FROM companies WHERE id = 2').run();
    expect(at.db.prepare('SELECT count(*) FROM access_log WHERE company_id = 2').pluck().get()).toBe(6);
  });
});
