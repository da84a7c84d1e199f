import { DomainError } from '../../errors';
import type { Separator } from '../interop-schema';

export interface CsvRecord {
  /** Physical line the record starts on (1-based), as a text editor or Excel shows it. */
  line: number;
  cells: string[];
  /** The record ended at the end of the file without a line break (a cut-off file's last row). */
  atEof: boolean;
  /** Offset in the text just after the record, for progress. */
  end: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 as Excel writes it: quoted fields may hold the separator, quotes ("") and line breaks.
 * Lenient where Excel is (a quote inside an unquoted field is text), strict where guessing would
 * corrupt data: a quote that never closes swallows the rest of the file, so the whole import stops.
 */
export function* parseCsv(text: string, sep: Separator, fileName: string, start = 0): Generator<CsvRecord> {
  const sepCode = sep.charCodeAt(0);
  const at: Cursor = { i: start, line: 1 + countLineBreaks(text, 0, start) };
  while (at.i < text.length) {
    const recordLine = at.line;
    const cells = readRecord(text, at, sepCode, fileName, false) as string[];
    yield { line: recordLine, cells, atEof: at.i >= text.length && !endsWithBreak(text), end: at.i };
  }
}

/**
 * The same records from text that arrives in pieces (decodePieces): a record cut by the end of a
 * piece is read again with the next one, and the next piece asked for is at least as long as the
 * unfinished record, so a long quoted field is not re-read again and again. `end` is not an offset
 * here; `bytes` says how far into the file the piece the record came from ends.
 */
export function parseCsvPieces(
  pieces: Generator<{ text: string; bytes: number }, void, number | undefined>,
  sep: Separator,
  fileName: string,
  skip = 0,
): IterableIterator<CsvRecord & { bytes: number }> {
  return new PieceRecords(pieces, sep.charCodeAt(0), fileName, skip);
}

/**
 * An iterator object rather than a generator: a suspended generator kept the record it had just
 * handed out, and V8 then kept every record, cells and all, through young-generation collections
 * into the old generation (at 100,000 rows, most of a preview's garbage).
 */
class PieceRecords implements IterableIterator<CsvRecord & { bytes: number }> {
  private text = '';
  private bytes = 0;
  private first = true;
  private last = false;
  private readonly at: Cursor = { i: 0, line: 1 };

  constructor(
    private readonly pieces: Generator<{ text: string; bytes: number }, void, number | undefined>,
    private readonly sepCode: number,
    private readonly fileName: string,
    private readonly skip: number,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<CsvRecord & { bytes: number }> {
    const at = this.at;
    for (;;) {
      if (at.i < this.text.length) {
        const line = at.line;
        const cells = readRecord(this.text, at, this.sepCode, this.fileName, !this.last);
        if (cells) {
          const atEof = this.last && at.i >= this.text.length && !endsWithBreak(this.text);
          return { value: { line, cells, atEof, end: at.i, bytes: this.bytes }, done: false };
        }
      }
      if (this.last) return { value: undefined, done: true };
      // Whatever is left is one unfinished record: the next piece must be at least as long again.
      const next = this.pieces.next(this.first ? undefined : 2 * (this.text.length - at.i));
      if (next.done) this.last = true;
      else if (this.first) {
        // What the caller skipped (Excel's sep= line) still counts its line break.
        this.text = next.value.text;
        at.i = this.skip;
        at.line = 1 + countLineBreaks(this.text, 0, this.skip);
      } else {
        this.text = this.text.slice(at.i) + next.value.text;
        at.i = 0;
      }
      if (!next.done) this.bytes = next.value.bytes;
      this.first = false;
    }
  }
}

interface Cursor {
  /** Where the next record starts. */
  i: number;
  /** The line it starts on. */
  line: number;
}

/**
 * Reads one record from `at` and moves `at` past it. With `more` (the text is not the end of the
 * file), a record the text ends inside returns undefined and leaves `at` where it was: its last
 * field, or its line break (a CR may be followed by the LF of the next piece), may go on.
 */
function readRecord(text: string, at: Cursor, sepCode: number, fileName: string, more: boolean): string[] | undefined {
  const n = text.length;
  let i = at.i;
  let line = at.line;
  const cells: string[] = [];
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: read to the closing quote, doubling "" to one.
      const quoteLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          if (more) return undefined;
          throw new DomainError('invalid_input', 'import.unclosedQuote', { file: fileName, line: quoteLine });
        }
        line += countLineBreaks(text, from, q);
        value += text.slice(from, q);
        if (q + 1 >= n && more) return undefined;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text after the closing quote up to the separator belongs to the field (Excel does the same).
      const rest = scanUnquoted(text, i, sepCode);
      value += rest.value;
      i = rest.end;
      cells.push(value);
    } else {
      const field = scanUnquoted(text, i, sepCode);
      cells.push(field.value);
      i = field.end;
    }
    const c = text.charCodeAt(i);
    if (i >= n) {
      if (more) return undefined;
      break; // end of text
    }
    if (c === sepCode) {
      i++;
      if (i >= n) {
        if (more) return undefined;
        // A separator at the very end of the file still opens an (empty) last field.
        cells.push('');
        break;
      }
    } else {
      if (c === CR && i + 1 >= n && more) return undefined;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
  }
  at.i = i;
  at.line = line;
  return cells;
}

function scanUnquoted(text: string, from: number, sepCode: number): { value: string; end: number } {
  let j = from;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === sepCode || c === LF || c === CR) break;
    j++;
  }
  return { value: text.slice(from, j), end: j };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) count++;
  }
  return count;
}

function endsWithBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === LF || last === CR;
}

/** Excel writes (and honours) a first line `sep=;` naming the separator. */
export function separatorHint(text: string): { sep: Separator; skip: number } | undefined {
  const m = /^sep=([;,\t])\r?\n/i.exec(text.slice(0, 8));
  return m ? { sep: m[1] as Separator, skip: m[0].length } : undefined;
}

/**
 * Picks the separator whose first lines split most consistently into more than one column.
 * Ties go to `;`, which Danish Excel uses (and which never appears in a Danish decimal number).
 */
export function detectSeparator(text: string, fileName: string): Separator {
  const head = text.slice(0, 64 * 1024);
  let best: { sep: Separator; score: number } = { sep: ';', score: -1 };
  for (const sep of [';', '\t', ','] as const) {
    const counts: number[] = [];
    try {
      for (const rec of parseCsv(head, sep, fileName)) {
        if (rec.atEof && head.length < text.length) break;
        if (rec.cells.length === 1 && rec.cells[0] === '') continue;
        counts.push(rec.cells.length);
        if (counts.length >= 30) break;
      }
    } catch {
      // An unclosed quote inside the sample (a long quoted field cut by the sample) says nothing here.
    }
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const consistent = counts.filter((c) => c === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}
