import type { Database } from 'better-sqlite3';
import { get } from '../db/sql';
import type { CompanyStatus } from '../domain/company-status';
import type { FieldIssue } from '../errors';

/**
 * Status set by hand (companies.update / create): any status may be chosen, but closing a case
 * takes a reason, given with the change itself, so the history says why it was closed.
 */
export function checkManualStatus(
  db: Database,
  input: { status?: CompanyStatus; statusReason?: string | null },
  selfId: number | undefined,
): FieldIssue[] {
  if (input.status !== 'closed') return [];
  const current =
    selfId === undefined
      ? undefined
      : get<{ status: CompanyStatus }>(db, 'SELECT status FROM companies WHERE id = ?', [selfId])?.status;
  // Re-sending "closed" for a case already closed (a form saving every field) needs no new reason.
  if (current === 'closed') return [];
  return input.statusReason ? [] : [{ field: 'statusReason', message: 'company.statusReasonRequired' }];
}
