import { DomainError } from '../../errors';
import { guardXlsx, xlsxRowBatches } from '../../ooxml/sheet-read';
import type { Cell } from '../fields/cell-values';
import { cellText } from '../fields/cell-values';
import type { InteropModule, LoadedFile } from '../format-types';
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

/** The header (first non-empty row), a sample, and the remaining rows still to be read. */
async function openTable(file: LoadedFile, sheet: string, sampleSize: number) {
  const batches = xlsxRowBatches(file.path, sheet, file.name);
  let rest: Iterator<SourceRow> | undefined;
  // Rows read so far, counted a batch at a time (for progress: a sheet's row count is not known ahead).
  let rows = 0;
  const nextRow = async (): Promise<SourceRow | undefined> => {
    for (;;) {
      const next = rest?.next();
      if (next && !next.done) return next.value;
      const batch = await batches.next();
      if (batch.done) return undefined;
      rows += batch.value.length;
      rest = batch.value[Symbol.iterator]();
    }
  };
  let headers: string[] | undefined;
  const sample: SourceRow[] = [];
  while (sample.length < sampleSize) {
    const row = await nextRow();
    if (!row) break;
    if (!headers) {
      if (row.cells.some((c) => cellText(c) !== '')) headers = row.cells.map((c) => cellText(c));
      continue;
    }
    sample.push(row);
  }
  if (!headers) {
    await batches.return(undefined);
    throw new DomainError('invalid_input', 'import.empty', { file: file.name });
  }
  const unread = rest;
  const source: TableSource = {
    headers,
    batches: (async function* () {
      yield sample;
      if (unread) yield { [Symbol.iterator]: () => unread };
      for await (const batch of batches) {
        rows += batch.length;
        yield batch;
      }
    })(),
    progress: () => ({ done: rows, total: 0 }),
  };
  return { headers, sample, source, close: () => batches.return(undefined) };
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
    await table.close();
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
    const sample: Cell[][] = table.sample.map((r) => r.cells);
    try {
      return await planTable(db, file, 'xlsx', table.source, sample, options, ctx, keepPlan, { sheet });
    } finally {
      // Read to the end, the rows have closed the zip already; a refused mapping never reads them.
      await table.close();
    }
  },
  export: (db, target, ids, opts, ctx) => {
    const sheets = opts.entity ? SHEETS.filter((s) => s.entity === opts.entity) : SHEETS;
    if (!sheets.length) {
      throw new DomainError('invalid_input', 'export.entityUnknown', {
        entity: opts.entity,
        entities: SHEETS.map((s) => s.entity).join(', '),
      });
    }
    // Every firm of the caseload (not a campaign's list with protected firms left out): the
    // history sheets can then be read in id order instead of firm batch by firm batch.
    const everyFirm =
      opts.scope?.kind === 'all' &&
      ids.length === (db.prepare('SELECT count(*) FROM companies').pluck().get() as number);
    return writeXlsx(db, target, ids, sheets, { ...ctx, everyFirm });
  },
};
