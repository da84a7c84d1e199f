import type { Database } from 'better-sqlite3';
import { DomainError } from '../../errors';
import { type Locale, message } from '../../messages';
import { columnName } from '../../ooxml/xml-text';
import { type Cell, cellText, detectDateOrder, UUID } from '../fields/cell-values';
import { guessMapping } from '../fields/header-guess';
import { rememberedMapping } from '../fields/mapping-store';
import type { ImportCallContext, LoadedFile, PreparedImport } from '../format-types';
import type { ImportField, ImportInspection, ImportOptions, InteropFormat } from '../interop-schema';
import { commitRows } from './commit-rows';
import { planRows, type TableSource } from './plan-rows';
import { ReportBuilder } from './report';

/** An "Id" column only maps to Bindeled's id when its values are uuids: many sheets number rows 1, 2, 3. */
function refine(mapping: Array<ImportField | null>, sample: readonly Cell[][]): Array<ImportField | null> {
  return mapping.map((field, i) => {
    if (field !== 'uuid') return field;
    const values = sample.map((r) => cellText(r[i] ?? null)).filter(Boolean);
    return values.length > 0 && values.every((v) => UUID.test(v)) ? field : null;
  });
}

export function checkMapping(mapping: ReadonlyArray<ImportField | null>, headers: readonly string[]): void {
  if (mapping.length !== headers.length) {
    throw new DomainError('invalid_input', 'import.mapping.length', {
      count: mapping.length,
      expected: headers.length,
    });
  }
  const seen = new Map<ImportField, number>();
  mapping.forEach((field, i) => {
    if (!field) return;
    const first = seen.get(field);
    if (first !== undefined) {
      throw new DomainError('invalid_input', 'import.mapping.fieldTwice', {
        field,
        columns: `${headers[first]}, ${headers[i]}`,
      });
    }
    seen.set(field, i);
  });
  if (!seen.has('name') && !seen.has('cvr') && !seen.has('uuid'))
    throw new DomainError('invalid_input', 'import.mapping.keyColumnMissing');
}

/** Mapping for a table: the one given, else the one remembered for these headers, else a guess. */
export function tableMapping(
  db: Database,
  headers: readonly string[],
  sample: readonly Cell[][],
  options: ImportOptions,
  locale: Locale,
): { mapping: Array<ImportField | null>; source: ImportInspection['mappingSource']; warnings: string[] } {
  const guess = guessMapping(headers);
  const warnings = guess.duplicates.map((d) =>
    message('import.warn.duplicateColumn', { header: d.header, columns: d.columns.map(columnName).join(', ') }, locale),
  );
  if (options.mapping) return { mapping: [...options.mapping], source: 'given', warnings };
  const remembered = rememberedMapping(db, headers);
  if (remembered) return { mapping: remembered, source: 'remembered', warnings };
  return { mapping: refine(guess.mapping, sample), source: 'guessed', warnings };
}

export function tableInspection(
  db: Database,
  file: LoadedFile,
  format: InteropFormat,
  table: { headers: string[]; sample: Cell[][] },
  options: ImportOptions,
  locale: Locale,
  extra: Partial<ImportInspection>,
): ImportInspection {
  const { mapping, source, warnings } = tableMapping(db, table.headers, table.sample, options, locale);
  const founded = mapping.indexOf('founded');
  const order = options.dateOrder ?? (founded >= 0 ? detectDateOrder(table.sample.map((r) => r[founded])) : undefined);
  return {
    path: file.path,
    fileName: file.name,
    size: file.size,
    format,
    warnings: [...file.warnings, ...warnings],
    headers: table.headers,
    sample: table.sample.map((r) => table.headers.map((_, i) => cellText(r[i] ?? null))),
    mapping,
    mappingSource: source,
    dateOrder: order ?? 'dmy',
    ...extra,
  };
}

/** Preview or import of a CSV or XLSX table: the same checks whatever the file format. */
export async function planTable(
  db: Database,
  file: LoadedFile,
  format: InteropFormat,
  source: TableSource,
  sample: Cell[][],
  options: ImportOptions,
  ctx: ImportCallContext,
  keepPlan: boolean,
  extra: { encoding?: ImportInspection['encoding']; separator?: ImportInspection['separator']; sheet?: string },
): Promise<PreparedImport> {
  const { mapping, warnings } = tableMapping(db, source.headers, sample, options, ctx.locale);
  checkMapping(mapping, source.headers);
  const report = new ReportBuilder(ctx.issueLimit);
  report.warnings.push(...file.warnings, ...warnings);
  const { plan } = await planRows(db, source, report, { mapping, options, locale: ctx.locale, keepPlan, job: ctx.job });
  return {
    report: report.build({ fileName: file.name, format, fingerprint: file.sha256, ...extra }),
    write: (wdb, wctx) => commitRows(wdb, plan, wctx),
    remember: { headers: source.headers, mapping },
    reusable: keepPlan,
  };
}
