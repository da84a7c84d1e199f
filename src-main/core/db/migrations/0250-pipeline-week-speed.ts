import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

const TABLES = ['referrals', 'lag_applications'] as const;

const NAME_SORT_OF = (id: string) => `(SELECT c.name_sort FROM companies c WHERE c.id = ${id})`;

/**
 * Two pages that read too much at 100,000 firms.
 *
 * The pipelines sorted by firm: both sorted by the joined firm's `name_sort`, so SQLite joined and
 * sorted every referral (or application) for each page, reading one scattered company row per
 * referral. The firm's sort key is now kept on the row, with indexes in the exact shape of the
 * pipeline's ORDER BY (empty last, then id newest first), so a page reads its index entries.
 *
 * Triggers keep it: a row added or moved to another firm (a merge moves them), and a firm whose
 * name changes (renamed, anonymised). A row inserted with the key already right costs the check.
 *
 * "Min uge" (week-query.ts): its planned visits and quiet firms found a consultant's firms by
 * `companies_consultant` and read every one of their rows to filter, count and sort them; its LAG
 * and referral lists read every waiting application's and sent referral's row. Partial indexes in the exact terms and order of those
 * queries answer each count from the index alone and give the page in order, reading only its rows.
 *
 * And the pipelines' first pages as they open (newest sent or submitted first) and the LAG list by
 * deadline: indexes in those ORDER BYs' shape, so they no longer sort every row for a page.
 */
function up(db: Database): void {
  for (const table of TABLES) {
    const setKey = `UPDATE ${table} SET company_sort = ${NAME_SORT_OF('new.company_id')} WHERE id = new.id`;
    const differs = `new.company_sort IS NOT ${NAME_SORT_OF('new.company_id')}`;
    db.exec(`
      ALTER TABLE ${table} ADD COLUMN company_sort TEXT;
      UPDATE ${table} SET company_sort = ${NAME_SORT_OF(`${table}.company_id`)};
      CREATE INDEX ${table}_company_sort ON ${table}(company_sort IS NULL, company_sort, id DESC);
      CREATE INDEX ${table}_company_sort_desc ON ${table}(company_sort IS NULL, company_sort DESC, id DESC);
      CREATE TRIGGER ${table}_company_sort_insert AFTER INSERT ON ${table} WHEN ${differs} BEGIN
        ${setKey};
      END;
      -- Also when the key itself is written, so it cannot be set to anything else.
      CREATE TRIGGER ${table}_company_sort_update AFTER UPDATE OF company_id, company_sort ON ${table}
      WHEN ${differs} BEGIN
        ${setKey};
      END;
    `);
  }
  db.exec(`
    CREATE TRIGGER companies_pipeline_sort_update AFTER UPDATE OF name_sort ON companies
    WHEN new.name_sort IS NOT old.name_sort BEGIN
      UPDATE referrals SET company_sort = new.name_sort WHERE company_id = new.id;
      UPDATE lag_applications SET company_sort = new.name_sort WHERE company_id = new.id;
    END;
    CREATE INDEX companies_week_planned ON companies(consultant_id, next_followup, name_sort)
      WHERE last_contact IS NULL AND status <> 'closed';
    CREATE INDEX companies_week_quiet
      ON companies(consultant_id, last_contact IS NOT NULL, last_contact, name_sort, id, created_at)
      WHERE status <> 'closed';
    CREATE INDEX lag_applications_week ON lag_applications(consultant_id, status, deadline, submitted_at);
    CREATE INDEX referrals_week ON referrals(status, sent_at, consultant_id, company_id);
    CREATE INDEX referrals_sent_sort ON referrals(sent_at IS NULL, sent_at DESC, id DESC);
    CREATE INDEX lag_applications_submitted_sort
      ON lag_applications(submitted_at IS NULL, submitted_at DESC, id DESC);
    CREATE INDEX lag_applications_deadline_sort ON lag_applications(deadline IS NULL, deadline, id DESC);
  `);
}

export const pipelineWeekSpeed: Migration = { version: 250, name: 'pipeline-week-speed', up };
