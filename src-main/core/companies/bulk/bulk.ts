import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { recordCompanyAudit } from '../../audit/audit-log';
import { chunkedWrite } from '../../db/chunked-write';
import { all, get, nowStamp, stmt } from '../../db/sql';
import { DomainError, invalidField, notFound } from '../../errors';
import { CHUNK, type JobControl, NO_JOB } from '../../interop/job';
import { currentActor, getSetting, setSetting } from '../../settings/settings-repo';
import { caseloadSql } from '../caseload-query';
import type { BulkAction, BulkInput, BulkLast, BulkResult } from './bulk-schema';

/**
 * Bulk actions on a caseload selection: one transaction, one audit entry per firm changed, and a
 * journal of what each firm held before, so the last bulk action can be taken back.
 */
const LAST = 'bulk.last';

/** One firm's values before the action, enough to put it back. */
interface JournalFirm {
  id: number;
  consultantId?: number | null;
  status?: string;
  statusReason?: string | null;
  /** Follow-ups that moved with it, and whose they were. */
  followups?: Array<[number, number | null]>;
  /** The follow-up or network membership the action added. */
  added?: number;
}

interface Journal extends BulkLast {
  firms: JournalFirm[];
  /** The value each firm was given, so undo leaves a firm changed since then alone. */
  value: unknown;
}

/** Rolls a dry run's transaction back after counting. */
class DryRun extends Error {
  constructor(readonly result: BulkResult) {
    super('dry run');
  }
}

export function selectionIds(db: Database, selection: BulkInput['selection']): number[] {
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)];
    const found = new Set(
      all<{ id: number }>(db, 'SELECT id FROM companies WHERE id IN (SELECT value FROM json_each(?))', [
        JSON.stringify(ids),
      ]).map((r) => r.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw notFound('entity.company', missing);
    return ids;
  }
  const { listSql, params } = caseloadSql({
    offset: 0,
    limit: -1,
    sort: [],
    filters: selection.query.filters,
    search: selection.query.search,
    notes: selection.query.notes,
    count: 'with-page',
  });
  return all<{ id: number }>(db, listSql, params).map((r) => r.id);
}

function resolveConsultant(db: Database, action: Extract<BulkAction, { kind: 'reassign' }>): number {
  const byId =
    action.consultantId !== undefined
      ? get<{ id: number }>(db, 'SELECT id FROM consultants WHERE id = ?', [action.consultantId])
      : undefined;
  const name = action.consultantName?.trim();
  const byName = name
    ? get<{ id: number }>(db, 'SELECT id FROM consultants WHERE name = ? COLLATE NOCASE ORDER BY active DESC, id', [
        name,
      ])
    : undefined;
  const found = byId ?? byName;
  if (!found) {
    throw invalidField('consultant', 'bulk.unknownConsultant', {
      name: name ?? String(action.consultantId ?? ''),
    });
  }
  return found.id;
}

/** A job's controls, and how many firms each chunk of the write handles (tests choose small ones). */
export interface BulkJob extends JobControl {
  chunk?: number;
}

/**
 * Runs one action on the selected firms: one transaction, written in chunks with progress and a
 * cancel check between them (db/chunked-write.ts), so a cancel or a kill at any point leaves
 * every firm as it was.
 */
export async function runBulk(db: Database, input: BulkInput, job: BulkJob = NO_JOB): Promise<BulkResult> {
  const { action } = input;
  if (action.kind === 'status' && action.status === 'closed' && !action.reason) {
    throw invalidField('reason', 'company.statusReasonRequired');
  }
  const chunk = Math.max(1, job.chunk ?? CHUNK);
  try {
    return await chunkedWrite(db, job, async (pause) => {
      // In id order, so each chunk touches neighbouring rows: a filter's ids come in the caseload's
      // order, and chunks of firms spread over the whole table read every page of it again and again.
      const ids = selectionIds(db, input.selection).sort((a, b) => a - b);
      if (ids.length === 0) throw new DomainError('invalid_input', 'bulk.emptySelection');
      const apply = prepareAction(db, action);
      const journal: Journal = { kind: action.kind, at: nowStamp(), changed: 0, firms: [], value: apply.value };
      let followupsMoved = 0;
      await pause(0, ids.length);
      for (let i = 0; i < ids.length; i += chunk) {
        followupsMoved += apply.run(ids.slice(i, i + chunk), journal);
        await pause(Math.min(i + chunk, ids.length), ids.length);
      }
      journal.changed = journal.firms.length;
      const result: BulkResult = {
        kind: action.kind,
        dryRun: input.dryRun,
        selected: ids.length,
        changed: journal.changed,
        followupsMoved,
      };
      if (input.dryRun) throw new DryRun(result);
      // A run that changed nothing leaves the previous action undoable.
      if (journal.changed > 0) setSetting(db, LAST, journal);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}

/**
 * An action made ready (its consultant or network checked), then run on one chunk of firms at a
 * time: it writes, adds each changed firm to the journal with an audit entry, and returns the
 * follow-ups it moved.
 */
function prepareAction(
  db: Database,
  action: BulkAction,
): { value: unknown; run: (ids: number[], journal: Journal) => number } {
  const actor = currentActor(db);
  const now = nowStamp();
  const audit = (companyId: number, before: object, after: object, reason: string | null = null) =>
    recordCompanyAudit(db, actor, companyId, 'update', {
      before,
      after,
      reason,
    });

  if (action.kind === 'reassign') {
    const to = resolveConsultant(db, action);
    return {
      value: to,
      run(ids, journal) {
        // Set-based reads and writes over the ids' JSON array, then one audit row per firm: at
        // 10,000 firms a statement per firm and follow-up cost several times the bare UPDATEs.
        const current = all<{ id: number; c: number | null }>(
          db,
          'SELECT id, consultant_id AS c FROM companies WHERE id IN (SELECT value FROM json_each(?))',
          [JSON.stringify(ids)],
        );
        const from = new Map(current.filter((r) => r.c !== to).map((r) => [r.id, r.c]));
        const changedJson = JSON.stringify([...from.keys()]);
        const open = new Map<number, Array<[number, number | null]>>();
        for (const f of all<{ id: number; company: number; c: number | null }>(
          db,
          `SELECT f.id, f.company_id AS company, f.consultant_id AS c FROM followups f
           WHERE f.company_id IN (SELECT value FROM json_each(?)) AND f.done_at IS NULL`,
          [changedJson],
        )) {
          // The previous consultant's follow-ups and nobody's move along; a colleague's stay theirs.
          if (f.c !== null && f.c !== from.get(f.company)) continue;
          const list = open.get(f.company) ?? [];
          list.push([f.id, f.c]);
          open.set(f.company, list);
        }
        stmt(
          db,
          'UPDATE companies SET consultant_id = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
        ).run(to, now, changedJson);
        const movedIds = [...open.values()].flatMap((l) => l.map(([fid]) => fid));
        stmt(
          db,
          'UPDATE followups SET consultant_id = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
        ).run(to, now, JSON.stringify(movedIds));
        for (const id of ids) {
          if (!from.has(id)) continue;
          const was = from.get(id) ?? null;
          const moved = open.get(id) ?? [];
          journal.firms.push({ id, consultantId: was, followups: moved });
          audit(id, { consultant_id: was }, { consultant_id: to, followups_moved: moved.length });
        }
        return movedIds.length;
      },
    };
  }
  if (action.kind === 'status') {
    const read = stmt(db, 'SELECT status, status_reason AS reason FROM companies WHERE id = ?');
    const write = stmt(db, 'UPDATE companies SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?');
    return {
      value: action.status,
      run(ids, journal) {
        for (const id of ids) {
          const before = read.get(id) as { status: string; reason: string | null };
          if (before.status === action.status) continue;
          const reason = action.status === 'closed' ? (action.reason ?? null) : before.reason;
          write.run(action.status, reason, now, id);
          journal.firms.push({ id, status: before.status, statusReason: before.reason });
          audit(
            id,
            { status: before.status, status_reason: before.reason },
            { status: action.status, status_reason: reason },
            action.status === 'closed' ? (action.reason ?? null) : null,
          );
        }
        return 0;
      },
    };
  }
  if (action.kind === 'followup') {
    const insert = stmt(
      db,
      `INSERT INTO followups(uuid, company_id, title, description, due_date, consultant_id, created_at, updated_at)
       SELECT ?, c.id, ?, ?, ?, c.consultant_id, ?, ? FROM companies c WHERE c.id = ?`,
    );
    return {
      value: null,
      run(ids, journal) {
        for (const id of ids) {
          const info = insert.run(randomUUID(), action.title, action.description ?? null, action.dueDate, now, now, id);
          const added = Number(info.lastInsertRowid);
          journal.firms.push({ id, added });
          audit(id, {}, { followup: { id: added, title: action.title, due_date: action.dueDate } });
        }
        return 0;
      },
    };
  }
  const network = get<{ founded_on: string }>(db, 'SELECT founded_on FROM networks WHERE id = ?', [action.networkId]);
  if (!network) throw notFound('entity.network', action.networkId);
  if (action.joinedOn < network.founded_on) throw invalidField('joinedOn', 'bulk.joinedBeforeFounded');
  const member = stmt(
    db,
    'SELECT 1 FROM network_members WHERE network_id = ? AND company_id = ? AND (left_on IS NULL OR left_on >= ?)',
  );
  const insert = stmt(db, 'INSERT INTO network_members(network_id, company_id, joined_on) VALUES (?, ?, ?)');
  return {
    value: null,
    run(ids, journal) {
      for (const id of ids) {
        if (member.get(action.networkId, id, action.joinedOn)) continue;
        const added = Number(insert.run(action.networkId, id, action.joinedOn).lastInsertRowid);
        journal.firms.push({ id, added });
        audit(id, {}, { network_member: { id: added, network_id: action.networkId, joined_on: action.joinedOn } });
      }
      return 0;
    },
  };
}

export function lastBulk(db: Database): BulkLast | null {
  const j = getSetting<Journal | null>(db, LAST, null);
  return j && Array.isArray(j.firms) ? { kind: j.kind, at: j.at, changed: j.changed } : null;
}

/**
 * Takes the last bulk action back, one audit entry per firm. A firm changed again since then
 * (another consultant, status or a follow-up done) keeps that later change.
 */
export function undoLastBulk(db: Database): BulkResult {
  return db.transaction(() => {
    const j = getSetting<Journal | null>(db, LAST, null);
    if (!j || !Array.isArray(j.firms)) throw new DomainError('conflict', 'bulk.nothingToUndo');
    const actor = currentActor(db);
    const now = nowStamp();
    let changed = 0;
    let followupsMoved = 0;
    const audit = (companyId: number, before: object, after: object) =>
      recordCompanyAudit(db, actor, companyId, 'update', { before, after });
    for (const f of j.firms) {
      if (j.kind === 'reassign') {
        const info = stmt(
          db,
          'UPDATE companies SET consultant_id = ?, updated_at = ? WHERE id = ? AND consultant_id IS ?',
        ).run(f.consultantId ?? null, now, f.id, j.value);
        if (!info.changes) continue;
        for (const [fid, c] of f.followups ?? []) {
          followupsMoved += stmt(
            db,
            'UPDATE followups SET consultant_id = ?, updated_at = ? WHERE id = ? AND consultant_id IS ? AND done_at IS NULL',
          ).run(c, now, fid, j.value).changes;
        }
        audit(f.id, { consultant_id: j.value }, { consultant_id: f.consultantId ?? null });
      } else if (j.kind === 'status') {
        const info = stmt(
          db,
          'UPDATE companies SET status = ?, status_reason = ?, updated_at = ? WHERE id = ? AND status = ?',
        ).run(f.status, f.statusReason ?? null, now, f.id, j.value);
        if (!info.changes) continue;
        audit(f.id, { status: j.value }, { status: f.status, status_reason: f.statusReason ?? null });
      } else if (j.kind === 'followup') {
        if (!stmt(db, 'DELETE FROM followups WHERE id = ? AND done_at IS NULL').run(f.added).changes) continue;
        audit(f.id, { followup: { id: f.added } }, {});
      } else {
        if (!stmt(db, 'DELETE FROM network_members WHERE id = ?').run(f.added).changes) continue;
        audit(f.id, { network_member: { id: f.added } }, {});
      }
      changed++;
    }
    db.prepare('DELETE FROM settings WHERE key = ?').run(LAST);
    return { kind: j.kind, dryRun: false, selected: j.firms.length, changed, followupsMoved };
  })();
}
