import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { type AnnexKind, extensionOf, isExecutableName } from '../../../src-shared/codes/attachments';
import { recordAudit } from '../audit/audit-log';
import { all, get, nowStamp, run, storedRow } from '../db/sql';
import { DomainError, invalidField, notFound } from '../errors';
import { copyFile, flushFile, removeFile, renameFile, writeNewFile } from '../files/file-ops';
import { safeFileName } from '../files/safe-file-name';
import { commitStaged, discardStaged, stageFiles } from '../files/staged-files';
import { recordWrittenFile } from '../files/written-files';
import { currentActor } from '../settings/settings-repo';
import { attachmentSettings, MB } from './attachment-settings';
import { blobPath, copyIntoTemp, hasBlob, openedFolder, storeOf, storeTemp, tidyStore } from './attachment-store';
import type { Attachment, AttachmentTarget } from './attachment-types';
import { mediaTypeOf } from './media-types';

interface Row {
  id: number;
  uuid: string;
  company_id: number;
  visit_id: number | null;
  referral_id: number | null;
  lag_application_id: number | null;
  annex: AnnexKind | null;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  added_by: string;
  created_at: string;
}

function toAttachment(r: Row, store: string | null): Attachment {
  return {
    id: r.id,
    uuid: r.uuid,
    companyId: r.company_id,
    visitId: r.visit_id,
    referralId: r.referral_id,
    applicationId: r.lag_application_id,
    annex: r.lag_application_id === null ? null : r.annex,
    name: r.name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    addedBy: r.added_by,
    createdAt: r.created_at,
    // A damaged store must not stop a list: anything unreadable counts as missing.
    missing: store === null || !safeHas(store, r.sha256),
    executable: isExecutableName(r.name),
  };
}

function safeHas(store: string, sha256: string): boolean {
  try {
    return hasBlob(store, sha256);
  } catch {
    return false;
  }
}

function requireStore(db: Database): string {
  const store = storeOf(db);
  if (!store) throw new DomainError('unsupported', 'attachment.noStore');
  return store;
}

function rowOf(db: Database, id: number): Row {
  const r = storedRow<Row>(db, 'attachments', id, 'entity.attachment');
  return r;
}

/** Logs a change to a stored attachment as the current actor, under the firm it belongs to. */
function auditChange(db: Database, row: Row, action: 'update' | 'delete', before: object, after?: object): void {
  recordAudit(db, {
    actor: currentActor(db),
    entity: 'attachment',
    entityId: row.id,
    companyId: row.company_id,
    action,
    before,
    after,
  });
}

export function getAttachment(db: Database, id: number): Attachment {
  return toAttachment(rowOf(db, id), storeOf(db));
}

export interface AttachmentFilter {
  companyId: number;
  visitId?: number;
  referralId?: number;
  applicationId?: number;
}

/** A firm's attachments, newest first; narrowed to one visit, referral or application when given. */
export function listAttachments(db: Database, f: AttachmentFilter): Attachment[] {
  if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [f.companyId])) throw notFound('entity.company', f.companyId);
  const where = ['company_id = ?'];
  const params: unknown[] = [f.companyId];
  const narrow = [
    ['visit_id', f.visitId],
    ['referral_id', f.referralId],
    ['lag_application_id', f.applicationId],
  ] as const;
  for (const [column, value] of narrow) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  const store = storeOf(db);
  return all<Row>(
    db,
    `SELECT * FROM attachments WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC`,
    params,
  ).map((r) => toAttachment(r, store));
}

/** A LAG application's attachments, oldest first (the order the draft lists them in). */
export function applicationAttachments(db: Database, applicationId: number): Attachment[] {
  const store = storeOf(db);
  return all<Row>(db, 'SELECT * FROM attachments WHERE lag_application_id = ? ORDER BY created_at, id', [
    applicationId,
  ]).map((r) => toAttachment(r, store));
}

/** The visit, referral or application must be the firm's own; at most one of them. */
function checkTarget(db: Database, t: AttachmentTarget): void {
  if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [t.companyId])) throw notFound('entity.company', t.companyId);
  const owners = [
    { id: t.visitId, table: 'visits', entity: 'entity.visit' as const },
    { id: t.referralId, table: 'referrals', entity: 'entity.referral' as const },
    { id: t.applicationId, table: 'lag_applications', entity: 'entity.lagApplication' as const },
  ].filter((o) => o.id !== undefined);
  if (owners.length > 1) throw new DomainError('invalid_input', 'attachment.oneOwner');
  for (const o of owners) {
    const row = get<{ company_id: number }>(db, `SELECT company_id FROM ${o.table} WHERE id = ?`, [o.id]);
    if (!row) throw notFound(o.entity, o.id);
    if (row.company_id !== t.companyId) throw new DomainError('invalid_input', 'attachment.otherCompany', { id: o.id });
  }
}

/** The name a file is kept under: the name the consultant knows, made safe, its extension kept. */
export function cleanName(name: string, keepExtensionOf?: string): string {
  let clean = safeFileName(name, '');
  if (!clean) throw invalidField('name', 'attachment.nameEmpty');
  const old = keepExtensionOf ? extensionOf(keepExtensionOf) : '';
  if (old && !extensionOf(clean)) clean = `${clean}.${old}`;
  return clean;
}

function checkSize(name: string, size: number, maxMb: number): void {
  if (size > maxMb * MB) {
    throw new DomainError('invalid_input', 'attachment.tooLarge', {
      name,
      mb: (size / MB).toLocaleString('da-DK', { maximumFractionDigits: 1 }),
      max: maxMb,
    });
  }
}

function statSource(source: string): fs.Stats {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new DomainError('not_found', 'attachment.sourceMissing', { path: source });
  return stat;
}

/**
 * Copies a file into the store (unless the same bytes are there already) and records it, kill-safe:
 * the copy is made under a journalled temporary name, and the row and the promise to rename are
 * one durable transaction (files/staged-files.ts). A kill before the commit leaves neither row nor
 * file (the next start removes the temporary one); after it, the next start finishes the rename.
 * With `replaceId` the bytes replace an existing attachment's ("find it again").
 */
function storeFile<T>(
  db: Database,
  source: string,
  name: string,
  record: (copied: { sha256: string; size: number }) => T,
): T {
  const store = requireStore(db);
  const { maxMb } = attachmentSettings(db);
  checkSize(name, statSource(source).size, maxMb);
  const temp = storeTemp(store);
  stageFiles(db, [temp]);
  try {
    const copied = copyIntoTemp(source, temp);
    // The file may have grown since it was measured.
    checkSize(name, copied.size, maxMb);
    if (hasBlob(store, copied.sha256)) {
      discardStaged(db, [temp]);
      return db.transaction(() => record(copied))();
    }
    const target = blobPath(store, copied.sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // The content names the file: one already there (a race with another add) is the same file.
    return commitStaged(db, [{ temp, target, mayReplace: true }], () => record(copied));
  } catch (err) {
    discardStaged(db, [temp]);
    throw err;
  }
}

/**
 * Keeps bytes already in memory (a letter template, checked before anything is written) in the
 * store by content, kill-safe like storeFile: journalled temporary name, then the row and the
 * rename in one durable transaction. The same bytes already there are shared.
 */
export function storeBytes<T>(db: Database, bytes: Uint8Array, record: (stored: { sha256: string }) => T): T {
  const store = requireStore(db);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (hasBlob(store, sha256)) return db.transaction(() => record({ sha256 }))();
  const temp = storeTemp(store);
  stageFiles(db, [temp]);
  try {
    writeNewFile(temp, bytes);
    flushFile(temp);
    const target = blobPath(store, sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    return commitStaged(db, [{ temp, target, mayReplace: true }], () => record({ sha256 }));
  } catch (err) {
    discardStaged(db, [temp]);
    throw err;
  }
}

export function addAttachment(
  db: Database,
  input: AttachmentTarget & { source: string; name?: string; annex?: AnnexKind | null },
): Attachment {
  checkTarget(db, input);
  if (input.annex && input.applicationId === undefined)
    throw new DomainError('invalid_input', 'attachment.annexNeedsApplication');
  const source = path.resolve(input.source);
  const name = cleanName(input.name ?? path.basename(source));
  const actor = currentActor(db);
  const id = storeFile(db, source, name, (copied) => {
    const now = nowStamp();
    const r = run(
      db,
      `INSERT INTO attachments(uuid, company_id, visit_id, referral_id, lag_application_id, annex, name, media_type,
         size_bytes, sha256, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        input.companyId,
        input.visitId ?? null,
        input.referralId ?? null,
        input.applicationId ?? null,
        input.annex ?? null,
        name,
        mediaTypeOf(name),
        copied.size,
        copied.sha256,
        actor,
        now,
      ],
    );
    const id = Number(r.lastInsertRowid);
    recordAudit(db, {
      actor,
      entity: 'attachment',
      entityId: id,
      companyId: input.companyId,
      action: 'create',
      after: { name, size_bytes: copied.size, sha256: copied.sha256 },
    });
    return id;
  });
  return getAttachment(db, id);
}

/** Renames an attachment and/or marks it as one of its application's annexes. */
export function updateAttachment(
  db: Database,
  id: number,
  changes: { name?: string; annex?: AnnexKind | null },
): Attachment {
  db.transaction(() => {
    const before = rowOf(db, id);
    const name = changes.name === undefined ? before.name : cleanName(changes.name, before.name);
    let annex = before.annex;
    if (changes.annex !== undefined) {
      if (changes.annex !== null && before.lag_application_id === null)
        throw new DomainError('invalid_input', 'attachment.annexNeedsApplication');
      annex = changes.annex;
    }
    run(db, 'UPDATE attachments SET name = ?, media_type = ?, annex = ? WHERE id = ?', [
      name,
      mediaTypeOf(name),
      annex,
      id,
    ]);
    auditChange(db, before, 'update', { name: before.name, annex: before.annex }, { name, annex });
  })();
  return getAttachment(db, id);
}

/** Removes the attachment; its stored file goes too when no other attachment has the same bytes. */
export function removeAttachment(db: Database, id: number): { removed: true } {
  db.transaction(() => {
    const before = rowOf(db, id);
    run(db, 'DELETE FROM attachments WHERE id = ?', [id]);
    auditChange(db, before, 'delete', { name: before.name, sha256: before.sha256 });
  })();
  // After the commit: a kill here leaves a file no row names, which the next start removes.
  tidyStore(db);
  return { removed: true };
}

/** "Find it again": the file chosen takes the place of the stored one that went missing. */
export function relinkAttachment(db: Database, id: number, source: string): Attachment {
  const before = rowOf(db, id);
  storeFile(db, path.resolve(source), before.name, (copied) => {
    run(db, 'UPDATE attachments SET sha256 = ?, size_bytes = ? WHERE id = ?', [copied.sha256, copied.size, id]);
    if (copied.sha256 !== before.sha256) {
      auditChange(
        db,
        before,
        'update',
        { sha256: before.sha256, size_bytes: before.size_bytes },
        { sha256: copied.sha256, size_bytes: copied.size },
      );
    }
  });
  if (before.sha256 !== getAttachment(db, id).sha256) tidyStore(db);
  return getAttachment(db, id);
}

/**
 * A copy of the attachment under its own name, for the default program (desktop) or a download
 * (browser mode). The stored file is named by its hash and must never change, so the program gets
 * a copy; the copy is recorded as written by Bindeled, which is what lets `files.open` and the
 * download open it. Program files are refused: they are stored, never run from here.
 */
export function openCopy(db: Database, id: number): { path: string; attachment: Attachment } {
  const a = getAttachment(db, id);
  if (a.executable) throw new DomainError('forbidden', 'attachment.executable', { name: a.name });
  if (a.missing) throw new DomainError('not_found', 'attachment.missing', { name: a.name });
  const store = requireStore(db);
  const dir = openedFolder(store, a.uuid);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, safeFileName(a.name, 'bilag'));
  // The same bytes already there from an earlier opening (it may be open in Word now) are kept.
  const there = fs.statSync(target, { throwIfNoEntry: false });
  if (!there || there.size !== a.sizeBytes) {
    const temp = storeTemp(store);
    try {
      copyFile(blobPath(store, a.sha256), temp);
      renameFile(temp, target);
    } catch (err) {
      removeFile(temp);
      throw err;
    }
  }
  recordWrittenFile(db, target, 'attachment', a.sha256);
  return { path: target, attachment: a };
}
