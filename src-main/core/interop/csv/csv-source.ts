import { DomainError } from '../../errors';
import type { Cell } from '../fields/cell-values';
import type { LoadedFile } from '../format-types';
import type { Separator, TextEncoding } from '../interop-schema';
import type { SourceRow, TableSource } from '../rows/plan-rows';
import { decodePieces, decodeText, detectEncodingOf } from '../text/encoding';
import { fileBytes } from '../text/file-bytes';
import { detectSeparator, parseCsvPieces, separatorHint } from './csv-parse';
import { restoreNeutralised } from './csv-write';

export interface CsvTable {
  encoding: TextEncoding;
  separator: Separator;
  headers: string[];
  headerLine: number;
  sample: string[][];
  source: TableSource;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Only CSV cells carry the formula guard (csv-write.ts); XLSX cells are typed text and never do. */
const sourceRow = (rec: { line: number; cells: string[]; atEof: boolean }): SourceRow => ({
  line: rec.line,
  cells: rec.cells.map(restoreNeutralised) as Cell[],
  atEof: rec.atEof,
});

/**
 * A CSV file as a table: encoding and separator detected unless given, the first non-empty
 * record as the header, and the rest read as they are asked for: the file is read, decoded and
 * parsed a piece at a time, never held whole.
 */
export function csvTable(
  file: Pick<LoadedFile, 'path' | 'name' | 'size' | 'sha256'>,
  opts: { encoding?: TextEncoding; separator?: Separator },
  sampleSize = 10,
): CsvTable {
  const fileName = file.name;
  const encoding = opts.encoding ?? detectEncodingOf(fileBytes(file));
  // The separator is guessed from the first lines; a megabyte holds far more than those.
  const head = decodeText(fileBytes(file)(0, 1024 * 1024), encoding).text;
  const hint = separatorHint(head);
  const separator = opts.separator ?? hint?.sep ?? detectSeparator(head.slice(hint?.skip ?? 0), fileName);
  const records = parseCsvPieces(decodePieces(fileBytes(file), encoding), separator, fileName, hint?.skip ?? 0);

  let headers: string[] | undefined;
  let headerLine = 0;
  // The rows after the header read so far (blank ones too): the batches start with them.
  const read: SourceRow[] = [];
  const sample: string[][] = [];
  let bytes = 0;
  while (sample.length < sampleSize) {
    const next = records.next();
    if (next.done) break;
    const rec = next.value;
    bytes = rec.bytes;
    if (!headers) {
      if (isBlank(rec.cells)) continue;
      headers = rec.cells.map((h) => h.trim());
      headerLine = rec.line;
      continue;
    }
    const row = sourceRow(rec);
    read.push(row);
    if (!isBlank(rec.cells)) sample.push(row.cells as string[]);
  }
  if (!headers) throw new DomainError('invalid_input', 'import.empty', { file: fileName });

  const source: TableSource = {
    headers,
    batches: (async function* () {
      // One batch, the whole file, each row read as it is asked for (an iterator object: see
      // PieceRecords for why not a generator).
      let held = 0;
      yield {
        [Symbol.iterator]: (): Iterator<SourceRow> => ({
          next: () => {
            if (held < read.length) return { value: read[held++] as SourceRow, done: false };
            const next = records.next();
            if (next.done) return { value: undefined, done: true };
            bytes = next.value.bytes;
            return { value: sourceRow(next.value), done: false };
          },
        }),
      };
    })(),
    progress: () => ({ done: bytes, total: file.size }),
  };
  return { encoding, separator, headers, headerLine, sample, source };
}
