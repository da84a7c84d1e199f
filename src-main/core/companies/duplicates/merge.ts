import type { Database } from 'better-sqlite3';
import { COMPANY_FIELDS, type CompanyFieldDef, inputName } from '../../../../src-shared/fields/companies';
import { recordAudit, recordCompanyAudit } from '../../audit/audit-log';
import { all, get, run, storedRow } from '../../db/sql';
import { DomainError } from '../../errors';
import { message } from '../../messages';
import { currentActor } from '../../settings/settings-repo';
import { getCompany, updateCompany } from '../company-repo';
import type { CompanyCreate } from '../schema';
import type { MergeField, MergeInput, MergePlan } from './duplicate-schema';

/**
 * The fields a merge chooses between: what the form and the API write, but the record type
 * (it follows the CVR) and what only a new firm gives (its first owner: contacts move anyway).
 */
const MERGED_FIELDS: readonly CompanyFieldDef[] = (COMPANY_FIELDS as readonly CompanyFieldDef[]).filter(
  (f) => f.input && !f.input.createOnly && f.prop !== 'recordType',
);

/** Tables whose rows about a firm are not moved one for one (see `moveRows`). */
const SPECIAL = new Set(['company_privacy', 'form_drafts', 'network_members']);
/** Logs that point at a firm without a foreign key: they follow the firm's records. */
const LOGS = ['audit_log', 'access_log'];

/**
 * Every table that refers to a firm, read from the schema's foreign keys, so a table added by a
 * later migration moves with the rest without being listed here.
 */
function childTables(db: Database): string[] {
  return all<{ name: string }>(
    db,
    `SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND f."table" = 'companies' AND f."from" = 'company_id' ORDER BY m.name`,
  ).map((r) => r.name);
}

const count = (db: Database, table: string, id: number) =>
  get<{ n: number }>(db, `SELECT count(*) AS n FROM ${table} WHERE company_id = ?`, [id])?.n ?? 0;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

function rawRow(db: Database, id: number): Record<string, unknown> {
  const row = storedRow(db, 'companies', id, 'entity.company');
  return row;
}

function planFields(
  db: Database,
  keep: Record<string, unknown>,
  merge: Record<string, unknown>,
  take: readonly string[],
) {
  const shown = (row: Record<string, unknown>, f: CompanyFieldDef): string | null => {
    if (!f.shows) return null;
    const company: Record<string, unknown> = { ...getCompany(db, Number(row.id)) };
    const value = company[f.shows.prop];
    return typeof value === 'string' ? value : null;
  };
  const unknown = take.filter((t) => !MERGED_FIELDS.some((f) => inputName(f) === t));
  if (unknown.length) throw new DomainError('invalid_input', 'duplicates.unknownField', { fields: unknown.join(', ') });
  const fields = MERGED_FIELDS.map((f): MergeField => {
    const field = inputName(f);
    const k = keep[f.column] as MergeField['keep'];
    const m = merge[f.column] as MergeField['merge'];
    const fixed = f.column === 'cvr' && isEmpty(k) && !isEmpty(m);
    const chosen = fixed || take.includes(field) || (isEmpty(k) && !isEmpty(m)) ? 'merge' : 'keep';
    return {
      field,
      keep: k ?? null,
      merge: m ?? null,
      chosen,
      fixed,
      keepShown: shown(keep, f),
      mergeShown: shown(merge, f),
    };
  });
  // A code is read in its system: the system comes from the firm whose code is kept.
  const code = fields.find((f) => f.field === 'industryCode');
  const system = fields.find((f) => f.field === 'industrySystem');
  if (code && system) Object.assign(system, { chosen: code.chosen, fixed: true });
  return fields;
}

/** What merging `mergeId` into `keepId` would do; refuses what must never be merged. */
export function planMerge(db: Database, input: MergeInput): MergePlan {
  const { keepId, mergeId, take = [] } = input;
  if (keepId === mergeId) throw new DomainError('invalid_input', 'duplicates.sameFirm');
  const keep = rawRow(db, keepId);
  const merge = rawRow(db, mergeId);
  if (keep.cvr && merge.cvr && keep.cvr !== merge.cvr)
    throw new DomainError('conflict', 'duplicates.differentCvr', { keep: keep.cvr, merge: merge.cvr });
  const newVisitDraft = (id: number) =>
    get<{ key: string }>(db, 'SELECT key FROM form_drafts WHERE key = ?', [`visit:new:${id}`]);
  if (newVisitDraft(keepId) && newVisitDraft(mergeId)) throw new DomainError('conflict', 'duplicates.twoVisitDrafts');
  const moves = [...childTables(db).filter((t) => t !== 'company_privacy'), 'audit_log']
    .map((table) => ({ table, count: count(db, table, mergeId) }))
    .filter((m) => m.count > 0);
  return {
    keepId,
    mergeId,
    keepName: String(keep.name),
    mergeName: String(merge.name),
    fields: planFields(db, keep, merge, take),
    moves,
  };
}

/** Joins the merged firm's memberships with the kept firm's in the same network (earliest join, open if either is). */
function joinMemberships(db: Database, keepId: number, mergeId: number): void {
  const shared = all<{ mergeRow: number; keepRow: number }>(
    db,
    `SELECT m.id AS mergeRow, k.id AS keepRow FROM network_members m
       JOIN network_members k ON k.network_id = m.network_id AND k.company_id = ?
      WHERE m.company_id = ? GROUP BY m.id`,
    [keepId, mergeId],
  );
  for (const { mergeRow, keepRow } of shared) {
    run(
      db,
      `UPDATE network_members SET
         joined_on = min(joined_on, (SELECT joined_on FROM network_members WHERE id = @m)),
         left_on = CASE WHEN left_on IS NULL OR (SELECT left_on FROM network_members WHERE id = @m) IS NULL THEN NULL
                        ELSE max(left_on, (SELECT left_on FROM network_members WHERE id = @m)) END
       WHERE id = @k`,
      { m: mergeRow, k: keepRow },
    );
    run(db, 'DELETE FROM network_members WHERE id = ?', [mergeRow]);
  }
  run(db, 'UPDATE network_members SET company_id = ? WHERE company_id = ?', [keepId, mergeId]);
}

function moveRows(db: Database, keepId: number, mergeId: number): void {
  for (const table of childTables(db)) {
    if (SPECIAL.has(table)) continue;
    // A link both firms have (the same tag) stays once: the merged firm's copy goes with the firm.
    run(db, `UPDATE OR IGNORE ${table} SET company_id = ? WHERE company_id = ?`, [keepId, mergeId]);
  }
  joinMemberships(db, keepId, mergeId);
  // A new visit's draft is keyed by its firm; the plan refused a merge where both firms have one.
  run(db, 'UPDATE form_drafts SET key = ? WHERE key = ?', [`visit:new:${keepId}`, `visit:new:${mergeId}`]);
  run(db, 'UPDATE form_drafts SET company_id = ? WHERE company_id = ?', [keepId, mergeId]);
  for (const log of LOGS) run(db, `UPDATE ${log} SET company_id = ? WHERE company_id = ?`, [keepId, mergeId]);
}

/**
 * Merges one firm into another in one transaction: every record about the merged firm moves to the
 * kept one, the chosen fields are written, the merged firm is deleted, and the audit log says so on
 * both. The search indexes and the caseload's derived columns follow through the schema's triggers.
 */
export function mergeCompanies(db: Database, input: MergeInput, actor = currentActor(db)): MergePlan {
  return db.transaction(() => {
    const plan = planMerge(db, input);
    const merged = rawRow(db, plan.mergeId);
    moveRows(db, plan.keepId, plan.mergeId);
    // Deleted before the kept firm is written, so a CVR it passes on is free to take.
    run(db, 'DELETE FROM companies WHERE id = ?', [plan.mergeId]);
    recordAudit(db, {
      actor,
      entity: 'company',
      entityId: plan.mergeId,
      companyId: plan.keepId,
      action: 'delete',
      before: merged,
      reason: message('duplicates.auditMergedInto', { name: plan.keepName }, 'da'),
    });
    const changes: Record<string, unknown> = {};
    for (const f of plan.fields) if (f.chosen === 'merge' && f.merge !== f.keep) changes[f.field] = f.merge;
    updateCompany(db, plan.keepId, changes as Partial<CompanyCreate>, actor);
    recordCompanyAudit(db, actor, plan.keepId, 'update', {
      after: { mergedFrom: merged.uuid, moves: plan.moves },
      reason: message('duplicates.auditMerged', { name: plan.mergeName }, 'da'),
    });
    getCompany(db, plan.keepId);
    return plan;
  })();
}
