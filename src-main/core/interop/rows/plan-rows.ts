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
import { CHUNK, checkpoint, type JobControl } from '../job';
import { PlanStore } from './plan-store';
import { quickCheck } from './quick-check';
import type { ReportBuilder } from './report';
import { UnknownIndustryCodes } from './unknown-industry';

export interface SourceRow {
  line: number;
  cells: Cell[];
  /** CSV: the row ended at the end of the file without a line break. */
  atEof?: boolean;
}

/**
 * Rows judged between two turns of the event loop. V8 then collects its young generation between
 * them, before it is full; collected only when full (thousands of rows judged in one go), the
 * row check's short-lived objects were moved to the old generation for good (pretenured) and
 * piled up there, to a few times the live heap, until a full collection: the main process's peak.
 */
const ROWS_PER_TURN = 100;

/**
 * A row held while later rows are read (the first rows wait for the date order). A copy, made by
 * `new` and `slice`: V8 allocates straight into its old generation from any object or array
 * literal whose objects mostly outlive a young-generation collection (pretenuring), and holding
 * the sources' own row objects made every later row of the file, cells and all, be allocated
 * there, as garbage only a full collection finds.
 */
class HeldRow implements SourceRow {
  readonly line: number;
  readonly cells: Cell[];
  readonly atEof?: boolean;
  constructor(row: SourceRow) {
    this.line = row.line;
    this.cells = row.cells.slice();
    this.atEof = row.atEof;
  }
}

/** The rows whose dates decide whether slashed dates are day or month first (unless the wizard says). */
const DATE_ORDER_ROWS = 2000;

/**
 * Rows of one sheet or CSV file after its header. Each batch (a CSV: the whole file; a sheet: what
 * one piece of the zip holds) reads its rows as it is iterated, so a row is garbage as soon as it
 * is judged. `progress` says how far through the file the rows read so far reach (total 0: unknown).
 */
export interface TableSource {
  headers: string[];
  batches: AsyncIterable<Iterable<SourceRow>>;
  progress: () => { done: number; total: number };
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
): Promise<{ plan: PlanStore; dateOrder: 'dmy' | 'mdy' }> {
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
  // The line each key was first seen on, for every row of the file: kept small (a CVR as its
  // number, a uuid as compactUuid).
  const seenCvr = new Map<number | string, number>();
  const seenUuid = new Map<number | string, number>();
  const plan = new PlanStore();
  let dateOrder = opts.options.dateOrder;
  /** The first rows, held until they have decided the date order. */
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
  const unknownIndustry = new UnknownIndustryCodes();
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
    // Nearly every row passes the quick check; zod judges the rest, in its own words.
    let fields = quickCheck(input.fields);
    if (!fields) {
      const parsed = ROW_SCHEMA.safeParse(input.fields);
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          issues.push({
            field: String(i.path[0] ?? '(row)'),
            message: i.message,
            params: 'maximum' in i ? { max: Number(i.maximum) } : {},
          });
      }
      fields = parsed.data ?? {};
    }
    if (issues.length) return fail(issues);

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

    const cvrKey = cvr && isValidCvr(cvr) ? Number(cvr) : undefined;
    const uuidKey = input.uuid ? compactUuid(input.uuid) : undefined;
    const dupKeys: Array<[Map<number | string, number>, number | string | undefined, string, Record<string, unknown>]> =
      [
        [seenCvr, cvrKey, 'import.row.duplicateCvr', { cvr }],
        [seenUuid, uuidKey, 'import.row.duplicateUuid', { uuid: input.uuid }],
      ];
    for (const [seen, key, msg, params] of dupKeys) {
      const first = key !== undefined ? seen.get(key) : undefined;
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
      values = validateCompanyFields(db, fields, {
        selfId: existing?.id,
        requireName: !existing,
        lookups,
        onUnknownIndustry: (code, system) => unknownIndustry.note(code, system, line),
      });
    } catch (err) {
      if (err instanceof DomainError && err.fields.length) return fail(err.fields);
      throw err;
    }
    if (!existing) values.record_type = values.cvr ? 'registered' : 'unregistered';
    else if (values.cvr && existing.record_type === 'unregistered') values.record_type = 'registered';
    for (const [seen, key] of dupKeys) if (key !== undefined) seen.set(key, line);

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

  const decideDateOrder = (rows: SourceRow[]) => {
    const col = mapping.indexOf('founded');
    dateOrder = (col >= 0 ? detectDateOrder(rows.map((r) => r.cells[col])) : undefined) ?? 'dmy';
    if (dateOrder === 'mdy') report.warnings.push(text('import.warn.dateOrder'));
  };
  let judged = 0;
  const progress = () => {
    const at = source.progress();
    opts.job.progress(at.done, at.total, text('import.phase.check'));
  };
  /** Judges one row; true every ROWS_PER_TURN rows, when the event loop should run (and a cancel get through). */
  const judge = (row: SourceRow): boolean => {
    handle(row);
    if (++judged % ROWS_PER_TURN > 0) return false;
    if (judged % CHUNK === 0) progress();
    return true;
  };

  for await (const batch of source.batches) {
    for (const row of batch) {
      if (dateOrder) {
        if (judge(row)) await checkpoint(opts.job.signal);
        continue;
      }
      // The first rows decide whether slashed dates are day or month first, before any row is judged.
      pending.push(new HeldRow(row));
      if (pending.length < DATE_ORDER_ROWS) continue;
      decideDateOrder(pending);
      for (const held of pending) if (judge(held)) await checkpoint(opts.job.signal);
      pending = [];
    }
  }
  if (!dateOrder) decideDateOrder(pending);
  for (const held of pending) if (judge(held)) await checkpoint(opts.job.signal);
  progress();
  report.warnings.push(...unknownIndustry.warnings(text));
  return { plan, dateOrder: dateOrder ?? 'dmy' };
}

/**
 * A uuid as eight UTF-16 units, a new short string: every row's key is kept to the end of the file,
 * and a cell is a slice of the text it was read from (a CSV's piece, an .xlsx's chunk of XML),
 * which stays alive for as long as the slice does.
 */
function compactUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  let key = '';
  for (let i = 0; i < 32; i += 4) key += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return key;
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
