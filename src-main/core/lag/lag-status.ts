import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { deleteAudited, updateAudited } from '../audit/audit-log';
import { ledgerAid } from '../deminimis/ledger';
import { deMinimisStatus } from '../deminimis/rules';
import { statusMoveDay } from '../domain/status-move';
import { invalidField } from '../errors';
import type { Locale } from '../messages';
import { computeFinancing } from './lag-financing';
import { budgetOf, getLagApplication } from './lag-read';
import { LAG_APPLICATIONS, rawRow } from './lag-repo';
import {
  canMoveLag,
  type FinancingSummary,
  type financingPreviewSchema,
  type LagApplication,
  type LagStatus,
} from './lag-schema';
import { getScheme } from './scheme-repo';

/**
 * Moves an application along its path. "submitted" stamps the day the LAG received it (the start
 * date is checked against it), "approved"/"rejected" the decision, "paid" the payment.
 */
export function setLagStatus(
  db: Database,
  id: number,
  status: LagStatus,
  opts: { date?: string | null; grantAwardedOre?: number | null } = {},
  locale: Locale = 'da',
): LagApplication {
  db.transaction(() => {
    const before = rawRow(db, id);
    if (before.status === status) return;
    const day = statusMoveDay(
      { from: before.status, to: status, allowed: canMoveLag(before.status, status), label: labelKey.lagStatus },
      opts.date,
    );
    const submittedAt = before.submitted_at as string | null;
    if (submittedAt && day < submittedAt && status !== 'closed') {
      throw invalidField('date', 'lag.dateBeforeSubmitted', { date: formatDateDa(submittedAt) });
    }
    const values: Record<string, unknown> = { status };
    if (status === 'submitted') values.submitted_at = day;
    if (status === 'approved' || status === 'rejected') values.decided_at = day;
    if (status === 'approved' && opts.grantAwardedOre != null) values.grant_awarded_ore = opts.grantAwardedOre;
    if (status === 'paid') values.paid_at = day;
    updateAudited(db, LAG_APPLICATIONS, id, before, values);
  })();
  return getLagApplication(db, id, locale);
}

export function deleteLagApplication(db: Database, id: number): void {
  db.transaction(() => {
    const before = rawRow(db, id);
    const budget = budgetOf(db, id);
    deleteAudited(db, LAG_APPLICATIONS, id, { ...before, budget }, before.company_id);
  })();
}

export function previewFinancing(
  db: Database,
  input: z.output<typeof financingPreviewSchema>,
  locale: Locale = 'da',
): FinancingSummary {
  return computeFinancing(
    {
      lines: input.lines,
      grantRequestedOre: input.grantRequestedOre ?? 0,
      ownCashOre: input.ownCashOre ?? 0,
      ownHoursOre: input.ownHoursOre ?? 0,
      otherPublicOre: input.otherPublicOre ?? 0,
      foodProcessing: input.foodProcessing ?? false,
      scheme: input.schemeId == null ? null : getScheme(db, input.schemeId),
      deMinimisPriorOre: input.deMinimisPriorOre,
      deMinimis:
        input.companyId == null
          ? null
          : deMinimisStatus(ledgerAid(db, input.companyId, input.applicationId ?? undefined), 'general', todayIso()),
      periodStart: input.periodStart,
      submittedAt: input.submittedAt,
      deadline: input.deadline,
      status: input.status,
      today: todayIso(),
    },
    locale,
  );
}
