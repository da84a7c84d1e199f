import type { Database } from 'better-sqlite3';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import type { CompanyCreate } from '../../companies/schema';
import { all } from '../../db/sql';
import { COMPANY_STATUSES, type CompanyStatus, LEGAL_FORMS, type LegalForm } from '../../domain/company-status';
import type { FieldIssue } from '../../errors';
import { LOCALES, type MessageKey, message } from '../../messages';
import type { ImportField } from '../interop-schema';
import { type Cell, cellText, digitsText, parseCellDate, parseCellInteger, UUID } from './cell-values';

/** What one spreadsheet row asks for, before the company rules in validate.ts have looked at it. */
export interface RowInput {
  fields: Partial<CompanyCreate>;
  uuid?: string;
  consultantName?: string | null;
}

export interface RowConversion {
  dateOrder: 'dmy' | 'mdy';
  emptyCells: 'keep' | 'clear';
  kommuner: Map<string, number>;
}

const foldText = (s: string) => s.toLocaleLowerCase('da').replace(/[\s.\-/]+/g, '');

/**
 * Status, legal form and kommune columns repeat a few dozen values over thousands of rows; folding
 * (locale lower-case and a regex) is most of a row's conversion, so each distinct text is folded once.
 */
const folded = new Map<string, string>();
const fold = (s: string): string => {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldText(s);
    // Bounded: a column of free text (or a wrongly mapped one) must not grow the cache without end.
    if (folded.size >= 10_000) folded.clear();
    folded.set(s, f);
  }
  return f;
};

function labelTable<K extends string>(
  keys: readonly K[],
  labelKey: (k: K) => MessageKey,
  extra: Record<string, K>,
): Map<string, K> {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(fold(k), k);
    for (const locale of LOCALES) map.set(fold(message(labelKey(k), {}, locale)), k);
  }
  for (const [word, k] of Object.entries(extra)) map.set(fold(word), k);
  return map;
}

const STATUS_BY_TEXT = labelTable<CompanyStatus>(COMPANY_STATUSES, labelKey.companyStatus, {});
const LEGAL_FORM_BY_TEXT = labelTable<LegalForm>(LEGAL_FORMS, labelKey.legalFormShort, {
  Enkeltmandsvirksomhed: 'enkeltmand',
  'Personligt ejet virksomhed': 'enkeltmand',
  'Personligt ejet mindre virksomhed': 'enkeltmand',
  'Sole proprietorship': 'enkeltmand',
  Interessentskab: 'is',
  Anpartsselskab: 'aps',
  Aktieselskab: 'as',
  Iværksætterselskab: 'ivs',
  Andelsselskab: 'amba',
  'Andelsselskab med begrænset ansvar': 'amba',
  'Forening med begrænset ansvar': 'fmba',
  'Frivillig forening': 'forening',
  Anden: 'other',
  Andet: 'other',
});

export function kommuneLookup(db: Database): Map<string, number> {
  const map = new Map<string, number>();
  for (const k of all<{ code: number; name: string }>(db, 'SELECT code, name FROM kommuner')) {
    map.set(String(k.code), k.code);
    map.set(fold(k.name), k.code);
    map.set(fold(`${k.name} kommune`), k.code);
  }
  return map;
}

/**
 * Turns the mapped cells of one row into company fields. Format problems that only a spreadsheet
 * has (a label instead of a code, a thousands separator, Excel's lost leading zero) are handled
 * here; the company rules themselves stay in validateCompanyFields.
 */
export function convertRow(
  cells: readonly Cell[],
  mapping: ReadonlyArray<ImportField | null>,
  conv: RowConversion,
): { input: RowInput; issues: FieldIssue[] } {
  const fields: Record<string, unknown> = {};
  const input: RowInput = { fields: fields as Partial<CompanyCreate> };
  const issues: FieldIssue[] = [];
  const empty = conv.emptyCells === 'clear' ? null : undefined;

  mapping.forEach((field, i) => {
    if (!field) return;
    const cell = cells[i] ?? null;
    const text = cellText(cell);
    if (text === '') {
      if (field === 'uuid') return;
      if (field === 'consultant') input.consultantName = empty;
      else if (field === 'kommune') fields.kommuneCode = empty;
      else if (field !== 'name') fields[field] = empty;
      return;
    }
    switch (field) {
      case 'uuid':
        if (UUID.test(text)) input.uuid = text.toLowerCase();
        else issues.push({ field, message: 'import.row.uuidFormat', params: { value: text } });
        return;
      case 'cvr':
      case 'pNumber':
        fields[field] = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : text;
        return;
      case 'postcode':
        fields.postcode = digitsText(cell, 4);
        return;
      case 'industryCode':
        fields.industryCode = digitsText(cell, 6);
        return;
      case 'kommune': {
        const code = conv.kommuner.get(typeof cell === 'number' ? String(cell) : fold(text));
        if (code === undefined)
          issues.push({ field: 'kommuneCode', message: 'validation.kommuneUnknown', params: { value: text } });
        else fields.kommuneCode = code;
        return;
      }
      case 'employees': {
        const n = parseCellInteger(cell);
        if (n === undefined) issues.push({ field, message: 'validation.employeesRange' });
        else fields.employees = n;
        return;
      }
      case 'founded': {
        const iso = parseCellDate(cell, conv.dateOrder);
        if (iso === undefined) issues.push({ field, message: 'validation.dateFormat' });
        else fields.founded = iso;
        return;
      }
      case 'status': {
        const status = STATUS_BY_TEXT.get(fold(text));
        if (!status) issues.push({ field, message: 'import.row.statusUnknown', params: { value: text } });
        else fields.status = status;
        return;
      }
      case 'legalForm': {
        const form = LEGAL_FORM_BY_TEXT.get(fold(text));
        if (!form) issues.push({ field, message: 'import.row.legalFormUnknown', params: { value: text } });
        else fields.legalForm = form;
        return;
      }
      case 'consultant':
        input.consultantName = text;
        return;
      default:
        fields[field] = text;
    }
  });
  return { input, issues };
}
