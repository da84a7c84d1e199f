import { DomainError } from '../../errors';
import type { Cell } from '../fields/cell-values';
import type { InteropModule } from '../format-types';
import { planTable, tableInspection } from '../rows/table-import';
import { SHEETS } from '../sheets/company-sheets';
import { writeCsv } from './csv-export';
import { csvTable } from './csv-source';

/** CSV: Danish Excel's `;` and UTF-8 BOM out; `;` `,` tab and UTF-8/Windows-1252/UTF-16 in. */
export const csvModule: InteropModule = {
  id: 'csv',
  label: 'format.csv',
  extensions: ['.csv', '.txt'],
  inspect: async (db, file, options, locale) => {
    const table = csvTable(file, options);
    return tableInspection(
      db,
      file,
      'csv',
      { headers: table.headers, sample: table.sample as Cell[][] },
      options,
      locale,
      {
        encoding: table.encoding,
        separator: table.separator,
      },
    );
  },
  plan: async (db, file, options, ctx, keepPlan) => {
    const table = csvTable(file, options);
    return planTable(db, file, 'csv', table.source, table.sample as Cell[][], options, ctx, keepPlan, {
      encoding: table.encoding,
      separator: table.separator,
    });
  },
  export: (db, target, ids, opts, ctx) => {
    const key = opts.entity ?? 'companies';
    const sheet = SHEETS.find((s) => s.entity === key);
    if (!sheet)
      throw new DomainError('invalid_input', 'export.entityUnknown', {
        entity: key,
        entities: SHEETS.map((s) => s.entity).join(', '),
      });
    return writeCsv(db, target, ids, sheet, ctx);
  },
};
