/**
 * What the sanitiser removes or changes, as the body of a character class (for a regex without
 * the u flag): C0 controls but tab and line feed, CR (a line break becomes LF), DEL and the C1
 * controls, surrogates (a pair, such as an emoji, is kept; only a lone half goes) and the
 * non-characters U+FDD0–U+FDEF and U+FFFE/U+FFFF (those of the other planes are surrogate pairs).
 * The writers' fast paths (csv-write.ts, ooxml/sheet-write.ts) test for these before calling it.
 */
export const SANITISED_CHARACTERS =
  '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF';

const NEEDS_WORK = new RegExp(`[${SANITISED_CHARACTERS}]`);
/** Every control but tab and line feed, every non-character of every plane, and lone surrogates. */
const REMOVED = /(?![\t\n])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/**
 * The one text sanitiser, for text coming in (the dispatcher for the forms, the API and the CLI;
 * the cells of CSV and XLSX imports; the caseload file) and for everything Bindeled writes into
 * DOCX, XLSX and CSV. XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF;
 * `docx` and exceljs pass some of them through and the file then fails to open in Word or
 * LibreOffice (docs/domain.md); stored, they break search snippets (fts-query.ts) and file names.
 * Tab and LF are kept; CRLF and lone CR become LF so every format sees one kind of line break.
 */
export function sanitiseText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(/\r\n?/g, '\n').replace(REMOVED, '');
}

/** Like sanitiseText, for values that may be absent: null and undefined become an empty string. */
export function sanitiseOptional(value: string | null | undefined): string {
  return value == null ? '' : sanitiseText(value);
}

/**
 * Every string in a call's input, sanitised, in arrays and plain objects at any depth: the
 * dispatcher's one step for all text that arrives through the contract.
 */
export function sanitiseInput(value: unknown): unknown {
  if (typeof value === 'string') return sanitiseText(value);
  if (Array.isArray(value)) return value.map(sanitiseInput);
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // defineProperty: a key "__proto__" from JSON stays a plain property, as it was.
    Object.defineProperty(out, key, { value: sanitiseInput(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
