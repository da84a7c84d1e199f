import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * the access log (who read, searched, exported or deleted personal data, and when) and
 * the facts retention needs per company: when its case was closed and whether it has been
 * anonymised.
 *
 * The close date is kept by triggers rather than by the repositories, so every writer (forms,
 * CLI, the caseload-file import, the visits rules) leaves it right. A reopened case forgets the
 * date: retention counts from the last close.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE access_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      transport TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('read', 'search', 'export', 'delete', 'anonymise', 'access_request')),
      method TEXT NOT NULL,
      -- No foreign key: the log outlives a hard-deleted company (it then holds only the id).
      company_id INTEGER,
      detail TEXT
    ) STRICT;
    CREATE INDEX access_log_at ON access_log(at);
    CREATE INDEX access_log_company ON access_log(company_id, at);

    CREATE TABLE company_privacy (
      company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
      closed_at TEXT,
      anonymised_at TEXT
    ) STRICT;
    CREATE INDEX company_privacy_closed ON company_privacy(closed_at) WHERE anonymised_at IS NULL;

    CREATE TRIGGER company_privacy_insert AFTER INSERT ON companies WHEN new.status = 'closed' BEGIN
      INSERT INTO company_privacy(company_id, closed_at) VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
      ON CONFLICT(company_id) DO UPDATE SET closed_at = excluded.closed_at;
    END;
    CREATE TRIGGER company_privacy_close AFTER UPDATE OF status ON companies
    WHEN new.status = 'closed' AND old.status IS NOT 'closed' BEGIN
      INSERT INTO company_privacy(company_id, closed_at) VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
      ON CONFLICT(company_id) DO UPDATE SET closed_at = excluded.closed_at;
    END;
    CREATE TRIGGER company_privacy_reopen AFTER UPDATE OF status ON companies
    WHEN new.status IS NOT 'closed' AND old.status = 'closed' BEGIN
      UPDATE company_privacy SET closed_at = NULL WHERE company_id = new.id;
    END;
  `);

  // Cases closed before this migration: the last audited move to "closed", else the last change.
  db.exec(`
    INSERT INTO company_privacy(company_id, closed_at)
    SELECT c.id, coalesce(
      (SELECT max(a.at) FROM audit_log a
        WHERE a.company_id = c.id AND a.entity = 'company' AND json_valid(a.after)
          AND json_extract(a.after, '$.status') = 'closed'),
      c.updated_at)
    FROM companies c WHERE c.status = 'closed';
  `);
}

export const privacy: Migration = { version: 50, name: 'privacy', up };
