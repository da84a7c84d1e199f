import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, getCompany } from '../../../../src-main/core/companies/company-repo';
import { companyCreateSchema } from '../../../../src-main/core/companies/schema';
import { validateCompanyFields } from '../../../../src-main/core/companies/validate';
import { cvrCheckDigit } from '../../../../src-main/core/domain/cvr';
import { parseCsv } from '../../../../src-main/core/interop/csv/csv-parse';
import { entityByKey } from '../../../../src-main/core/interop/entities';
import { guessMapping } from '../../../../src-main/core/interop/fields/header-guess';
import { message, messageOrText } from '../../../../src-main/core/messages';
import {
  apiName,
  COMPANY_FIELDS,
  COMPANY_FILE_FIELDS,
  type CompanyFieldDef,
  FORM_FIELDS,
  IMPORT_FIELDS,
  inDisplayOrder,
  inputName,
} from '../../../../src-shared/fields/companies';
import { exportTo, freshDb, readWorkbook } from '../../../helpers/interop';
import { tempDir } from '../../../helpers/temp-db';

/**
 * The company field registry (src-shared/fields/companies.ts) is the one description of a
 * company; these checks fail as soon as the database, the committed caseload-file schema, the
 * exported headers or the import drift from it.
 */
const FIELDS: readonly CompanyFieldDef[] = COMPANY_FIELDS;
const SCHEMA_FILE = path.resolve(__dirname, '../../../../resources/schema/caseload-file.schema.json');
const SHEET_FIELDS = inDisplayOrder(FIELDS.filter((x) => x.sheet));

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

let dir: { dir: string; cleanup: () => void };
let db: Database;
beforeAll(() => {
  dir = tempDir();
  db = freshDb(dir.dir, 'registry.db');
});
afterAll(() => {
  db.close();
  dir.cleanup();
});

describe('the company field registry and the live schema', () => {
  it('names a column of the companies table, of the right type and nullability, for every field', () => {
    const columns = new Map((db.pragma('table_info(companies)') as ColumnInfo[]).map((c) => [c.name, c] as const));
    const problems: string[] = [];
    for (const x of FIELDS) {
      const col = columns.get(x.column);
      if (!col) {
        problems.push(`${x.prop}: no column ${x.column}`);
        continue;
      }
      const sqlType =
        x.type === 'integer' || x.type === 'boolean' || x.ref ? 'INTEGER' : x.type === 'real' ? 'REAL' : 'TEXT';
      if (col.type !== sqlType) problems.push(`${x.prop}: ${x.column} is ${col.type}, the registry says ${sqlType}`);
      if (Boolean(x.required) !== (col.notnull === 1 || col.pk === 1))
        problems.push(`${x.prop}: required ${Boolean(x.required)} but ${x.column} notnull=${col.notnull}`);
    }
    const known = new Set([...FIELDS.map((x) => x.column), ...(entityByKey('companies')?.derived ?? [])]);
    for (const c of columns.keys()) if (!known.has(c)) problems.push(`companies.${c} is in no registry entry`);
    expect(problems).toEqual([]);
  });

  it('keeps the longest stored value the database allows', () => {
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'companies'").get() as { sql: string }).sql;
    const checked = [...sql.matchAll(/length\((\w+)\) (?:= |BETWEEN 1 AND )(\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(checked.length).toBeGreaterThan(0);
    for (const [column, length] of checked)
      expect(FIELDS.find((x) => x.column === column)?.max, String(column)).toBe(length);
  });

  it('offers the codes the database accepts', () => {
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'companies'").get() as { sql: string }).sql;
    const checked = [...sql.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)];
    expect(checked.length).toBeGreaterThan(0);
    for (const [, column, list] of checked) {
      const codes = [...(list ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(FIELDS.find((x) => x.column === column)?.enum, String(column)).toEqual(codes);
    }
  });
});

describe('the company field registry and what Bindeled reads and writes', () => {
  it('is what the API returns, under the API names and in the registry order', () => {
    const company = createCompany(db, companyCreateSchema.parse({ name: 'Registry ApS', ownerName: 'Ejer' }));
    const names = FIELDS.flatMap((x) => [apiName(x), ...(x.shows ? [x.shows.prop] : [])]);
    expect(Object.keys(getCompany(db, company.id))).toEqual(names);
  });

  it('stores every field the API accepts in its own column', () => {
    const plain = FIELDS.filter((x) => x.input && !x.input.createOnly && x.type === 'text' && !x.enum && !x.ref);
    expect(plain.length).toBeGreaterThan(0);
    for (const x of plain) {
      // A value every text rule accepts: digits for the CVR-like fields, an address-like text otherwise.
      const sample: Record<string, string> = {
        cvr: `1234567${cvrCheckDigit('1234567')}`,
        pNumber: '1234567890',
        postcode: '8000',
        industryCode: '011100',
        email: 'a@b.dk',
        website: 'www.b.dk',
      };
      const values = validateCompanyFields(db, { [inputName(x)]: sample[x.prop] ?? 'Tekst' }, { requireName: false });
      expect(values, x.prop).toHaveProperty(x.column);
    }
  });

  it('is the caseload file and its committed JSON Schema', () => {
    const committed = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
      $defs: {
        companies: {
          properties: Record<string, { maxLength?: number; enum?: string[]; anyOf?: unknown[] }>;
          required: string[];
        };
      };
    };
    const def = committed.$defs.companies;
    expect(Object.keys(def.properties)).toEqual(FIELDS.filter((x) => x.file !== false).map((x) => x.prop));
    expect(def.required).toEqual(FIELDS.filter((x) => x.file !== false && x.required).map((x) => x.prop));
    for (const x of COMPANY_FILE_FIELDS) {
      const p = def.properties[x.prop];
      const inner = (p?.anyOf?.[0] ?? p) as { maxLength?: number; enum?: string[] };
      if (x.type === 'text' && !x.enum && !x.ref) expect(inner.maxLength, x.prop).toBe(x.max);
      if (x.enum) expect(inner.enum, x.prop).toEqual([...x.enum]);
    }
  });

  it('is the header of the CSV and XLSX exports, and the import maps those headers back to the same fields', async () => {
    const headers = SHEET_FIELDS.map((x) => messageOrText(x.label ?? x.prop, {}, 'da'));
    const csv = path.join(dir.dir, 'companies.csv');
    await exportTo(db, 'csv', csv, { kind: 'all' }, 'companies');
    const text = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '');
    const first = parseCsv(text, ';', 'companies.csv').next().value;
    expect(first?.cells).toEqual(headers);

    const xlsx = path.join(dir.dir, 'all.xlsx');
    await exportTo(db, 'xlsx', xlsx);
    const sheet = (await readWorkbook(xlsx)).get(message('sheet.companies', {}, 'da'));
    expect(sheet?.[0]).toEqual(headers);

    const mapped = guessMapping(headers).mapping;
    expect(mapped).toEqual(SHEET_FIELDS.map((x) => (x.import ? (x.import.as ?? x.prop) : null)));
    expect(mapped.filter((m) => m !== null)).toEqual(IMPORT_FIELDS);
  });

  it('is the form, every form field written by the API', () => {
    const inputs = new Set(FIELDS.filter((x) => x.input).map(inputName));
    const asInput = (field: string) => FIELDS.find((x) => (x.form?.as ?? x.prop) === field);
    for (const field of FORM_FIELDS) {
      const def = asInput(field);
      expect(def?.input, field).toBeDefined();
      expect(inputs.has(inputName(def as CompanyFieldDef)), field).toBe(true);
    }
  });
});
