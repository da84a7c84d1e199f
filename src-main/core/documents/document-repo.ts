import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordAudit } from '../audit/audit-log';
import { all, get, nowStamp, run } from '../db/sql';
import { notFound } from '../errors';
import { recordWrittenFile } from '../files/written-files';
import { currentActor } from '../settings/settings-repo';
import type { DocumentKind, GeneratedDocument } from './document-schema';
import type { WrittenFile } from './write-file';

interface Row {
  id: number;
  uuid: string;
  company_id: number;
  company_name: string;
  kind: DocumentKind;
  path: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  template_id: string;
  referral_id: number | null;
  lag_application_id: number | null;
  visit_id: number | null;
  letter_date: string;
  created_at: string;
}

const SELECT = 'SELECT d.*, c.name AS company_name FROM documents d JOIN companies c ON c.id = d.company_id';

function toDocument(r: Row): GeneratedDocument {
  return {
    id: r.id,
    uuid: r.uuid,
    companyId: r.company_id,
    companyName: r.company_name,
    kind: r.kind,
    path: r.path,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    templateId: r.template_id,
    referralId: r.referral_id,
    lagApplicationId: r.lag_application_id,
    visitId: r.visit_id,
    letterDate: r.letter_date,
    createdAt: r.created_at,
    exists: fs.existsSync(r.path),
  };
}

export function listDocuments(db: Database, companyId: number): GeneratedDocument[] {
  return all<Row>(db, `${SELECT} WHERE d.company_id = ? ORDER BY d.created_at DESC, d.id DESC`, [companyId]).map(
    toDocument,
  );
}

export function getDocument(db: Database, id: number): GeneratedDocument {
  const row = get<Row>(db, `${SELECT} WHERE d.id = ?`, [id]);
  if (!row) throw notFound('entity.document', id);
  return toDocument(row);
}

export interface DocumentRecord {
  companyId: number;
  kind: DocumentKind;
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
         lag_application_id, visit_id, letter_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      after: { kind: r.kind, path: r.file.path, sha256: r.file.sha256, template: r.templateId },
    });
    return id;
  });
}

/** A document whose file had to take another name than recorded (files/staged-files.ts): its record follows. */
export function relocateDocument(db: Database, from: string, to: string): void {
  run(db, 'UPDATE documents SET path = ?, file_name = ? WHERE path = ?', [to, path.basename(to), from]);
}
