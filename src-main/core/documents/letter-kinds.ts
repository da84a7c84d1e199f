import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { customKindRef, LETTER_SUBJECTS, type LetterSubject } from '../../../src-shared/codes/documents';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { storeBytes } from '../attachments/attachment-repo';
import { blobPath, storeOf, tidyStore } from '../attachments/attachment-store';
import { recordAudit } from '../audit/audit-log';
import { all, get, nowStamp, run } from '../db/sql';
import { DomainError, invalidField, notFound } from '../errors';
import { message } from '../messages';
import { detectPlaceholders } from '../ooxml/docx-template';
import { currentActor } from '../settings/settings-repo';
import type { LetterKind, SubjectFields, TemplateSource } from './letter-kind-schema';
import { knownKeysForSubject, placeholdersForSubject } from './placeholders';

interface Row {
  id: number;
  name: string;
  subject: LetterSubject;
  template_name: string;
  template_sha256: string;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
  used: number;
}

const SELECT = `SELECT k.*, (SELECT count(*) FROM documents d WHERE d.letter_kind_id = k.id) AS used FROM letter_kinds k`;

/** The placeholders found in each stored template, read once per content. */
const fieldsCache = new Map<string, string[]>();

async function toKind(db: Database, r: Row): Promise<LetterKind> {
  const store = storeOf(db);
  const file = store ? blobPath(store, r.template_sha256) : null;
  const templateFound = file !== null && fs.existsSync(file);
  let fields = fieldsCache.get(r.template_sha256);
  if (!fields && templateFound && file) {
    fields = (await detectPlaceholders(fs.readFileSync(file))).sort();
    fieldsCache.set(r.template_sha256, fields);
  }
  return {
    id: r.id,
    ref: customKindRef(r.id),
    name: r.name,
    subject: r.subject,
    templateName: r.template_name,
    templateSha256: r.template_sha256,
    fields: fields ?? [],
    used: r.used,
    templateFound,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    removedAt: r.removed_at,
  };
}

function rowOf(db: Database, id: number): Row {
  const r = get<Row>(db, `${SELECT} WHERE k.id = ?`, [id]);
  if (!r) throw notFound('entity.letterKind', id);
  return r;
}

/** The kinds in the menus, by name; with `includeRemoved` the retired ones too (for history). */
export async function listLetterKinds(db: Database, opts: { includeRemoved?: boolean } = {}): Promise<LetterKind[]> {
  const rows = all<Row>(
    db,
    `${SELECT} ${opts.includeRemoved ? '' : 'WHERE k.removed_at IS NULL'} ORDER BY k.name COLLATE NOCASE, k.id`,
  );
  return Promise.all(rows.map((r) => toKind(db, r)));
}

export function getLetterKind(db: Database, id: number): Promise<LetterKind> {
  return toKind(db, rowOf(db, id));
}

/** Each subject's placeholders with their Danish names and example values. */
export function subjectFields(): SubjectFields[] {
  return LETTER_SUBJECTS.map((s) => ({
    subject: s,
    label: message(labelKey.letterSubject(s), {}, 'da'),
    placeholders: placeholdersForSubject(s),
  }));
}

/** The template's bytes and the name to show for it, read before anything is checked. */
function readTemplate(source: TemplateSource): { bytes: Buffer; fileName: string } {
  if ('path' in source) {
    const file = path.resolve(source.path);
    const fileName = path.basename(file);
    try {
      return { bytes: fs.readFileSync(file), fileName };
    } catch {
      throw new DomainError('invalid_input', 'letterKind.notDocx', { file: fileName });
    }
  }
  return { bytes: Buffer.from(source.base64, 'base64'), fileName: path.basename(source.fileName) };
}

/**
 * Reads a template's placeholders and refuses it, naming the file, when it is no .docx, or naming
 * each field Bindeled cannot fill for letters about `subject`. Nothing is written either way.
 */
export async function checkKindTemplate(
  bytes: Uint8Array,
  fileName: string,
  about: LetterSubject,
): Promise<{ fields: string[] }> {
  let found: string[];
  try {
    found = await detectPlaceholders(bytes);
  } catch {
    throw new DomainError('invalid_input', 'letterKind.notDocx', { file: fileName });
  }
  const known = knownKeysForSubject(about);
  const unknown = [...new Set(found)].filter((k) => !known.has(k)).sort();
  if (unknown.length) {
    throw new DomainError(
      'invalid_input',
      'letterKind.unknownFields',
      {
        file: fileName,
        subject: message(labelKey.letterSubject(about), {}, 'da'),
        fields: unknown.map((k) => `{{${k}}}`).join(', '),
      },
      unknown.map((k) => ({ field: 'template', message: `{{${k}}}` })),
    );
  }
  return { fields: [...new Set(found)].sort() };
}

function assertNameFree(db: Database, wanted: string, except?: number): void {
  const taken = all<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM letter_kinds WHERE removed_at IS NULL',
  ).find((k) => k.id !== except && k.name.toLocaleLowerCase('da') === wanted.toLocaleLowerCase('da'));
  if (taken) throw invalidField('name', 'letterKind.nameTaken', { name: taken.name });
}

function requireStore(db: Database): void {
  if (!storeOf(db)) throw new DomainError('unsupported', 'letterKind.noStore');
}

export async function addLetterKind(
  db: Database,
  input: { name: string; subject: LetterSubject; template: TemplateSource },
): Promise<LetterKind> {
  requireStore(db);
  const wanted = input.name.trim();
  assertNameFree(db, wanted);
  const { bytes, fileName } = readTemplate(input.template);
  await checkKindTemplate(bytes, fileName, input.subject);
  const id = storeBytes(db, bytes, ({ sha256 }) => {
    // Checked again inside the transaction: another window may have taken the name meanwhile.
    assertNameFree(db, wanted);
    const now = nowStamp();
    const r = run(
      db,
      `INSERT INTO letter_kinds(uuid, name, subject, template_name, template_sha256, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), wanted, input.subject, fileName, sha256, now, now],
    );
    const kindId = Number(r.lastInsertRowid);
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'letter_kind',
      entityId: kindId,
      action: 'create',
      after: { name: wanted, subject: input.subject, template: fileName, sha256 },
    });
    return kindId;
  });
  return getLetterKind(db, id);
}

function assertActive(r: Row): void {
  if (r.removed_at !== null) throw new DomainError('invalid_input', 'letterKind.retired', { name: r.name });
}

export function renameLetterKind(db: Database, id: number, newName: string): Promise<LetterKind> {
  const wanted = newName.trim();
  db.transaction(() => {
    const before = rowOf(db, id);
    assertActive(before);
    assertNameFree(db, wanted, id);
    run(db, 'UPDATE letter_kinds SET name = ?, updated_at = ? WHERE id = ?', [wanted, nowStamp(), id]);
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'letter_kind',
      entityId: id,
      action: 'update',
      before: { name: before.name },
      after: { name: wanted },
    });
  })();
  return getLetterKind(db, id);
}

/** A new template for the kind, checked like the first; letters made before keep theirs (their files). */
export async function replaceLetterTemplate(db: Database, id: number, source: TemplateSource): Promise<LetterKind> {
  requireStore(db);
  const before = rowOf(db, id);
  assertActive(before);
  const { bytes, fileName } = readTemplate(source);
  await checkKindTemplate(bytes, fileName, before.subject);
  storeBytes(db, bytes, ({ sha256 }) => {
    run(db, 'UPDATE letter_kinds SET template_name = ?, template_sha256 = ?, updated_at = ? WHERE id = ?', [
      fileName,
      sha256,
      nowStamp(),
      id,
    ]);
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'letter_kind',
      entityId: id,
      action: 'update',
      before: { template: before.template_name, sha256: before.template_sha256 },
      after: { template: fileName, sha256 },
    });
  });
  tidyStore(db);
  return getLetterKind(db, id);
}

/**
 * Takes the kind out of the menus. One no letter was made of is deleted with its template; one
 * with letters is retired: its letters keep the name they were made under, and its name is free
 * for a new kind.
 */
export function removeLetterKind(db: Database, id: number): { removed: 'deleted' | 'retired' } {
  const outcome = db.transaction(() => {
    const before = rowOf(db, id);
    const retire = before.used > 0;
    if (retire) {
      if (before.removed_at === null)
        run(db, 'UPDATE letter_kinds SET removed_at = ?, updated_at = ? WHERE id = ?', [nowStamp(), nowStamp(), id]);
    } else {
      run(db, 'DELETE FROM letter_kinds WHERE id = ?', [id]);
    }
    recordAudit(db, {
      actor: currentActor(db),
      entity: 'letter_kind',
      entityId: id,
      action: 'delete',
      before: { name: before.name, subject: before.subject, sha256: before.template_sha256 },
    });
    return retire ? 'retired' : 'deleted';
  })();
  if (outcome === 'deleted') tidyStore(db);
  return { removed: outcome };
}

/** The bytes of an active kind's template, for making a letter of it. */
export function kindTemplateBytes(db: Database, kind: LetterKind): Buffer {
  if (kind.removedAt !== null) throw new DomainError('invalid_input', 'letterKind.retired', { name: kind.name });
  const store = storeOf(db);
  if (!store || !kind.templateFound)
    throw new DomainError('not_found', 'letterKind.templateMissing', { name: kind.name });
  return fs.readFileSync(blobPath(store, kind.templateSha256));
}
