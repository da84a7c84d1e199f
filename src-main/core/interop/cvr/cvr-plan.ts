import type { Database } from 'better-sqlite3';
import { companyCreateSchema } from '../../companies/schema';
import { type CompanyRowValues, validateCompanyFields } from '../../companies/validate';
import { all, nowStamp } from '../../db/sql';
import { isValidCvr } from '../../domain/cvr';
import { DomainError, type FieldIssue } from '../../errors';
import { messageOrText } from '../../messages';
import { systemOfCode } from '../../reference/industry-codes';
import type { ImportCallContext, LoadedFile, PreparedImport } from '../format-types';
import type { FieldDiff, ImportOptions, RowAction } from '../interop-schema';
import { CHUNK, checkpoint } from '../job';
import { commitRows } from '../rows/commit-rows';
import { JsonRows, PlanStore } from '../rows/plan-store';
import { ReportBuilder } from '../rows/report';
import { UnknownIndustryCodes } from '../rows/unknown-industry';
import { extractItems } from './cvr-read';
import { type RegisterFirm, readRegisterFirm } from './cvr-record';

/** The fields a consultant may have corrected by hand, as their columns, in the order the preview lists them. */
const REFRESHED = [
  'name',
  'address',
  'postcode',
  'city',
  'kommune_code',
  'industry_code',
  'legal_form',
  'employees',
] as const;
type Refreshed = (typeof REFRESHED)[number];

/** What the register said of a firm when it was last read (company_register), employees as its band. */
type Snapshot = Partial<Record<Refreshed, unknown>>;

const ROW_SCHEMA = companyCreateSchema.partial();
const DOCS_PER_TURN = 100;

interface Stored {
  id: number;
  name: string;
  record_type: string;
  reklamebeskyttet: number | null;
  ceased: number | null;
  register_values: string | null;
  [column: string]: unknown;
}

const STORED_SQL = `SELECT c.*, r.register_values FROM companies c
  LEFT JOIN company_register r ON r.company_id = c.id WHERE c.cvr = ?`;

/** The firm's values as the API would take them: the same rules as a typed-in firm (validate.ts). */
function apiFields(firm: RegisterFirm): Record<string, unknown> {
  return {
    cvr: firm.cvr,
    name: firm.name ?? undefined,
    address: firm.address,
    postcode: firm.postcode,
    city: firm.city,
    kommuneCode: firm.kommuneCode,
    industryCode: firm.industryCode,
    industrySystem: systemOfCode(firm.industryCode, firm.industryDated ?? 'DB25'),
    legalForm: firm.legalForm,
    employees: firm.employees ? firm.employees.low : null,
  };
}

/** A stored value against the register's: an employee count inside the register's band agrees with it. */
function agrees(field: Refreshed, stored: unknown, register: unknown, firm: RegisterFirm): boolean {
  if (field === 'employees' && firm.employees && typeof stored === 'number')
    return stored >= firm.employees.low && stored <= firm.employees.high;
  return (stored ?? null) === (register ?? null);
}

/**
 * Reads a CVR extract document by document and decides for each firm: new (added with every
 * register value), known by its CVR (each field compared: a field the consultant left as the
 * register said, or left empty, follows the register; a field corrected locally is kept unless
 * `takeRegister`), or refused (not a firm, a CVR failing its check digit, an unknown kommune: the
 * line is named and nothing is written). Ceased firms are flagged, never removed. Reads the
 * database only; `write` runs in the import's one transaction.
 */
export async function planCvrExtract(
  db: Database,
  file: LoadedFile,
  options: ImportOptions,
  ctx: ImportCallContext,
  keepPlan: boolean,
): Promise<PreparedImport> {
  const report = new ReportBuilder(ctx.issueLimit);
  report.touch('companies');
  report.warnings.push(...file.warnings);
  const text = (key: string, params: Record<string, unknown> = {}) => messageOrText(key, params, ctx.locale);
  const kommuner = new Set(all<{ code: number }>(db, 'SELECT code FROM kommuner').map((k) => k.code));
  const storedCvr = new Set(db.prepare('SELECT cvr FROM companies WHERE cvr IS NOT NULL').pluck().all() as string[]);
  const lookups = {
    cvrHolder: () => undefined,
    kommuneExists: (code: number) => kommuner.has(code),
  };
  const storedStmt = db.prepare(STORED_SQL);
  const seen = new Map<number, number | string>();
  const plan = new PlanStore();
  /** Every firm read, with the register's values to remember for it: [cvr] and the snapshot. */
  const snapshots = new JsonRows(1);
  const takeRegister = options.takeRegister === true;
  const unknownIndustry = new UnknownIndustryCodes();
  let judged = 0;

  const judge = (item: { line: number | null; ref?: string; value?: unknown; broken?: true }): boolean => {
    const where = { line: item.line, ref: item.ref };
    report.rows++;
    const fail = (
      issues: FieldIssue[],
      name = '',
      cvr: string | null = null,
      kind: 'invalid' | 'duplicate' = 'invalid',
    ) => {
      for (const f of issues) report.issue({ ...where, kind, field: f.field, message: text(f.message, f.params) });
      report.count('companies', kind);
      report.row({
        ...where,
        entity: 'companies',
        action: kind,
        name,
        cvr,
        note: text(issues[0]?.message ?? '', issues[0]?.params),
      });
      return false;
    };
    if (item.broken) return fail([{ field: '(row)', message: 'cvrImport.lineNotJson' }]);
    const read = readRegisterFirm(item.value, isValidCvr);
    if (!read.ok)
      return fail([
        { field: read.message === 'cvrImport.badCvr' ? 'cvr' : '(row)', message: read.message, params: read.params },
      ]);
    const firm = read.firm;
    const first = seen.get(Number(firm.cvr));
    if (first !== undefined)
      return fail(
        [{ field: 'cvr', message: 'import.row.duplicateCvr', params: { cvr: firm.cvr, line: first } }],
        firm.name ?? '',
        firm.cvr,
        'duplicate',
      );
    seen.set(Number(firm.cvr), item.line ?? item.ref ?? '');
    const stored = storedCvr.has(firm.cvr) ? (storedStmt.get(firm.cvr) as Stored | undefined) : undefined;
    if (!stored && !firm.name) return fail([{ field: 'name', message: 'cvrImport.noName' }], '', firm.cvr);
    const parsed = ROW_SCHEMA.safeParse(apiFields(firm));
    if (!parsed.success)
      return fail(
        parsed.error.issues.map((i) => ({
          field: String(i.path[0] ?? '(row)'),
          message: i.message,
          params: 'maximum' in i ? { max: Number(i.maximum) } : {},
        })),
        firm.name ?? '',
        firm.cvr,
      );
    let values: CompanyRowValues;
    try {
      values = validateCompanyFields(db, parsed.data, {
        selfId: stored?.id,
        requireName: !stored,
        lookups,
        onUnknownIndustry: (code, system) => unknownIndustry.note(code, system, item.line ?? item.ref ?? null),
      });
    } catch (err) {
      if (err instanceof DomainError && err.fields.length) return fail(err.fields, firm.name ?? '', firm.cvr);
      throw err;
    }
    const flags = { reklamebeskyttet: firm.reklamebeskyttet ? 1 : 0, ceased: firm.ceased ? 1 : 0 };
    const snapshot: Snapshot = {};
    for (const f of REFRESHED)
      snapshot[f] =
        f === 'employees'
          ? firm.employees && [firm.employees.low, firm.employees.high]
          : ((values as Record<string, unknown>)[f] ?? null);
    snapshots.push([firm.cvr], snapshot);

    const preview = { ...where, entity: 'companies', name: firm.name ?? stored?.name ?? '', cvr: firm.cvr };
    if (!stored) {
      report.count('companies', 'add');
      report.row({ ...preview, action: 'add', note: firm.ceased ? text('cvrImport.ceasedNote') : undefined });
      if (keepPlan)
        plan.push({
          line: item.line ?? 0,
          action: 'add',
          matchId: null,
          uuid: null,
          values: { ...values, record_type: 'registered', ...flags } as CompanyRowValues,
          ownerName: undefined,
          consultantName: undefined,
        });
      return true;
    }
    const before = stored.register_values ? (JSON.parse(stored.register_values) as Snapshot) : {};
    const changes: Record<string, unknown> = {};
    const diffs: FieldDiff[] = [];
    const kept: string[] = [];
    for (const f of REFRESHED) {
      const register = (values as Record<string, unknown>)[f] ?? null;
      const mine = stored[f] ?? null;
      if (agrees(f, mine, register, firm)) continue;
      // Empty here, or still what the register said last time: the register has moved on, follow it.
      const follows =
        mine === null ||
        (f in before &&
          JSON.stringify(before[f]) === JSON.stringify(f === 'employees' ? bandOf(mine, before[f]) : mine));
      const keep = !follows && !takeRegister;
      diffs.push({ field: f, from: mine, to: register, ...(keep && { kept: true }) });
      if (keep) kept.push(f);
      else changes[f] = register;
    }
    // The system goes with the code: it follows the register whenever the code does.
    const system = values.industry_system;
    if (system && system !== stored.industry_system && !kept.includes('industry_code')) {
      diffs.push({ field: 'industry_system', from: stored.industry_system ?? null, to: system });
      changes.industry_system = system;
    }
    for (const [f, v] of Object.entries(flags))
      if (stored[f] !== v) {
        diffs.push({ field: f, from: stored[f] ?? null, to: v });
        changes[f] = v;
      }
    if (stored.record_type !== 'registered') changes.record_type = 'registered';
    const updated = Object.keys(changes).filter((k) => k !== 'record_type');
    const action: RowAction = updated.length ? 'update' : kept.length ? 'kept_local' : 'unchanged';
    report.count('companies', action);
    report.row({
      ...preview,
      action,
      changes: updated.length ? updated : undefined,
      diffs: diffs.length ? diffs : undefined,
      note: kept.length ? text('cvrImport.keptLocal', { fields: kept.join(', ') }) : undefined,
    });
    if (keepPlan && action === 'update')
      plan.push({
        line: item.line ?? 0,
        action: 'update',
        matchId: stored.id,
        uuid: null,
        values: changes as CompanyRowValues,
        ownerName: undefined,
        consultantName: undefined,
      });
    return true;
  };

  let bytes = 0;
  for await (const item of extractItems(file, (done) => {
    bytes = done;
  })) {
    judge(item);
    if (++judged % DOCS_PER_TURN === 0) {
      if (judged % CHUNK === 0) ctx.job.progress(bytes, file.size, text('import.phase.check'));
      await checkpoint(ctx.job.signal);
    }
  }
  ctx.job.progress(file.size, file.size, text('import.phase.check'));
  report.warnings.push(...unknownIndustry.warnings(text));
  return {
    report: report.build({ fileName: file.name, format: 'cvr', fingerprint: file.sha256 }),
    write: (wdb, wctx) => {
      const counts = commitRows(wdb, plan, wctx);
      rememberRegister(wdb, snapshots);
      return counts;
    },
    reusable: keepPlan,
  };
}

/** A stored count as the band the register gave last time, when it lies inside it (so "12" still follows "10-19"). */
function bandOf(mine: unknown, band: unknown): unknown {
  if (!Array.isArray(band) || typeof mine !== 'number') return mine;
  const [low, high] = band as [number, number];
  return mine >= low && mine <= high ? band : mine;
}

/** The register's values for every firm read, so the next extract can tell local corrections from register changes. */
function rememberRegister(db: Database, snapshots: JsonRows): void {
  const now = nowStamp();
  const idOf = db.prepare('SELECT id FROM companies WHERE cvr = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO company_register(company_id, register_values, read_at) VALUES (?, ?, ?)
     ON CONFLICT(company_id) DO UPDATE SET register_values = excluded.register_values, read_at = excluded.read_at`,
  );
  for (const { head, values } of snapshots.rows()) {
    const id = idOf.get(head[0]) as number | undefined;
    if (id !== undefined) upsert.run(id, JSON.stringify(values), now);
  }
}
