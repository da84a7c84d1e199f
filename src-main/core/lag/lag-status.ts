import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { recordAudit } from '../audit/audit-log';
import { run } from '../db/sql';
import { DomainError, invalidField } from '../errors';
import type { Locale } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { computeFinancing } from './lag-financing';
import { budgetOf, getLagApplication } from './lag-read';
import { rawRow, write } from './lag-repo';
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
    if (!canMoveLag(before.status, status)) {
      throw new DomainError('conflict', 'outreach.statusTransitionRefused', {
        from: labelKey.lagStatusName(before.status),
        to: labelKey.lagStatusName(status),
      });
    }
    const day = opts.date ?? todayIso();
    if (day > todayIso()) throw invalidField('date', 'validation.dateFuture');
    const submittedAt = before.submitted_at as string | null;
    if (submittedAt && day < submittedAt && status !== 'closed') {
      throw invalidField('date', 'lag.dateBeforeSubmitted', { date: formatDateDa(submittedAt) });
    }
    const values: Record<string, unknown> = { status };
    if (status === 'submitted') values.submitted_at = day;
    if (status === 'approved' || status === 'rejected') values.decided_at = day;
    if (status === 'approved' && opts.grantAwardedOre != null) values.grant_awarded_ore = opts.grantAwardedOre;
    if (status === 'paid') values.paid_at = day;
    write(db, id, before, values);
  })();
  return getLagApplication(db, id, locale);
}

export function deleteLagApplication(db: Database, id: number): void {
  db.transaction(() => {
    const before = rawRow(db, id);
    const budget = budgetOf(db, id);
    run(db, 'DELETE FROM lag_applications WHERE id = ?', [id]);
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'lag_application',
      entityId: id,
      companyId: before.company_id,
      action: 'delete',
      before: { ...before, budget },
    });
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
      periodStart: input.periodStart,
      submittedAt: input.submittedAt,
      deadline: input.deadline,
      status: input.status,
      today: todayIso(),
    },
    locale,
  );
}
