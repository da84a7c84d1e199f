import { DomainError } from '../../errors';
import type { Cell } from '../fields/cell-values';
import type { Separator, TextEncoding } from '../interop-schema';
import { CHUNK } from '../job';
import type { SourceRow, TableSource } from '../rows/plan-rows';
import { decodeText } from '../text/encoding';
import { detectSeparator, parseCsv, separatorHint } from './csv-parse';
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

/**
 * A CSV file as a table: encoding and separator detected unless given, the first non-empty
 * record as the header, and the rest handed out in batches.
 */
export function csvTable(
  buf: Buffer,
  fileName: string,
  opts: { encoding?: TextEncoding; separator?: Separator },
  sampleSize = 10,
): CsvTable {
  const { text, encoding } = decodeText(buf, opts.encoding);
  const hint = separatorHint(text);
  const separator = opts.separator ?? hint?.sep ?? detectSeparator(text.slice(hint?.skip ?? 0), fileName);
  const start = hint?.skip ?? 0;

  let headers: string[] | undefined;
  let headerLine = 0;
  let headerEnd = start;
  const sample: string[][] = [];
  for (const rec of parseCsv(text, separator, fileName, start)) {
    if (isBlank(rec.cells)) continue;
    if (!headers) {
      headers = rec.cells.map((h) => h.trim());
      headerLine = rec.line;
      headerEnd = rec.end;
      continue;
    }
    sample.push(rec.cells.map(restoreNeutralised));
    if (sample.length >= sampleSize) break;
  }
  if (!headers) throw new DomainError('invalid_input', 'import.empty', { file: fileName });
  const bodyStart = headerEnd;

  const source: TableSource = {
    headers,
    batches: (async function* () {
      let rows: SourceRow[] = [];
      let end = bodyStart;
      for (const rec of parseCsv(text, separator, fileName, bodyStart)) {
        // Only CSV cells carry the formula guard (csv-write.ts); XLSX cells are typed text and never do.
        rows.push({ line: rec.line, cells: rec.cells.map(restoreNeutralised) as Cell[], atEof: rec.atEof });
        end = rec.end;
        if (rows.length >= CHUNK) {
          yield { rows, done: end, total: text.length };
          rows = [];
        }
      }
      yield { rows, done: text.length, total: text.length };
    })(),
  };
  return { encoding, separator, headers, headerLine, sample, source };
}
