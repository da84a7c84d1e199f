import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { type Locale, message } from '../messages';
import { detectPlaceholders } from '../ooxml/docx-template';
import { getTextSetting } from '../settings/settings-repo';
import type { DocumentKind, TemplateCheck, TemplateInfo } from './document-schema';
import { knownKeys, placeholdersFor } from './placeholders';

export const TEMPLATE_FILE: Record<DocumentKind, string> = {
  vaeksthus: 'henvisning-erhvervshus.docx',
  lag: 'lag-ansoegning-udkast.docx',
  'visit-summary': 'besoegsreferat.docx',
};

export const KIND_LABEL: Record<DocumentKind, string> = {
  vaeksthus: 'Henvisning til erhvervshus/Væksthus',
  lag: 'LAG-ansøgning (udkast)',
  'visit-summary': 'Besøgsreferat',
};

/**
 * Where the shipped templates are: `BINDELED_RESOURCES` (set by a packaged app), Electron's
 * resources folder, or `resources/` found by walking up from this file (development, tests, CLI).
 */
export function templatesDir(): string {
  const candidates: string[] = [];
  if (process.env.BINDELED_RESOURCES) candidates.push(path.join(process.env.BINDELED_RESOURCES, 'templates'));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'templates'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources', 'templates'));
    dir = path.dirname(dir);
  }
  candidates.push(path.join(process.cwd(), 'resources', 'templates'));
  const found = candidates.find((c) => fs.existsSync(path.join(c, TEMPLATE_FILE.vaeksthus)));
  return found ?? path.join(process.cwd(), 'resources', 'templates');
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
    label: KIND_LABEL[kind],
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
    const problem = {
      code: 'doc_template_unreadable',
      message: message('doc_template_unreadable', { path: file }, locale),
    };
    return { check: { ...base, problems: [problem] }, bytes: null };
  }
  const known = knownKeys(kind);
  const present = new Set(found);
  const unknown = [...present].filter((k) => !known.has(k)).sort();
  const missing = placeholdersFor(kind).filter((p) => !present.has(p.key));
  const missingRequired = missing.filter((p) => p.required).map((p) => p.key);
  const problems = [];
  const list = (keys: string[]) => keys.map((k) => `{{${k}}}`).join(', ');
  if (unknown.length) {
    problems.push({
      code: 'doc_template_unknown_fields',
      message: message('doc_template_unknown_fields', { fields: list(unknown) }, locale),
    });
  }
  if (missingRequired.length) {
    problems.push({
      code: 'doc_template_missing_required',
      message: message('doc_template_missing_required', { fields: list(missingRequired) }, locale),
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
