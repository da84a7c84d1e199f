import type { Database } from 'better-sqlite3';
import { all, get, nowStamp, run } from '../db/sql';
import { DomainError, invalidField } from '../errors';
import { DRAFT_MAX_CHARS, type Draft, type DraftSummary } from './draft-schema';

interface DraftRow {
  key: string;
  company_id: number | null;
  payload: string;
  updated_at: string;
}

/** The company a visit draft belongs to, read from its key; other keys say nothing. */
function companyOfKey(db: Database, key: string): number | null {
  const forNew = /^visit:new:(\d+)$/.exec(key);
  if (forNew) return Number(forNew[1]);
  const forEdit = /^visit:(\d+)$/.exec(key);
  if (forEdit) {
    const visit = get<{ company_id: number }>(db, 'SELECT company_id FROM visits WHERE id = ?', [Number(forEdit[1])]);
    if (!visit) throw invalidField('key', 'error.notFound', { entity: 'entity.visit' });
    return visit.company_id;
  }
  return null;
}

/**
 * Saves (replaces) a draft. Not audited: a draft is not a record until the form is saved, and
 * it is written on every pause in typing.
 */
export function saveDraft(db: Database, key: string, payload: Record<string, unknown>, companyId?: number): Draft {
  const text = JSON.stringify(payload);
  if (text.length > DRAFT_MAX_CHARS) throw invalidField('payload', 'draft.tooLarge', { max: DRAFT_MAX_CHARS });
  const company = companyOfKey(db, key) ?? companyId ?? null;
  if (company !== null && !get(db, 'SELECT 1 FROM companies WHERE id = ?', [company]))
    throw new DomainError('invalid_input', 'error.invalidInput', {}, [
      { field: 'companyId', message: 'error.notFound', params: { entity: 'entity.company' } },
    ]);
  const now = nowStamp();
  run(
    db,
    `INSERT INTO form_drafts(key, company_id, payload, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET company_id = excluded.company_id, payload = excluded.payload,
       updated_at = excluded.updated_at`,
    [key, company, text, now],
  );
  return { key, companyId: company, payload, updatedAt: now };
}

export function getDraft(db: Database, key: string): Draft | null {
  const row = get<DraftRow>(db, 'SELECT * FROM form_drafts WHERE key = ?', [key]);
  if (!row) return null;
  return {
    key: row.key,
    companyId: row.company_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    updatedAt: row.updated_at,
  };
}

/** Removes a draft; inside a save's transaction when the form is saved. */
export function discardDraft(db: Database, key: string): boolean {
  return run(db, 'DELETE FROM form_drafts WHERE key = ?', [key]).changes > 0;
}

export function listDrafts(db: Database, companyId?: number): DraftSummary[] {
  const rows =
    companyId === undefined
      ? all<DraftRow>(db, 'SELECT key, company_id, updated_at FROM form_drafts ORDER BY updated_at DESC')
      : all<DraftRow>(
          db,
          'SELECT key, company_id, updated_at FROM form_drafts WHERE company_id = ? ORDER BY updated_at DESC',
          [companyId],
        );
  return rows.map((r) => ({ key: r.key, companyId: r.company_id, updatedAt: r.updated_at }));
}
