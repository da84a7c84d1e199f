import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordAudit } from '../audit/audit-log';
import { all, camelColumns, get, nowStamp, run } from '../db/sql';
import { notFound } from '../errors';
import { recordWrittenFile } from '../files/written-files';
import { currentActor } from '../settings/settings-repo';
import type { DocumentKind, GeneratedDocument } from './document-schema';
import type { WrittenFile } from './write-file';

/** A consultant's kind reads as `custom:<id>`, with its name (kept when the kind is retired). */
const SELECT = `SELECT ${camelColumns(['d.id', 'd.uuid', 'd.company_id'])}, c.name AS "companyName",
  CASE WHEN d.letter_kind_id IS NULL THEN d.kind ELSE 'custom:' || d.letter_kind_id END AS "kind",
  k.name AS "kindName", k.subject AS "kindSubject",
  ${camelColumns(['d.path', 'd.file_name', 'd.sha256', 'd.size_bytes', 'd.template_id', 'd.referral_id', 'd.lag_application_id', 'd.visit_id', 'd.letter_date', 'd.created_at'])}
  FROM documents d JOIN companies c ON c.id = d.company_id LEFT JOIN letter_kinds k ON k.id = d.letter_kind_id`;

/** Whether the file is still where it was written is asked of the disk on each read. */
const withExists = (r: Omit<GeneratedDocument, 'exists'>): GeneratedDocument => ({
  ...r,
  exists: fs.existsSync(r.path),
});

export function listDocuments(db: Database, companyId: number): GeneratedDocument[] {
  return all<Omit<GeneratedDocument, 'exists'>>(
    db,
    `${SELECT} WHERE d.company_id = ? ORDER BY d.created_at DESC, d.id DESC`,
    [companyId],
  ).map(withExists);
}

export function getDocument(db: Database, id: number): GeneratedDocument {
  const row = get<Omit<GeneratedDocument, 'exists'>>(db, `${SELECT} WHERE d.id = ?`, [id]);
  if (!row) throw notFound('entity.document', id);
  return withExists(row);
}

export interface DocumentRecord {
  companyId: number;
  kind: DocumentKind | 'custom';
  letterKindId: number | null;
  file: WrittenFile;
  templateId: string;
  letterDate: string;
  sources: { referralId: number | null; lagApplicationId: number | null; visitId: number | null };
}

/**
 * Records written documents against their companies, as files Bindeled may open, with an audit
 * entry each. Call inside a transaction: a batch records all of its files or none.
 */
export function recordDocuments(db: Database, records: readonly DocumentRecord[]): number[] {
  const actor = currentActor(db);
  const now = nowStamp();
  return records.map((r) => {
    const info = run(
      db,
      `INSERT INTO documents(uuid, company_id, kind, path, file_name, sha256, size_bytes, template_id, referral_id,
         lag_application_id, visit_id, letter_date, created_at, letter_kind_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        r.companyId,
        r.kind,
        r.file.path,
        r.file.fileName,
        r.file.sha256,
        r.file.sizeBytes,
        r.templateId,
        r.sources.referralId,
        r.sources.lagApplicationId,
        r.sources.visitId,
        r.letterDate,
        now,
        r.letterKindId,
      ],
    );
    const id = Number(info.lastInsertRowid);
    recordWrittenFile(db, r.file.path, `document:${r.kind}`, r.file.sha256);
    recordAudit(db, {
      actor,
      entity: 'document',
      entityId: id,
      companyId: r.companyId,
      action: 'create',
      after: {
        kind: r.kind,
        letter_kind_id: r.letterKindId,
        path: r.file.path,
        sha256: r.file.sha256,
        template: r.templateId,
      },
    });
    return id;
  });
}

/** A document whose file had to take another name than recorded (files/staged-files.ts): its record follows. */
export function relocateDocument(db: Database, from: string, to: string): void {
  run(db, 'UPDATE documents SET path = ?, file_name = ? WHERE path = ?', [to, path.basename(to), from]);
}
