import { DomainError } from '../../errors';
import { ENTITIES } from '../entities';
import type { ReadBytes } from '../text/encoding';
import { CLOSE_OBJECT, COMMA, JsonStream, OPEN_ARRAY, OPEN_OBJECT, PIECE_BYTES, type Place } from './json-stream';
import { CASELOAD_FORMAT, CASELOAD_VERSION } from './record-codec';

export interface CaseloadFile {
  version: number;
  exportedAt: string | null;
  exportedBy: string | null;
  /** The known sections the file has, and how many records each holds. */
  counts: Map<string, number>;
  /** A section's records, read again from the file as they are asked for, each parsed alone. */
  records: (section: string) => IterableIterator<unknown>;
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

export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text.slice(0, 1024));
}

/** The header values kept; every other top-level value is checked and let go. */
const KEPT = new Set(['format', 'version', 'exportedAt', 'exportedBy']);

/**
 * Reads the file once from start to end, a piece at a time (json-stream.ts): every byte checked as
 * JSON, nesting and sizes bounded, the header kept, and where each section's list starts noted, so
 * the planner can read the sections again, in its own order, one record at a time. The whole file
 * is never held, as text or as objects: 100,000 firms with their contacts took 0.8 GB that way.
 */
export function readCaseloadFile(read: ReadBytes, fileName: string, pieceBytes = PIECE_BYTES): CaseloadFile {
  const json = new JsonStream(read, fileName, undefined, pieceBytes);
  const first = json.peek();
  if (first === OPEN_ARRAY) throw new DomainError('invalid_input', 'import.notCaseload', { file: fileName });
  json.take(OPEN_OBJECT);
  const header = new Map<string, unknown>();
  const lists = new Map<string, { at: Place; count: number }>();
  const keys = new Set<string>();
  if (json.peek() === CLOSE_OBJECT) json.take(CLOSE_OBJECT);
  else {
    for (;;) {
      const key = json.key();
      keys.add(key);
      // A key given twice counts as JSON.parse counts it: the last one.
      lists.delete(key);
      header.delete(key);
      if (json.peek() === OPEN_ARRAY) {
        const at = json.place();
        let count = 0;
        for (const _ of json.items(2, key)) count++;
        lists.set(key, { at, count });
      } else {
        const value = json.value(1, { key, index: null });
        if (KEPT.has(key) || ENTITIES.some((e) => e.key === key)) header.set(key, value);
      }
      if (json.peek() === COMMA) json.take(COMMA);
      else {
        json.take(CLOSE_OBJECT);
        break;
      }
    }
  }
  if (json.peek() !== -1) json.broken();

  if (header.get('format') !== CASELOAD_FORMAT)
    throw new DomainError('invalid_input', 'import.notCaseload', { file: fileName });
  const version = header.get('version');
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
  const counts = new Map<string, number>();
  for (const entity of ENTITIES) {
    if (header.has(entity.key))
      throw new DomainError('invalid_input', 'import.sectionNotList', { file: fileName, section: entity.key });
    const list = lists.get(entity.key);
    if (list) counts.set(entity.key, list.count);
  }
  const known = new Set(ENTITIES.map((e) => e.key));
  const text = (key: string) => {
    const v = header.get(key);
    return typeof v === 'string' ? v : null;
  };
  return {
    version,
    exportedAt: text('exportedAt'),
    exportedBy: text('exportedBy'),
    counts,
    records: (section) => {
      const list = lists.get(section);
      if (!list) return [][Symbol.iterator]();
      return new JsonStream(read, fileName, list.at, pieceBytes).items(2, section);
    },
    unknownSections: [...keys].filter((k) => !HEADER_KEYS.has(k) && !known.has(k)),
  };
}
