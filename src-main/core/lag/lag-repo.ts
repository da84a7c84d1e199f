import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { todayIso } from '../../../src-shared/format/dates';
import { type AuditedTable, recordAudit, updateAudited } from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { insertRow, nowStamp, run, storedColumns, storedRow } from '../db/sql';
import { invalidField } from '../errors';
import type { Locale } from '../messages';
import { assertRefs } from '../referrals/refs';
import { currentActor } from '../settings/settings-repo';
import { budgetOf, getLagApplication } from './lag-read';
import type { budgetLineSchema, LagApplication, LagCreate, LagFields, LagStatus } from './lag-schema';
import { schemeValidOn } from './scheme-repo';

function columns(f: Partial<LagFields>): Record<string, unknown> {
  return storedColumns(f, {
    plain: [
      'lagId',
      'schemeId',
      'contactId',
      'consultantId',
      'title',
      'theme',
      'purpose',
      'activities',
      'effectJobs',
      'effectTurnoverOre',
      'effectProducts',
      'effectOther',
      'periodStart',
      'periodEnd',
      'grantRequestedOre',
      'ownCashOre',
      'ownHours',
      'ownHoursOre',
      'otherPublicOre',
      'otherPublicSource',
      'deMinimisPriorOre',
      'deadline',
    ],
    flags: ['foodProcessing'],
    json: ['annexes'],
  });
}

function checkFields(f: Partial<LagFields>, before?: Record<string, unknown>): void {
  const start = f.periodStart !== undefined ? f.periodStart : (before?.period_start as string | null | undefined);
  const end = f.periodEnd !== undefined ? f.periodEnd : (before?.period_end as string | null | undefined);
  if (start && end && end < start) throw invalidField('periodEnd', 'validation.periodEndBeforeStart');
}

function writeBudget(db: Database, applicationId: number, lines: ReadonlyArray<z.output<typeof budgetLineSchema>>) {
  run(db, 'DELETE FROM lag_budget_lines WHERE application_id = ?', [applicationId]);
  lines.forEach((l, i) => {
    run(
      db,
      `INSERT INTO lag_budget_lines(application_id, position, category, description, supplier, amount_ore, quote_ref)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [applicationId, i + 1, l.category, l.description, l.supplier ?? null, l.amountOre, l.quoteRef ?? null],
    );
  });
}

const LAG_TYPES = ['lag'] as const;

export function createLagApplication(db: Database, input: LagCreate, locale: Locale = 'da'): LagApplication {
  const id = db.transaction(() => {
    assertCompanyExists(db, input.companyId);
    assertRefs(
      db,
      input.companyId,
      { ...input, organisationId: input.lagId },
      { organisationField: 'lagId', organisationTypes: LAG_TYPES },
    );
    checkFields(input);
    const now = nowStamp();
    // Without a chosen scheme, the LAG scheme valid when the project starts sets the limits.
    const schemeId =
      input.schemeId !== undefined
        ? input.schemeId
        : (schemeValidOn(db, 'lag', input.periodStart ?? todayIso())?.id ?? null);
    const values = {
      ...columns(input),
      scheme_id: schemeId,
      uuid: randomUUID(),
      company_id: input.companyId,
      status: 'idea',
      created_at: now,
      updated_at: now,
    };
    const newId = insertRow(db, 'lag_applications', values);
    if (input.budget) writeBudget(db, newId, input.budget);
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'lag_application',
      entityId: newId,
      companyId: input.companyId,
      action: 'create',
      after: { ...values, budget: input.budget ?? [] },
    });
    return newId;
  })();
  return getLagApplication(db, id, locale);
}

export function rawRow(db: Database, id: number) {
  const row = storedRow<{ company_id: number; status: LagStatus }>(db, 'lag_applications', id, 'entity.lagApplication');
  return row;
}

export const LAG_APPLICATIONS: AuditedTable = { table: 'lag_applications', entity: 'lag_application', stamped: true };

type BudgetLines = ReadonlyArray<z.output<typeof budgetLineSchema>>;

/** Changes the fields sent and, when given, replaces the budget: one transaction, as the form saves them. */
export function updateLagApplication(
  db: Database,
  id: number,
  changes: Partial<LagFields>,
  locale: Locale = 'da',
  budget?: BudgetLines,
): LagApplication {
  db.transaction(() => {
    const before = rawRow(db, id);
    assertRefs(
      db,
      before.company_id,
      { ...changes, organisationId: changes.lagId },
      { organisationField: 'lagId', organisationTypes: LAG_TYPES },
    );
    checkFields(changes, before);
    updateAudited(db, LAG_APPLICATIONS, id, before, columns(changes));
    if (budget) replaceBudget(db, id, budget);
  })();
  return getLagApplication(db, id, locale);
}

export function setLagBudget(db: Database, id: number, lines: BudgetLines, locale: Locale = 'da'): LagApplication {
  db.transaction(() => replaceBudget(db, id, lines))();
  return getLagApplication(db, id, locale);
}

/** Replaces all budget lines inside the caller's transaction, with the old and new lines in the audit log. */
function replaceBudget(db: Database, id: number, lines: BudgetLines): void {
  const before = rawRow(db, id);
  const old = budgetOf(db, id).map(({ id: _id, ...rest }) => rest);
  writeBudget(db, id, lines);
  run(db, 'UPDATE lag_applications SET updated_at = ? WHERE id = ?', [nowStamp(), id]);
  recordAudit(db, {
    actor: currentActor(db),
    entity: 'lag_application',
    entityId: id,
    companyId: before.company_id,
    action: 'update',
    before: { budget: old },
    after: { budget: lines },
  });
}
