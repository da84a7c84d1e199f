import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { tidyStore } from '../attachments/attachment-store';
import { recordAudit } from '../audit/audit-log';
import { get, nowStamp, run } from '../db/sql';
import { danishSortKey } from '../domain/sort-key';
import { removeFile } from '../files/file-ops';
import { message } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { formatSearchDetail, searchesMatching } from './access-log';
import { type CompanySubject, companySubject, forgetWrittenFiles } from './company-subject';
import { addEntries, type ErasedCompany, type ErasureEntry, findErased, recordErasure } from './erasure-ledger';
import {
  ANONYMISE_RULES,
  columnsOf,
  isSafeKey,
  keepSafeKeys,
  LOG_TEXT_COLUMNS,
  NOTHING_PERSONAL,
  scrubColumns,
  tableExists,
  tablesWithCompanyId,
  withFullTextErasure,
} from './personal-data';
import type { AnonymiseResult, HardDeleteResult } from './privacy-types';

/**
 * After an erasure: the WAL still holds the pages as they were before; a TRUNCATE checkpoint
 * copies the zeroed pages home and empties it. Outside the transaction by necessity.
 */
function flushWal(db: Database): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {}
}

/** Search lines whose term would have found the company lose the term (it may be a name). */
function scrubSearches(db: Database, s: CompanySubject): void {
  const stmt = db.prepare('UPDATE access_log SET detail = ? WHERE id = ?');
  for (const hit of searchesMatching(db, s.texts)) stmt.run(formatSearchDetail(message('privacy.erasedText')), hit.id);
}

function removeFiles(files: readonly string[], deleteFiles: boolean): HardDeleteResult['files'] {
  return files.map((path) => {
    if (!deleteFiles) return { path, deleted: false };
    try {
      removeFile(path);
      return { path, deleted: !fs.existsSync(path) };
    } catch {
      return { path, deleted: false };
    }
  });
}

/**
 * Removes one company and every trace of it inside the caller's transaction (and inside
 * withFullTextErasure): its row and, by ON DELETE CASCADE, every row about it; its full-text
 * index rows; its audit entries; its name wherever the logs mention it. Records one audit line.
 * Tolerates the older schemas a backup may have (no access log before schema 50).
 */
function eraseCompanyRows(db: Database, id: number, actor: string): CompanySubject {
  const s = companySubject(db, id);
  // The triggers do this too; explicit, because an index row left behind is the one leak
  // secure_delete cannot catch.
  run(db, 'DELETE FROM companies_fts WHERE rowid = ?', [id]);
  run(db, 'DELETE FROM companies WHERE id = ?', [id]);
  run(db, 'DELETE FROM audit_log WHERE company_id = ?', [id]);
  if (tableExists(db, 'access_log')) {
    // The id may be given to a new company later: old log lines must not point at it.
    run(db, 'UPDATE access_log SET company_id = NULL, detail = NULL WHERE company_id = ?', [id]);
    scrubSearches(db, s);
  }
  scrubColumns(db, LOG_TEXT_COLUMNS, s.strings);
  forgetWrittenFiles(db, s.files);
  recordAudit(db, {
    actor,
    entity: 'company',
    entityId: id,
    companyId: null,
    action: 'delete',
    reason: message('privacy.erasedReason'),
  });
  return s;
}

/**
 * Hard delete (GDPR erasure): the company and every row about it (ON DELETE CASCADE), its
 * entries in the full-text indexes, its audit entries, and its name wherever the logs mention
 * it. secure_delete (set at open) zeroes the freed pages; the WAL is checkpointed afterwards.
 * The erasure ledger remembers the company by uuid and hashed CVR/P-number (no name), so a
 * backup restored later is erased too (reapplyErasures); the backups in the folder are the
 * caller's to rewrite (eraseFromBackups). Files it names are listed, and deleted when
 * `deleteFiles` is set.
 */
export function hardDeleteCompany(
  db: Database,
  id: number,
  opts: { deleteFiles?: boolean; actor?: string } = {},
): Omit<HardDeleteResult, 'backups'> {
  const subject = db.transaction(() =>
    withFullTextErasure(db, 1, () => {
      const company = get<ErasedCompany>(db, 'SELECT id, uuid, cvr, p_number FROM companies WHERE id = ?', [id]);
      const subject = eraseCompanyRows(db, id, opts.actor ?? currentActor(db));
      // companySubject has thrown for a missing company by now.
      recordErasure(db, company as ErasedCompany, nowStamp());
      return subject;
    }),
  )();
  // Its attachments' files and opened copies (files another firm also has stay for that firm).
  tidyStore(db);
  flushWal(db);
  return { companyId: id, files: removeFiles(subject.files, opts.deleteFiles ?? false) };
}

/**
 * Applies a caseload's erasures to another copy of it (a backup being rewritten, a file being
 * restored): every company the entries identify is erased as hardDeleteCompany would, and the
 * entries are added to the copy's own ledger, so the copy remembers them when it is restored or
 * copied again. One transaction. Returns how many companies were erased.
 */
export function reapplyErasures(db: Database, entries: readonly ErasureEntry[], opts: { actor?: string } = {}): number {
  if (entries.length === 0) return 0;
  const erased = db.transaction(() => {
    const ids = findErased(db, entries);
    if (ids.length > 0) {
      const actor = opts.actor ?? currentActor(db);
      withFullTextErasure(db, ids.length, () => {
        for (const id of ids) eraseCompanyRows(db, id, actor);
      });
    }
    addEntries(db, entries);
    return ids.length;
  })();
  flushWal(db);
  return erased;
}

function anonymiseTable(db: Database, table: string, id: number): void {
  const rule = ANONYMISE_RULES[table];
  const cols = columnsOf(db, table);
  if (rule?.delete) {
    run(db, `DELETE FROM "${table}" WHERE ${rule.rows}`, [id]);
    return;
  }
  let set: Record<string, string | null>;
  if (rule) set = rule.set ?? {};
  else {
    // A table nobody classified yet: empty its free text rather than keep personal data.
    set = {};
    for (const c of cols)
      if (c.type.toUpperCase() === 'TEXT' && !c.notnull && !isSafeKey(c.name) && c.name !== 'uuid') set[c.name] = null;
  }
  const present = Object.entries(set).filter(([col]) => cols.some((c) => c.name === col));
  if (present.length === 0) return;
  run(
    db,
    `UPDATE "${table}" SET ${present.map(([col]) => `"${col}" = ?`).join(', ')} WHERE ${rule?.rows ?? 'company_id = ?'}`,
    [...present.map(([, v]) => v), id],
  );
}

function anonymiseOne(db: Database, id: number, actor: string, now: string): boolean {
  const done = get<{ anonymised_at: string | null }>(
    db,
    'SELECT anonymised_at FROM company_privacy WHERE company_id = ?',
    [id],
  );
  if (done?.anonymised_at) return false;
  if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [id])) return false;
  const s = companySubject(db, id);

  const tables = new Set([
    ...Object.keys(ANONYMISE_RULES).filter((t) => tableExists(db, t)),
    ...tablesWithCompanyId(db),
  ]);
  for (const t of tables) if (!NOTHING_PERSONAL.has(t)) anonymiseTable(db, t, id);

  const name = message('privacy.anonymised.company', { id });
  run(
    db,
    `UPDATE companies SET name = ?, name_sort = ?, cvr = NULL, p_number = NULL, address = NULL, postcode = NULL,
      city = NULL, phone = NULL, email = NULL, website = NULL, status_reason = NULL, updated_at = ? WHERE id = ?`,
    [name, danishSortKey(name), now, id],
  );
  const audits = db.prepare('SELECT id, before, after FROM audit_log WHERE company_id = ?').all(id) as Array<{
    id: number;
    before: string | null;
    after: string | null;
  }>;
  const rewrite = db.prepare('UPDATE audit_log SET before = ?, after = ?, reason = NULL WHERE id = ?');
  for (const a of audits) rewrite.run(keepSafeKeys(a.before), keepSafeKeys(a.after), a.id);
  run(db, 'UPDATE access_log SET detail = NULL WHERE company_id = ?', [id]);
  scrubSearches(db, s);
  scrubColumns(db, LOG_TEXT_COLUMNS, s.strings);
  forgetWrittenFiles(db, s.files);
  run(
    db,
    `INSERT INTO company_privacy(company_id, anonymised_at) VALUES (?, ?)
     ON CONFLICT(company_id) DO UPDATE SET anonymised_at = excluded.anonymised_at`,
    [id, now],
  );
  recordAudit(db, { actor, entity: 'company', entityId: id, companyId: id, action: 'anonymise' });
  return true;
}

/**
 * Anonymises cases that must stay countable: names, owner, contacts, notes, e-mail and phone
 * become placeholders; kommune, industry, size, dates, statuses, visits, referrals and LAG
 * applications stay, so the programme report still counts them. All ids in one transaction.
 */
export function anonymiseCompanies(
  db: Database,
  ids: readonly number[],
  opts: { actor?: string } = {},
): AnonymiseResult {
  const result = db.transaction(() => {
    const actor = opts.actor ?? currentActor(db);
    const now = nowStamp();
    const skipped: number[] = [];
    let anonymised = 0;
    const unique = [...new Set(ids)];
    withFullTextErasure(db, unique.length, () => {
      for (const id of unique) {
        if (anonymiseOne(db, id, actor, now)) anonymised++;
        else skipped.push(id);
      }
    });
    return { anonymised, skipped };
  })();
  if (result.anonymised > 0) {
    // Attachments are deleted, not blanked (see ANONYMISE_RULES): their files go too.
    tidyStore(db);
    flushWal(db);
  }
  return result;
}
