import { DomainError } from '../../errors';
import { ENTITIES } from '../entities';
import { findTooDeep, MAX_VALUE_DEPTH } from './json-depth';
import { CASELOAD_FORMAT, CASELOAD_VERSION } from './record-codec';

export interface CaseloadFile {
  version: number;
  exportedAt: string | null;
  exportedBy: string | null;
  sections: Map<string, unknown[]>;
  /** Sections a newer Bindeled wrote that this one does not know; they are ignored, with a warning. */
  unknownSections: string[];
}

const HEADER_KEYS = new Set([
  'format',
  'version',
  'exportedAt',
  'exportedBy',
  'generator',
  'selection',
  'counts',
  '$schema',
]);

/** Where JSON.parse stopped, as line and column, so "the file is cut off at line 9,812" can be said. */
function position(text: string, err: unknown): { line: number; column: number } {
  const msg = err instanceof Error ? err.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text.slice(0, 1024));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Refuses nesting no Bindeled writes, naming the record and field, before the text is parsed. */
function refuseTooDeep(text: string, fileName: string): void {
  const deep = findTooDeep(text);
  if (!deep) return;
  const line = lineAt(text, deep.offset);
  const ref = deep.index !== null ? `${deep.section}[${deep.index}]` : null;
  if (ref && deep.field !== null) {
    throw new DomainError('invalid_input', 'import.tooDeepField', {
      file: fileName,
      ref,
      field: deep.field,
      limit: MAX_VALUE_DEPTH,
      line,
    });
  }
  throw new DomainError('invalid_input', 'import.tooDeep', { file: fileName, place: ref ?? deep.section ?? '', line });
}

export function readCaseloadFile(text: string, fileName: string): CaseloadFile {
  refuseTooDeep(text, fileName);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const at = position(text, err);
    throw new DomainError('invalid_input', 'import.jsonBroken', { file: fileName, ...at });
  }
  if (
    typeof root !== 'object' ||
    root === null ||
    Array.isArray(root) ||
    (root as { format?: unknown }).format !== CASELOAD_FORMAT
  ) {
    throw new DomainError('invalid_input', 'import.notCaseload', { file: fileName });
  }
  const obj = root as Record<string, unknown>;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DomainError('invalid_input', 'import.notCaseload', { file: fileName });
  }
  if (version > CASELOAD_VERSION) {
    throw new DomainError('invalid_input', 'import.caseloadTooNew', {
      file: fileName,
      version,
      supported: CASELOAD_VERSION,
    });
  }
  const sections = new Map<string, unknown[]>();
  for (const entity of ENTITIES) {
    const section = obj[entity.key];
    if (section === undefined) continue;
    if (!Array.isArray(section))
      throw new DomainError('invalid_input', 'import.sectionNotList', { file: fileName, section: entity.key });
    sections.set(entity.key, section);
  }
  const known = new Set(ENTITIES.map((e) => e.key));
  return {
    version,
    exportedAt: typeof obj.exportedAt === 'string' ? obj.exportedAt : null,
    exportedBy: typeof obj.exportedBy === 'string' ? obj.exportedBy : null,
    sections,
    unknownSections: Object.keys(obj).filter((k) => !HEADER_KEYS.has(k) && !known.has(k)),
  };
}
