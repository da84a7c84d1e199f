import type { Database } from 'better-sqlite3';
import { recordCompanyAudit } from '../audit/audit-log';
import { get, nowStamp, run } from '../db/sql';
import type { CompanyStatus } from '../domain/company-status';
import { advanceStatus } from '../domain/status-rules';
import { notFound } from '../errors';
import { type MessageKey, message } from '../messages';

/**
 * Moves a company's status forwards to `target` inside the caller's transaction, with its own
 * audit entry (the history shows the move and why). Returns the status before and after.
 * Referrals call this with 'in_progress' too.
 */
export function advanceCompanyStatus(
  db: Database,
  companyId: number,
  target: CompanyStatus,
  /** Why, as a message key (e.g. `company.statusAuto.contact`); stored in Danish in the log. */
  cause: MessageKey,
  actor: string,
): { before: CompanyStatus; after: CompanyStatus } {
  const row = get<{ status: CompanyStatus }>(db, 'SELECT status FROM companies WHERE id = ?', [companyId]);
  if (!row) throw notFound('entity.company', companyId);
  const next = advanceStatus(row.status, target);
  if (next !== row.status) {
    run(db, 'UPDATE companies SET status = ?, updated_at = ? WHERE id = ?', [next, nowStamp(), companyId]);
    recordCompanyAudit(db, actor, companyId, 'update', {
      before: { status: row.status },
      after: { status: next },
      // The log is a record, kept in the product's language like the rest of its text.
      reason: message(cause, {}, 'da'),
    });
  }
  return { before: row.status, after: next };
}
