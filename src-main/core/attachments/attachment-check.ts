import type { Database } from 'better-sqlite3';
import { all } from '../db/sql';
import { blobPath, hasBlob, hashFile, storeOf } from './attachment-store';

/** An attachment whose stored file is gone, or is no longer the file that was attached. */
export interface AttachmentProblem {
  problem: 'missing' | 'changed';
  attachmentId: number;
  name: string;
  companyId: number;
  company: string;
  sha256: string;
}

/**
 * Every attachment row against the attachments folder: its file must be there and hash to its
 * name. Each stored file is read once however many rows name it. A database in memory has no
 * folder, so nothing can be checked.
 */
export function checkAttachmentFiles(db: Database): AttachmentProblem[] {
  const store = storeOf(db);
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get();
  if (!store || !has) return [];
  const rows = all<{ id: number; name: string; company_id: number; company: string; sha256: string }>(
    db,
    `SELECT a.id, a.name, a.company_id, c.name AS company, a.sha256
       FROM attachments a JOIN companies c ON c.id = a.company_id
      ORDER BY c.name_sort, c.id, a.name, a.id`,
  );
  const verdict = new Map<string, AttachmentProblem['problem'] | null>();
  const problems: AttachmentProblem[] = [];
  for (const r of rows) {
    let found = verdict.get(r.sha256);
    if (found === undefined) {
      found = fileVerdict(store, r.sha256);
      verdict.set(r.sha256, found);
    }
    if (found)
      problems.push({
        problem: found,
        attachmentId: r.id,
        name: r.name,
        companyId: r.company_id,
        company: r.company,
        sha256: r.sha256,
      });
  }
  return problems;
}

function fileVerdict(store: string, sha256: string): AttachmentProblem['problem'] | null {
  try {
    if (!hasBlob(store, sha256)) return 'missing';
    return hashFile(blobPath(store, sha256)) === sha256 ? null : 'changed';
  } catch {
    // Unreadable (permissions, a malformed name) is as good as gone for the consultant.
    return 'missing';
  }
}
