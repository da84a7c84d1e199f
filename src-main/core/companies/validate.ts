import type { Database } from 'better-sqlite3';
import { defaultIndustrySystem, type IndustrySystem } from '../../../src-shared/codes/industry';
import {
  COMPANY_FIELDS,
  type CompanyColumnValues,
  type CompanyFieldDef,
  inputName,
} from '../../../src-shared/fields/companies';
import { dateProblem, parseDate, todayIso } from '../../../src-shared/format/dates';
import { get } from '../db/sql';
import { checkPNumber, isValidCvr, normaliseCvr, normalisePNumber } from '../domain/cvr';
import { EMAIL, WEBSITE } from '../domain/formats';
import { DomainError, type FieldIssue } from '../errors';
import { isIndustrySystem, isKnownIndustryCode, systemOfCode } from '../reference/industry-codes';
import { checkManualStatus } from '../visits/manual-status';
import type { CompanyCreate } from './schema';

type Fields = Partial<CompanyCreate>;

/** The two look-ups a row's check needs. */
interface CompanyLookups {
  cvrHolder: (cvr: string) => { id: number; name: string } | undefined;
  kommuneExists: (code: number) => boolean;
}

/** The look-ups asked of the database, one query each (a single form's check). */
const dbLookups = (db: Database): CompanyLookups => ({
  cvrHolder: (cvr) => get<{ id: number; name: string }>(db, 'SELECT id, name FROM companies WHERE cvr = ?', [cvr]),
  kommuneExists: (code) => get(db, 'SELECT 1 FROM kommuner WHERE code = ?', [code]) !== undefined,
});

/**
 * A new firm without a system gets the one its code is in (DB25 for anything typed in from 2025,
 * DB07 for a code only DB07 has). A code its system does not have is refused when a person types
 * it (a typo, or the wrong system chosen); an import, reading what a register or another system
 * wrote, only warns (`onUnknownIndustry`): the firm is real even if the table lacks its code.
 * A code already stored is not checked again when other fields change.
 */
function checkIndustry(db: Database, out: CompanyRowValues, opts: IndustryOptions): FieldIssue | null {
  if (opts.selfId !== undefined && out.industry_code === undefined && out.industry_system === undefined) return null;
  const stored =
    opts.selfId === undefined
      ? undefined
      : get<{ industry_code: string | null; industry_system: string }>(
          db,
          'SELECT industry_code, industry_system FROM companies WHERE id = ?',
          [opts.selfId],
        );
  if (!stored && out.industry_system === undefined)
    out.industry_system = systemOfCode(out.industry_code, defaultIndustrySystem(todayIso()));
  const code = out.industry_code !== undefined ? out.industry_code : (stored?.industry_code ?? null);
  const system = out.industry_system ?? stored?.industry_system;
  if (code === null || !isIndustrySystem(system) || isKnownIndustryCode(system, code)) return null;
  if (stored && stored.industry_code === code && stored.industry_system === system) return null;
  if (opts.onUnknownIndustry) {
    opts.onUnknownIndustry(code, system);
    return null;
  }
  return { field: 'industryCode', message: 'validation.industryUnknown', params: { code, system } };
}

interface IndustryOptions {
  selfId?: number;
  /** Called instead of refusing a code its system's table lacks (imports). */
  onUnknownIndustry?: (code: string, system: IndustrySystem) => void;
}

/** The columns a company row is written with, already normalised. */
export type CompanyRowValues = CompanyColumnValues;

/** Fields without a rule of their own below are stored as the schema left them (trimmed, empty as null). */
const INPUTS = (COMPANY_FIELDS as readonly CompanyFieldDef[]).filter((x) => x.input && !x.input.createOnly);

/**
 * Checks every field the input names and returns the normalised column values, or throws one
 * `invalid_input` error listing every bad field (so the form can mark all of them at once).
 */
export function validateCompanyFields(
  db: Database,
  input: Fields,
  opts: {
    selfId?: number;
    requireName: boolean;
    /**
     * Answers for the two look-ups a row needs, for a caller checking many rows (an import of
     * 100,000 rows reads the stored CVRs and the kommuner once). Without them the database is asked.
     */
    lookups?: CompanyLookups;
    onUnknownIndustry?: IndustryOptions['onUnknownIndustry'];
  },
): CompanyRowValues {
  const lookups = opts.lookups ?? dbLookups(db);
  const issues: FieldIssue[] = [];
  const out: CompanyRowValues = {};
  const seen = new Set<string>();
  const has = (k: keyof Fields) => {
    seen.add(k);
    return Object.hasOwn(input, k) && input[k] !== undefined;
  };

  if (has('name') || opts.requireName) {
    if (!input.name) issues.push({ field: 'name', message: 'validation.required' });
    else out.name = input.name;
  }
  if (has('cvr')) {
    if (input.cvr == null) out.cvr = null;
    else {
      const cvr = normaliseCvr(input.cvr);
      if (!/^\d{8}$/.test(cvr)) issues.push({ field: 'cvr', message: 'validation.cvrFormat' });
      else if (!isValidCvr(cvr)) issues.push({ field: 'cvr', message: 'validation.cvrChecksum', params: { cvr } });
      else {
        const other = lookups.cvrHolder(cvr);
        if (other && other.id !== opts.selfId) {
          issues.push({ field: 'cvr', message: 'validation.cvrDuplicate', params: { cvr, name: other.name } });
        } else out.cvr = cvr;
      }
    }
  }
  if (has('recordType')) out.record_type = input.recordType;
  if (has('pNumber')) {
    if (input.pNumber == null) out.p_number = null;
    else if (!checkPNumber(input.pNumber).ok) issues.push({ field: 'pNumber', message: 'validation.pNumberFormat' });
    else out.p_number = normalisePNumber(input.pNumber);
  }
  if (has('legalForm')) out.legal_form = input.legalForm ?? null;
  if (has('address')) out.address = input.address ?? null;
  if (has('city')) out.city = input.city ?? null;
  if (has('postcode')) {
    if (input.postcode != null && !/^\d{4}$/.test(input.postcode))
      issues.push({ field: 'postcode', message: 'validation.postcodeFormat' });
    else out.postcode = input.postcode ?? null;
  }
  if (has('kommuneCode')) {
    if (input.kommuneCode != null && !lookups.kommuneExists(input.kommuneCode)) {
      issues.push({ field: 'kommuneCode', message: 'validation.kommuneUnknown', params: { value: input.kommuneCode } });
    } else out.kommune_code = input.kommuneCode ?? null;
  }
  if (has('industryCode')) {
    const code = input.industryCode?.replace(/[.\s]/g, '') ?? null;
    if (code !== null && !/^\d{6}$/.test(code))
      issues.push({ field: 'industryCode', message: 'validation.industryFormat' });
    else out.industry_code = code;
  }
  if (has('industrySystem')) out.industry_system = input.industrySystem;
  const industryIssue = checkIndustry(db, out, opts);
  if (industryIssue) issues.push(industryIssue);
  if (has('employees')) out.employees = input.employees ?? null;
  if (has('founded')) {
    if (input.founded == null) out.founded = null;
    else {
      const date = parseDate(input.founded);
      if (!date) issues.push({ field: 'founded', message: dateProblem(input.founded) });
      else if (date > todayIso()) issues.push({ field: 'founded', message: 'validation.dateFuture' });
      else out.founded = date;
    }
  }
  if (has('phone')) out.phone = input.phone ?? null;
  if (has('email')) {
    if (input.email != null && !EMAIL.test(input.email))
      issues.push({ field: 'email', message: 'validation.emailFormat' });
    else out.email = input.email ?? null;
  }
  if (has('website')) {
    if (input.website != null && !WEBSITE.test(input.website))
      issues.push({ field: 'website', message: 'validation.websiteFormat' });
    else out.website = input.website ?? null;
  }
  if (has('status')) out.status = input.status;
  if (has('statusReason')) out.status_reason = input.statusReason ?? null;
  issues.push(...checkManualStatus(db, input, opts.selfId));
  if (has('consultantId')) {
    if (input.consultantId != null && !get(db, 'SELECT 1 FROM consultants WHERE id = ?', [input.consultantId])) {
      issues.push({ field: 'consultantId', message: 'error.notFound', params: { entity: 'entity.consultant' } });
    } else out.consultant_id = input.consultantId ?? null;
  }
  for (const x of INPUTS) {
    const name = inputName(x) as keyof Fields;
    if (!seen.has(name) && has(name)) (out as Record<string, unknown>)[x.column] = input[name] ?? null;
  }

  if (issues.length > 0) throw new DomainError('invalid_input', 'error.invalidInput', {}, issues);
  return out;
}
