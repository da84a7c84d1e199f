import { DomainError } from '../../errors';
import { guardXlsx, xlsxRows } from '../../ooxml/sheet-read';
import type { Cell } from '../fields/cell-values';
import { cellText } from '../fields/cell-values';
import type { InteropModule, LoadedFile } from '../format-types';
import { CHUNK } from '../job';
import type { SourceRow, TableSource } from '../rows/plan-rows';
import { planTable, tableInspection } from '../rows/table-import';
import { SHEETS } from '../sheets/company-sheets';
import { writeXlsx } from './xlsx-export';

/** Sheet names Bindeled's own export uses for companies, in the languages it writes. */
const COMPANY_SHEETS = ['virksomheder', 'companies'];

function pickSheet(sheetNames: readonly string[], wanted: string | undefined, fileName: string): string {
  if (wanted !== undefined) {
    if (!sheetNames.includes(wanted)) {
      throw new DomainError('invalid_input', 'import.sheetMissing', {
        file: fileName,
        sheet: wanted,
        sheets: sheetNames.join(', '),
      });
    }
    return wanted;
  }
  const found = sheetNames.find((s) => COMPANY_SHEETS.includes(s.toLocaleLowerCase('da'))) ?? sheetNames[0];
  if (found === undefined) throw new DomainError('invalid_input', 'import.empty', { file: fileName });
  return found;
}

/**
 * A batch of rows is also cut at about this much memory: a sheet's rows may be 16,384 cells wide
 * and hold megabytes of text each, where a CSV line holds what its bytes hold.
 */
const BATCH_BYTES = 32 * 1024 * 1024;

/** Roughly what a row's cells take in memory: a slot each, and two bytes a character. */
function rowBytes(row: SourceRow): number {
  let bytes = 16 * row.cells.length;
  for (const c of row.cells) if (typeof c === 'string') bytes += 2 * c.length;
  return bytes;
}

/** The header (first non-empty row), a sample, and the remaining rows still to be read. */
async function openTable(file: LoadedFile, sheet: string, sampleSize: number) {
  const rows = xlsxRows(file.path, sheet, file.name);
  let headers: string[] | undefined;
  const sample: SourceRow[] = [];
  while (sample.length < sampleSize) {
    const next = await rows.next();
    if (next.done) break;
    if (!headers) {
      if (next.value.cells.some((c) => cellText(c) !== '')) headers = next.value.cells.map((c) => cellText(c));
      continue;
    }
    sample.push(next.value);
  }
  if (!headers) {
    await rows.return(undefined);
    throw new DomainError('invalid_input', 'import.empty', { file: file.name });
  }
  return { headers, sample, rows };
}

/** XLSX: read row by row from the zip (after the zip guard passed); written one sheet per entity. */
export const xlsxModule: InteropModule = {
  id: 'xlsx',
  label: 'format.xlsx',
  extensions: ['.xlsx'],
  inspect: async (db, file, options, locale) => {
    const dir = await guardXlsx(file.path, file.name, new AbortController().signal);
    const sheet = pickSheet(dir.sheetNames, options.sheet, file.name);
    const table = await openTable(file, sheet, 10);
    await table.rows.return(undefined);
    const sample = table.sample.map((r) => r.cells);
    return tableInspection(db, file, 'xlsx', { headers: table.headers, sample }, options, locale, {
      sheets: dir.sheetNames,
      sheet,
    });
  },
  plan: async (db, file, options, ctx, keepPlan) => {
    const dir = await guardXlsx(file.path, file.name, ctx.job.signal);
    const sheet = pickSheet(dir.sheetNames, options.sheet, file.name);
    const table = await openTable(file, sheet, 10);
    const source: TableSource = {
      headers: table.headers,
      batches: (async function* () {
        let rows: SourceRow[] = [...table.sample];
        let done = rows.length;
        let bytes = 0;
        for await (const row of table.rows) {
          rows.push(row);
          done++;
          bytes += rowBytes(row);
          if (rows.length >= CHUNK || bytes >= BATCH_BYTES) {
            yield { rows, done, total: 0 };
            rows = [];
            bytes = 0;
          }
        }
        yield { rows, done, total: 0 };
      })(),
    };
    const sample: Cell[][] = table.sample.map((r) => r.cells);
    return planTable(db, file, 'xlsx', source, sample, options, ctx, keepPlan, { sheet });
  },
  export: (db, target, ids, opts, ctx) => {
    const sheets = opts.entity ? SHEETS.filter((s) => s.entity === opts.entity) : SHEETS;
    if (!sheets.length) {
      throw new DomainError('invalid_input', 'export.entityUnknown', {
        entity: opts.entity,
        entities: SHEETS.map((s) => s.entity).join(', '),
      });
    }
    return writeXlsx(db, target, ids, sheets, ctx);
  },
};
