import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { diff, recordAudit } from '../../audit/audit-log';
import { BULK_LOAD_MIN_ROWS, beginBulkLoad } from '../../db/bulk-load';
import { get, nowStamp, run } from '../../db/sql';
import { danishSortKey } from '../../domain/sort-key';
import { DomainError } from '../../errors';
import type { JobControl } from '../job';
import type { PlanStore } from './plan-store';

export interface CommitContext {
  actor: string;
  reason: string;
  job: JobControl;
  progressLabel: string;
}

/**
 * Writes planned companies inside the caller's transaction: no await, so nothing else can write
 * in between, and any throw rolls every row back. The plan was made outside the transaction, so
 * each row's match is checked again: a firm added meanwhile (its CVR or id now taken, which the
 * table's UNIQUE constraints tell) stops the import instead of doubling.
 */
export function commitRows(db: Database, plan: PlanStore, ctx: CommitContext): { added: number; updated: number } {
  const consultants = new Map<string, number>();
  let added = 0;
  let updated = 0;
  let n = 0;
  const now = nowStamp();
  const adds = plan.adds;
  // The caseload's sort and filter indexes (about twenty) cost more per row than the row itself
  // once they outgrow the page cache: an import that at least doubles the caseload builds them anew.
  const bulk =
    adds >= BULK_LOAD_MIN_ROWS
      ? beginBulkLoad(db, {
          tables: ['companies', 'contacts'],
          rebuildIndexes:
            adds >= (get<{ n: number }>(db, 'SELECT count(*) AS n FROM companies')?.n ?? 0) ? ['companies'] : [],
        })
      : null;
  const kommuneNames = new Map(db.prepare('SELECT code, name FROM kommuner').raw().all() as Array<[number, string]>);
  /** One INSERT per list of columns (a file's rows nearly all share one), its values bound by position. */
  const inserts = new Map<string, Statement>();
  const insertCompany = (fields: object, more: object, line: number): number => {
    const cols = Object.keys(fields).concat(Object.keys(more));
    const key = cols.join(',');
    let insert = inserts.get(key);
    if (!insert) {
      insert = db.prepare(`INSERT INTO companies(${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      inserts.set(key, insert);
    }
    try {
      return Number(insert.run(Object.values(fields).concat(Object.values(more))).lastInsertRowid);
    } catch (err) {
      // A firm with this CVR or id was stored after the plan was made: stop rather than double it.
      const taken =
        err instanceof Error &&
        (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
        /\bcompanies\.(cvr|uuid)\b/.test(err.message);
      if (taken) throw new DomainError('conflict', 'import.dbChanged', { line });
      throw err;
    }
  };
  for (const row of plan.rows()) {
    if (n++ % 1000 === 0) ctx.job.progress(n - 1, plan.size, ctx.progressLabel);
    // Decoded afresh for this row, so it is the row's own to add to.
    const values: Record<string, unknown> = row.values;
    if (row.consultantName !== undefined) values.consultant_id = consultantId(db, row.consultantName, consultants, now);
    if (values.name !== undefined) values.name_sort = danishSortKey(String(values.name));
    let id: number;
    if (row.action === 'add') {
      const full = {
        status: 'identified',
        industry_system: 'DB07',
        ...values,
        uuid: row.uuid ?? randomUUID(),
        created_at: now,
        updated_at: now,
      };
      // The row also carries the names the caseload sorts by (migration 80's trigger then only
      // checks them instead of rewriting the row), and in a bulk load its owner's name (a new
      // firm's only contact is the owner added just below, so the owner's replay has nothing to
      // write). The audit keeps the firm's own fields. (Neither object is spread from another: a
      // clone per row kept every row's objects alive into V8's old generation.)
      const names: Record<string, unknown> = {
        kommune_name: kommuneNames.get(values.kommune_code as number) ?? null,
        consultant_name: values.consultant_id == null ? null : row.consultantName,
      };
      if (bulk && row.ownerName) names.owner_name = row.ownerName;
      id = insertCompany(full, names, row.line);
      recordAudit(db, {
        actor: ctx.actor,
        entity: 'company',
        entityId: id,
        companyId: id,
        action: 'create',
        after: full,
        reason: ctx.reason,
      });
      added++;
    } else {
      id = row.matchId ?? 0;
      const before = get<Record<string, unknown>>(db, 'SELECT * FROM companies WHERE id = ?', [id]);
      if (!before) throw new DomainError('conflict', 'import.dbChanged', { line: row.line });
      if (values.cvr !== undefined && before.cvr !== null && values.cvr !== before.cvr) {
        throw new DomainError('conflict', 'import.dbChanged', { line: row.line });
      }
      const d = diff(before, values);
      if (d.changed) {
        values.updated_at = now;
        const cols = Object.keys(values);
        run(db, `UPDATE companies SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`, { ...values, id });
        recordAudit(db, {
          actor: ctx.actor,
          entity: 'company',
          entityId: id,
          companyId: id,
          action: 'update',
          before: d.before,
          after: d.after,
          reason: ctx.reason,
        });
      }
      updated++;
    }
    if (row.ownerName) setOwner(db, id, row.ownerName, now, ctx, row.action === 'add');
  }
  bulk?.finish();
  ctx.job.progress(plan.size, plan.size, ctx.progressLabel);
  return { added, updated };
}

function consultantId(db: Database, name: string | null, cache: Map<string, number>, now: string): number | null {
  if (name === null) return null;
  const known = cache.get(name) ?? get<{ id: number }>(db, 'SELECT id FROM consultants WHERE name = ?', [name])?.id;
  if (known !== undefined) {
    cache.set(name, known);
    return known;
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0]?.toUpperCase())
    .join('')
    .slice(0, 4);
  const id = Number(
    run(db, 'INSERT INTO consultants(uuid, name, initials, created_at) VALUES (?, ?, ?, ?)', [
      randomUUID(),
      name,
      initials,
      now,
    ]).lastInsertRowid,
  );
  cache.set(name, id);
  return id;
}

/**
 * The spreadsheet names the owner. A person already recorded under that name becomes the owner;
 * otherwise the person is added as owner. A previous owner stays as a contact person: nothing is lost.
 * A firm this import has just added has no contacts yet, so the look-ups are skipped for it.
 */
function setOwner(
  db: Database,
  companyId: number,
  name: string,
  now: string,
  ctx: CommitContext,
  isNew: boolean,
): void {
  if (!isNew) {
    const current = get<{ id: number; name: string }>(
      db,
      'SELECT id, name FROM contacts WHERE company_id = ? ORDER BY is_owner DESC, id LIMIT 1',
      [companyId],
    );
    if (current?.name === name) return;
    const same = get<{ id: number }>(db, 'SELECT id FROM contacts WHERE company_id = ? AND name = ?', [
      companyId,
      name,
    ]);
    run(db, 'UPDATE contacts SET is_owner = 0, updated_at = ? WHERE company_id = ? AND is_owner = 1', [now, companyId]);
    if (same) {
      run(db, 'UPDATE contacts SET is_owner = 1, updated_at = ? WHERE id = ?', [now, same.id]);
      return;
    }
  }
  const id = Number(
    run(
      db,
      'INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
      [randomUUID(), companyId, name, now, now],
    ).lastInsertRowid,
  );
  recordAudit(db, {
    actor: ctx.actor,
    entity: 'contact',
    entityId: id,
    companyId,
    action: 'create',
    after: { name, is_owner: 1 },
    reason: ctx.reason,
  });
}
