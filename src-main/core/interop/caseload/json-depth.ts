/**
 * How deep a record's field may nest. Bindeled's own JSON fields (a referral's `needs`, `annexes`)
 * use two levels; anything near this limit was not written by Bindeled.
 */
export const MAX_VALUE_DEPTH = 32;

/** The file, a section, a record and its field take three levels before a field's value begins. */
export const RECORD_FIELD_DEPTH = 3;

export interface TooDeep {
  /** The top-level key (a section such as `companies`, or a header key), when there is one. */
  section: string | null;
  /** The record's position in its section, when the nesting is inside a record. */
  index: number | null;
  /** The record's field, when the nesting is inside one. */
  field: string | null;
  /** Where in the text the limit was passed. */
  offset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * Finds the first place where a caseload file nests deeper than a field's value may, reading the
 * raw text once without building anything. Run before JSON.parse: a value nested thousands deep
 * would otherwise reach code that walks it recursively (serialising it back, validating it) and
 * overflow the stack. Syntax errors are left for JSON.parse to report.
 */
export function findTooDeep(text: string, maxValueDepth = MAX_VALUE_DEPTH): TooDeep | undefined {
  const limit = RECORD_FIELD_DEPTH + maxValueDepth;
  // Per level: is the container an object, and is its next string a key?
  const isObject = new Uint8Array(limit + 2);
  const expectKey = new Uint8Array(limit + 2);
  let depth = 0;
  let sectionKey: [number, number] | null = null;
  let fieldKey: [number, number] | null = null;
  let index = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return undefined;
      if (isObject[depth] && expectKey[depth]) {
        if (depth === 1) sectionKey = [i, end + 1];
        else if (depth === RECORD_FIELD_DEPTH) fieldKey = [i, end + 1];
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > limit) {
        return {
          section: sectionKey ? decodeKey(text, sectionKey) : null,
          index: index >= 0 ? index : null,
          field: fieldKey ? decodeKey(text, fieldKey) : null,
          offset: i,
        };
      }
      isObject[depth] = c === OPEN_OBJECT ? 1 : 0;
      expectKey[depth] = 1;
      if (depth === 2) index = c === OPEN_ARRAY ? 0 : -1;
      if (depth === RECORD_FIELD_DEPTH) fieldKey = null;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 2) index = -1;
      if (depth === 1) sectionKey = null;
      if (depth > 0) depth--;
    } else if (c === COLON) {
      expectKey[depth] = 0;
    } else if (c === COMMA) {
      expectKey[depth] = 1;
      if (depth === 2 && index >= 0) index++;
      if (depth === RECORD_FIELD_DEPTH) fieldKey = null;
      if (depth === 1) sectionKey = null;
    }
  }
  return undefined;
}

/** A quote is escaped when an odd number of backslashes stands right before it. */
function escaped(text: string, quote: number): boolean {
  let count = 0;
  for (let j = quote - 1; j >= 0 && text.charCodeAt(j) === BACKSLASH; j--) count++;
  return count % 2 === 1;
}

function decodeKey(text: string, [start, end]: [number, number]): string {
  const raw = text.slice(start, end);
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.slice(1, -1);
  }
}
