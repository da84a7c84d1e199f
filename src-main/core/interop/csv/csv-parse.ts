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
  const n = text.length;
  let i = start;
  let line = 1 + countLineBreaks(text, 0, start);
  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    let ended = false;
    while (!ended) {
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: read to the closing quote, doubling "" to one.
        const quoteLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0)
            throw new DomainError('invalid_input', 'import.unclosedQuote', { file: fileName, line: quoteLine });
          line += countLineBreaks(text, from, q);
          value += text.slice(from, q);
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
      if (c === sepCode) {
        i++;
        // A separator at the very end of the file still opens an (empty) last field.
        if (i >= n) {
          cells.push('');
          ended = true;
        }
      } else if (c === CR || c === LF) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        ended = true;
      } else ended = true; // end of text
    }
    yield { line: recordLine, cells, atEof: i >= n && !endsWithBreak(text), end: i };
  }
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
