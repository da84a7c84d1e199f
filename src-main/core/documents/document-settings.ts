import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { removeFile, renameFile, writeNewFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { recordWrittenFile } from '../files/written-files';
import type { Locale } from '../messages';
import { setSetting } from '../settings/settings-repo';
import type { DocumentKind, TemplateCheck } from './document-schema';
import { documentsFolder } from './generate';
import { logoFromBytes } from './logo';
import { builtinTemplatePath, checkTemplateFile, customTemplatePath, TEMPLATE_FILE } from './templates';
import { prepareFolder, writeDocumentFile } from './write-file';

/**
 * Points a kind at a consultant's own template, after checking it: a template with fields Bindeled
 * does not fill, or without the required ones, is refused with the list. `null` returns to the
 * shipped template.
 */
export async function setTemplate(
  db: Database,
  kind: DocumentKind,
  file: string | null,
  locale: Locale = 'da',
): Promise<TemplateCheck> {
  if (file === null) {
    db.transaction(() => setSetting(db, `documents.template.${kind}`, ''))();
    return (await checkTemplateFile(kind, builtinTemplatePath(kind), true, locale)).check;
  }
  const resolved = path.resolve(file);
  const { check } = await checkTemplateFile(kind, resolved, false, locale);
  if (!check.ok) {
    throw new DomainError(
      'invalid_input',
      check.problems[0]?.code ?? 'doc.template.unreadable',
      { path: resolved, fields: [...check.unknown, ...check.missingRequired].map((k) => `{{${k}}}`).join(', ') },
      check.problems.map((p) => ({ field: 'path', message: p.message })),
    );
  }
  db.transaction(() => setSetting(db, `documents.template.${kind}`, resolved))();
  return check;
}

export async function checkTemplate(
  db: Database,
  kind: DocumentKind,
  file: string | undefined,
  locale: Locale = 'da',
): Promise<TemplateCheck> {
  const custom = file ? path.resolve(file) : customTemplatePath(db, kind);
  return (await checkTemplateFile(kind, custom ?? builtinTemplatePath(kind), custom === null, locale)).check;
}

/** A copy of the shipped template in the documents folder, to open in Word and make one's own. */
export function copyTemplate(db: Database, kind: DocumentKind, folder?: string): { path: string } {
  const dir = prepareFolder(documentsFolder(db, folder));
  const bytes = fs.readFileSync(builtinTemplatePath(kind));
  const stem = `Skabelon - ${TEMPLATE_FILE[kind].replace(/\.docx$/, '')}`;
  return writeDocumentFile(db, dir, stem, bytes, (file) => {
    recordWrittenFile(db, file.path, `template:${kind}`, file.sha256);
    return { path: file.path };
  });
}

/**
 * Keeps the logo beside the database (so the letterhead survives the original file moving) and
 * points the setting at it. Only images `docx` can embed and the letterhead can size are taken.
 */
export function setLogo(
  db: Database,
  input: { path: string } | { base64: string; fileName?: string } | { clear: true },
): { path: string | null; width: number; height: number } {
  if ('clear' in input) {
    db.transaction(() => setSetting(db, 'letterhead.logoPath', ''))();
    return { path: null, width: 0, height: 0 };
  }
  let bytes: Buffer;
  try {
    bytes = 'path' in input ? fs.readFileSync(input.path) : Buffer.from(input.base64, 'base64');
  } catch {
    throw new DomainError('invalid_input', 'doc.logoFormat', {}, [{ field: 'path', message: 'doc.logoFormat' }]);
  }
  const logo = logoFromBytes(bytes);
  if (!logo)
    throw new DomainError('invalid_input', 'doc.logoFormat', {}, [{ field: 'path', message: 'doc.logoFormat' }]);
  const base = db.name === ':memory:' ? process.cwd() : path.dirname(path.resolve(db.name));
  const target = path.join(base, `brevpapir-logo.${logo.type}`);
  const temp = tempPathIn(base, 'logo');
  try {
    writeNewFile(temp, bytes);
    renameFile(temp, target);
  } catch (err) {
    removeFile(temp);
    throw err;
  }
  db.transaction(() => setSetting(db, 'letterhead.logoPath', target))();
  return { path: target, width: logo.width, height: logo.height };
}
