import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { shippedResource } from '../app/paths';
import { DomainError } from '../errors';
import { type Locale, message } from '../messages';
import { detectPlaceholders } from '../ooxml/docx-template';
import { getTextSetting } from '../settings/settings-repo';
import type { DocumentKind, PreflightIssue, TemplateCheck, TemplateInfo } from './document-schema';
import type { LetterKind } from './letter-kind-schema';
import { checkKindTemplate, kindTemplateBytes } from './letter-kinds';
import { knownKeys, placeholdersFor } from './placeholders';

export const TEMPLATE_FILE: Record<DocumentKind, string> = {
  vaeksthus: 'henvisning-erhvervshus.docx',
  lag: 'lag-ansoegning-udkast.docx',
  'visit-summary': 'besoegsreferat.docx',
  deminimis: 'de-minimis-erklaering.docx',
  brev: 'brev.docx',
};

/** Where the shipped templates are (see shippedResource). */
export function templatesDir(): string {
  return path.dirname(shippedResource(path.join('templates', TEMPLATE_FILE.vaeksthus)));
}

export function builtinTemplatePath(kind: DocumentKind): string {
  return path.join(templatesDir(), TEMPLATE_FILE[kind]);
}

export function customTemplatePath(db: Database, kind: DocumentKind): string | null {
  return getTextSetting(db, `documents.template.${kind}`) || null;
}

export function templateInfo(db: Database, kind: DocumentKind): TemplateInfo {
  return {
    kind,
    label: message(labelKey.documentTitle(kind), {}, 'da'),
    builtinPath: builtinTemplatePath(kind),
    customPath: customTemplatePath(db, kind),
    placeholders: placeholdersFor(kind),
  };
}

export interface LoadedTemplate {
  bytes: Buffer;
  path: string;
  builtin: boolean;
  /** Recorded with each document: which template and which version of it made the file. */
  id: string;
  check: TemplateCheck;
}

/**
 * Reads a template and compares its placeholders with what Bindeled fills. Unknown placeholders
 * would stay in the letter as "{{…}}", so they make the template unusable; known ones it lacks are
 * reported (required ones make it unusable too).
 */
export async function checkTemplateFile(
  kind: DocumentKind,
  file: string,
  builtin: boolean,
  locale: Locale = 'da',
): Promise<{ check: TemplateCheck; bytes: Buffer | null }> {
  const base: TemplateCheck = {
    kind,
    path: file,
    builtin,
    ok: false,
    found: [],
    missing: [],
    missingRequired: [],
    unknown: [],
    problems: [],
  };
  let bytes: Buffer;
  let found: string[];
  try {
    bytes = fs.readFileSync(file);
    found = await detectPlaceholders(bytes);
  } catch {
    const problem: PreflightIssue = {
      code: 'doc.template.unreadable',
      message: message('doc.template.unreadable', { path: file }, locale),
    };
    return { check: { ...base, problems: [problem] }, bytes: null };
  }
  const known = knownKeys(kind);
  const present = new Set(found);
  const unknown = [...present].filter((k) => !known.has(k)).sort();
  const missing = placeholdersFor(kind).filter((p) => !present.has(p.key));
  const missingRequired = missing.filter((p) => p.required).map((p) => p.key);
  const problems: PreflightIssue[] = [];
  const list = (keys: string[]) => keys.map((k) => `{{${k}}}`).join(', ');
  if (unknown.length) {
    problems.push({
      code: 'doc.template.unknownFields',
      message: message('doc.template.unknownFields', { fields: list(unknown) }, locale),
    });
  }
  if (missingRequired.length) {
    problems.push({
      code: 'doc.template.missingRequired',
      message: message('doc.template.missingRequired', { fields: list(missingRequired) }, locale),
    });
  }
  return {
    check: {
      ...base,
      ok: problems.length === 0,
      found: [...present].sort(),
      missing: missing.map((p) => p.key),
      missingRequired,
      unknown,
      problems,
    },
    bytes,
  };
}

export async function loadTemplate(db: Database, kind: DocumentKind, locale: Locale = 'da'): Promise<LoadedTemplate> {
  const custom = customTemplatePath(db, kind);
  const file = custom ?? builtinTemplatePath(kind);
  const { check, bytes } = await checkTemplateFile(kind, file, custom === null, locale);
  const digest = bytes ? createHash('sha256').update(bytes).digest('hex').slice(0, 12) : 'unreadable';
  return {
    bytes: bytes ?? Buffer.alloc(0),
    path: file,
    builtin: custom === null,
    id: `${custom === null ? 'builtin' : 'custom'}:${kind}:${digest}`,
    check,
  };
}

/**
 * A consultant's own kind's template, from the store. It was checked when it was added; it is
 * checked again here against what this Bindeled fills, and a template gone from the store is a
 * problem the preflight names, like an unreadable one.
 */
export async function loadKindTemplate(db: Database, kind: LetterKind, locale: Locale = 'da'): Promise<LoadedTemplate> {
  const check: TemplateCheck = {
    kind: kind.ref,
    path: kind.templateName,
    builtin: false,
    ok: true,
    found: kind.fields,
    missing: [],
    missingRequired: [],
    unknown: [],
    problems: [],
  };
  let bytes: Buffer = Buffer.alloc(0);
  try {
    bytes = kindTemplateBytes(db, kind);
    await checkKindTemplate(bytes, kind.templateName, kind.subject);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    check.ok = false;
    check.problems.push({ code: err.key, message: message(err.key, err.params, locale) });
  }
  return {
    bytes,
    path: kind.templateName,
    builtin: false,
    id: `own:${kind.id}:${kind.templateSha256.slice(0, 12)}`,
    check,
  };
}
