import type { Database } from 'better-sqlite3';
import { IMPORT_FIELD_OF_INPUT } from '../../../../src-shared/fields/companies';
import { companyCreateSchema } from '../../companies/schema';
import { type CompanyRowValues, validateCompanyFields } from '../../companies/validate';
import { get } from '../../db/sql';
import { isValidCvr, normaliseCvr } from '../../domain/cvr';
import { DomainError, type FieldIssue } from '../../errors';
import { type Locale, messageOrText } from '../../messages';
import { type Cell, cellText, detectDateOrder, isEmptyCell } from '../fields/cell-values';
import { convertRow, kommuneLookup, type RowInput } from '../fields/company-row';
import { normaliseHeader } from '../fields/header-guess';
import type { ImportField, ImportOptions, RowAction } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import type { ReportBuilder } from './report';

export interface SourceRow {
  line: number;
  cells: Cell[];
  /** CSV: the row ended at the end of the file without a line break. */
  atEof?: boolean;
}

/** Rows of one sheet or CSV file, in batches, with how far through the file each batch is. */
export interface TableSource {
  headers: string[];
  batches: AsyncIterable<{ rows: SourceRow[]; done: number; total: number }>;
}

/** One company the import will add or update, ready for the write transaction. */
export interface PlannedRow {
  line: number;
  action: 'add' | 'update';
  matchId: number | null;
  uuid: string | null;
  values: CompanyRowValues;
  ownerName: string | null | undefined;
  consultantName: string | null | undefined;
}

interface ExistingRow {
  id: number;
  uuid: string;
  cvr: string | null;
  name: string;
  owner: string | null;
  consultant: string | null;
  [column: string]: unknown;
}

const EXISTING_SQL = `SELECT c.*, s.name AS consultant,
  (SELECT o.name FROM contacts o WHERE o.company_id = c.id ORDER BY o.is_owner DESC, o.id LIMIT 1) AS owner
  FROM companies c LEFT JOIN consultants s ON s.id = c.consultant_id`;

/** Built once: zod compiles a schema on first use, and a row-by-row `.partial()` recompiled it per row. */
const ROW_SCHEMA = companyCreateSchema.partial();

const FIELD_TO_IMPORT: Readonly<Record<string, ImportField>> = IMPORT_FIELD_OF_INPUT;

/** "I alt", "Total: 120", "Sum" in the first filled cell and no CVR: Excel's summary row, not a firm. */
const SUMMARY =
  /^(i alt|ialt|total|totalt|totals|sum|samlet|subtotal|antal|antal virksomheder|grand total)\s*[:=]?\s*[\d.,]*\s*$/i;

export interface PlanOptions {
  mapping: ReadonlyArray<ImportField | null>;
  options: ImportOptions;
  locale: Locale;
  keepPlan: boolean;
  job: JobControl;
}

/**
 * Reads every row, converts and validates it, matches it to a stored company (CVR first, then
 * Bindeled's id) and decides add / update / unchanged / duplicate / invalid. Reads the database
 * only; the write happens later in one transaction (commit-rows.ts).
 */
export async function planRows(
  db: Database,
  source: TableSource,
  report: ReportBuilder,
  opts: PlanOptions,
): Promise<{ plan: PlannedRow[]; dateOrder: 'dmy' | 'mdy' }> {
  const { mapping, locale } = opts;
  const columnOf = (field: string): number => mapping.indexOf((FIELD_TO_IMPORT[field] ?? field) as ImportField);
  const headerNorm = source.headers.map(normaliseHeader);
  const cvrColumn = mapping.indexOf('cvr');
  const kommuner = kommuneLookup(db);
  // The stored keys in one pass, so a row that matches nothing (every row of a first import) costs
  // no look-up; a row whose key is stored still reads the firm itself. A firm stored while the
  // file is checked is caught by the write, which checks each new firm's keys again.
  const storedCvr = new Set<string>();
  const storedUuid = new Set<string>();
  for (const [c, u] of db.prepare('SELECT cvr, uuid FROM companies').raw().iterate() as Iterable<
    [string | null, string]
  >) {
    if (c !== null) storedCvr.add(c);
    storedUuid.add(u);
  }
  const kommuneCodes = new Set(kommuner.values());
  const lookups = {
    cvrHolder: (c: string) =>
      storedCvr.has(c)
        ? get<{ id: number; name: string }>(db, 'SELECT id, name FROM companies WHERE cvr = ?', [c])
        : undefined,
    kommuneExists: (code: number) => kommuneCodes.has(code),
  };
  const seenCvr = new Map<string, number>();
  const seenUuid = new Map<string, number>();
  const plan: PlannedRow[] = [];
  let dateOrder = opts.options.dateOrder;
  let pending: SourceRow[] = [];
  const consultants = new Map<string, boolean>();
  const knownConsultant = (name: string): boolean => {
    let known = consultants.get(name);
    if (known === undefined) {
      known = get(db, 'SELECT 1 FROM consultants WHERE name = ?', [name]) !== undefined;
      consultants.set(name, known);
    }
    return known;
  };

  const text = (key: string, params: Record<string, unknown> = {}) => messageOrText(key, params, locale);
  const issueFrom = (line: number, kind: 'invalid' | 'duplicate', f: FieldIssue, cells: readonly Cell[]) => {
    const col = columnOf(f.field);
    report.issue({
      line,
      kind,
      field: FIELD_TO_IMPORT[f.field] ?? f.field,
      column: col >= 0 ? source.headers[col] : undefined,
      value: col >= 0 ? cellText(cells[col] ?? null).slice(0, 200) : undefined,
      message: text(f.message, f.params),
    });
  };

  /** Judges one row; false when it was refused (invalid or duplicate). */
  const handle = (row: SourceRow): boolean => {
    const { line, cells } = row;
    if (cells.every((c) => isEmptyCell(c))) return true;
    if (cells.length === headerNorm.length && cells.every((c, i) => normaliseHeader(cellText(c)) === headerNorm[i])) {
      report.count('companies', 'skipped');
      report.skip(line, text('import.row.headerRepeated'));
      return true;
    }
    const firstFilled = cells.find((c) => !isEmptyCell(c));
    if (SUMMARY.test(cellText(firstFilled ?? null)) && (cvrColumn < 0 || isEmptyCell(cells[cvrColumn]))) {
      report.count('companies', 'skipped');
      report.skip(line, text('import.row.summaryRow'));
      return true;
    }
    report.rows++;
    const fail = (issues: FieldIssue[], kind: 'invalid' | 'duplicate' = 'invalid'): boolean => {
      for (const f of issues) issueFrom(line, kind, f, cells);
      report.count('companies', kind);
      report.row({
        line,
        entity: 'companies',
        action: kind,
        name: nameOf(cells),
        cvr: cvrOf(cells),
        note: issues[0] ? text(issues[0].message, issues[0].params) : undefined,
      });
      return false;
    };
    const nameOf = (cs: readonly Cell[]) => cellText(cs[mapping.indexOf('name')] ?? null);
    const cvrOf = (cs: readonly Cell[]) => cellText(cs[cvrColumn] ?? null) || null;

    if (cells.length > headerNorm.length && cells.slice(headerNorm.length).some((c) => !isEmptyCell(c))) {
      return fail([
        { field: '(row)', message: 'import.row.long', params: { count: cells.length, expected: headerNorm.length } },
      ]);
    }
    if (row.atEof && cells.length < headerNorm.length) {
      return fail([
        { field: '(row)', message: 'import.row.short', params: { count: cells.length, expected: headerNorm.length } },
      ]);
    }
    const { input, issues } = convertRow(cells, mapping, {
      dateOrder: dateOrder ?? 'dmy',
      emptyCells: opts.options.emptyCells,
      kommuner,
    });
    const parsed = ROW_SCHEMA.safeParse(input.fields);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        issues.push({
          field: String(i.path[0] ?? '(row)'),
          message: i.message,
          params: 'maximum' in i ? { max: Number(i.maximum) } : {},
        });
    }
    if (issues.length) return fail(issues);
    const fields = parsed.data ?? {};

    // Match: CVR first, then Bindeled's id; both naming different firms is a conflict, not a guess.
    const cvr = fields.cvr ? normaliseCvr(fields.cvr) : null;
    const byCvr =
      cvr && storedCvr.has(cvr) && isValidCvr(cvr)
        ? get<ExistingRow>(db, `${EXISTING_SQL} WHERE c.cvr = ?`, [cvr])
        : undefined;
    const byUuid =
      input.uuid && storedUuid.has(input.uuid)
        ? get<ExistingRow>(db, `${EXISTING_SQL} WHERE c.uuid = ?`, [input.uuid])
        : undefined;
    if (byCvr && byUuid && byCvr.id !== byUuid.id) {
      return fail([
        { field: 'cvr', message: 'import.row.matchConflict', params: { cvrName: byCvr.name, uuidName: byUuid.name } },
      ]);
    }
    const existing = byCvr ?? byUuid;
    if (existing && byUuid && !byCvr && existing.cvr !== null && cvr !== null && cvr !== existing.cvr) {
      return fail([{ field: 'cvr', message: 'validation.cvrLocked' }]);
    }

    const dupKeys: Array<[Map<string, number>, string | undefined, string, Record<string, unknown>]> = [
      [seenCvr, cvr && isValidCvr(cvr) ? cvr : undefined, 'import.row.duplicateCvr', { cvr }],
      [seenUuid, input.uuid, 'import.row.duplicateUuid', { uuid: input.uuid }],
    ];
    for (const [seen, key, msg, params] of dupKeys) {
      const first = key ? seen.get(key) : undefined;
      if (first !== undefined)
        return fail(
          [
            {
              field: msg === 'import.row.duplicateCvr' ? 'cvr' : 'uuid',
              message: msg,
              params: { ...params, line: first },
            },
          ],
          'duplicate',
        );
    }

    let values: CompanyRowValues;
    try {
      values = validateCompanyFields(db, fields, { selfId: existing?.id, requireName: !existing, lookups });
    } catch (err) {
      if (err instanceof DomainError && err.fields.length) return fail(err.fields);
      throw err;
    }
    if (!existing) values.record_type = values.cvr ? 'registered' : 'unregistered';
    else if (values.cvr && existing.record_type === 'unregistered') values.record_type = 'registered';
    for (const [seen, key] of dupKeys) if (key) seen.set(key, line);

    const changes = existing ? changedFields(existing, values, input) : [];
    const action: RowAction = !existing ? 'add' : changes.length ? 'update' : 'unchanged';
    if (input.consultantName && !knownConsultant(input.consultantName)) report.newConsultants.add(input.consultantName);
    report.count('companies', action);
    report.row({
      line,
      entity: 'companies',
      action,
      name: values.name ?? existing?.name ?? '',
      cvr: values.cvr ?? existing?.cvr ?? null,
      changes: changes.length ? changes : undefined,
    });
    if (opts.keepPlan && action !== 'unchanged') {
      plan.push({
        line,
        action: action === 'add' ? 'add' : 'update',
        matchId: existing?.id ?? null,
        uuid: input.uuid ?? null,
        values,
        ownerName: input.fields.ownerName === undefined ? undefined : (fields.ownerName ?? null),
        consultantName: input.consultantName,
      });
    }
    return true;
  };

  const flush = (rows: SourceRow[]) => {
    if (!dateOrder) {
      const col = mapping.indexOf('founded');
      dateOrder = (col >= 0 ? detectDateOrder(rows.map((r) => r.cells[col])) : undefined) ?? 'dmy';
      if (dateOrder === 'mdy') report.warnings.push(text('import.warn.dateOrder'));
    }
    for (const r of rows) handle(r);
  };

  for await (const batch of source.batches) {
    // The first rows decide whether slashed dates are day or month first, before any row is judged.
    if (!dateOrder && pending.length < 1000) {
      pending.push(...batch.rows);
      if (pending.length < 1000) continue;
      flush(pending);
      pending = [];
    } else flush(batch.rows);
    opts.job.progress(batch.done, batch.total, text('import.phase.check'));
    await checkpoint(opts.job.signal);
  }
  if (pending.length) flush(pending);
  return { plan, dateOrder: dateOrder ?? 'dmy' };
}

/** Field names (as the import wizard calls them) whose stored value the row would change. */
function changedFields(existing: ExistingRow, values: CompanyRowValues, input: RowInput): string[] {
  const changed: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (column === 'record_type') continue;
    if ((existing[column] ?? null) !== (value ?? null)) changed.push(column);
  }
  const owner = input.fields.ownerName;
  if (owner !== undefined && (owner ?? null) !== null && owner !== existing.owner) changed.push('owner');
  if (input.consultantName !== undefined && (input.consultantName ?? null) !== existing.consultant)
    changed.push('consultant');
  return changed;
}
