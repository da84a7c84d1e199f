/**
 * One timed job in a process of its own, so its peak memory is its own: the parent starts
 * `node --import tsx bench/jobs/job.ts '<json>'` and reads one JSON line back.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../src-main/core/db/open';
import { openStore } from '../lib/store';

export interface JobSpec {
  kind:
    | 'export-csv'
    | 'export-xlsx'
    | 'bare-csv'
    | 'bare-xlsx'
    | 'import-csv'
    | 'import-cvr'
    | 'bare-cvr'
    | 'bare-insert'
    | 'floor-insert'
    | 'letters'
    | 'bare-docx';
  /** The generated caseload to read from. */
  db: string;
  /** The file to write, or the empty database to import into. */
  out: string;
  /** CVR extract to import (import-cvr, bare-cvr). */
  extract?: string;
  /** CSV to import (import-csv). */
  csv?: string;
  /** Companies to write letters for (letters, bare-docx). */
  ids?: number[];
  /** Letters: write each one's e-mail draft beside it. */
  email?: boolean;
}

export interface JobResult {
  ms: number;
  /** CPU time of the job (user + system). */
  cpuMs: number;
  maxRssMb: number;
  extra?: string;
}

const COMPANY_COLUMNS = `c.uuid, c.cvr, c.p_number, c.name, c.legal_form, c.address, c.postcode, c.city, c.kommune_code,
  c.industry_code, c.employees, c.founded, c.phone, c.email, c.website, c.status, c.status_reason, c.owner_name,
  c.created_at, c.updated_at`;

async function timed(fn: () => Promise<string | undefined> | string | undefined): Promise<JobResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const extra = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, extra };
}

/** The plain way to write the same rows: `;`-separated lines, no escaping rules beyond quotes. */
function bareCsv(spec: JobSpec): string {
  const db = new BetterSqlite3(spec.db, { readonly: true });
  const fd = fs.openSync(spec.out, 'w');
  let buf: string[] = [];
  let n = 0;
  const quote = (v: unknown) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
  for (const row of db
    .prepare(`SELECT ${COMPANY_COLUMNS} FROM companies c ORDER BY c.name_sort, c.id`)
    .raw()
    .iterate()) {
    buf.push((row as unknown[]).map(quote).join(';'));
    if (buf.length === 5000) {
      fs.writeSync(fd, `${buf.join('\r\n')}\r\n`);
      buf = [];
    }
    n++;
  }
  fs.writeSync(fd, `${buf.join('\r\n')}\r\n`);
  fs.closeSync(fd);
  db.close();
  return `${n} rows`;
}

/**
 * The tables the app's workbook has a sheet for (companies, contact persons and each part of a
 * firm's history, interop/sheets/company-sheets.ts), every row and column as stored, written with
 * exceljs's streaming writer and nothing else: no labels, formats, types or sanitising.
 */
const WORKBOOK_TABLES = [
  'companies',
  'contacts',
  'visits',
  'followups',
  'referrals',
  'lag_applications',
  'lag_budget_lines',
  'knowledge_contacts',
  'network_members',
  'documents',
];

async function bareXlsx(spec: JobSpec): Promise<string> {
  const db = new BetterSqlite3(spec.db, { readonly: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: spec.out, useStyles: true });
  let n = 0;
  for (const table of WORKBOOK_TABLES) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    const sheet = wb.addWorksheet(table, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
      sheet.addRow(row as unknown[]).commit();
      n++;
    }
    sheet.commit();
  }
  await wb.commit();
  db.close();
  return `${n} rows`;
}

/** What an import has to write, inserted with prepared statements in one transaction, nothing checked. */
function bareInsert(spec: JobSpec): () => string {
  const src = new BetterSqlite3(spec.db, { readonly: true });
  const rows = src
    .prepare(`SELECT c.uuid, c.record_type, c.cvr, c.name, c.name_sort, c.legal_form, c.address, c.postcode, c.city,
      c.kommune_code, c.industry_code, c.employees, c.founded, c.phone, c.email, c.website, c.status,
      c.created_at, c.updated_at, c.owner_name FROM companies c ORDER BY c.id`)
    .raw()
    .all() as unknown[][];
  src.close();
  const db = openDatabase(spec.out, { beforeMigrate: null });
  const company = db.prepare(`INSERT INTO companies(uuid, record_type, cvr, name, name_sort, legal_form, address,
    postcode, city, kommune_code, industry_code, employees, founded, phone, email, website, status, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const contact = db.prepare(`INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at)
    VALUES (lower(hex(randomblob(16))), ?, ?, 1, ?, ?)`);
  return () => {
    db.transaction(() => {
      for (const r of rows) {
        const id = company.run(...r.slice(0, 19)).lastInsertRowid;
        if (r[19] !== null) contact.run(id, r[19], r[17], r[18]);
      }
    })();
    db.close();
    return `${rows.length} rows`;
  };
}

/**
 * The floor an import's write can approach: the rows it writes for each firm (the firm with its
 * sort and shown names, its owner as a contact, the two history entries), their values made
 * beforehand, inserted in one transaction into the same tables with every trigger and every
 * secondary index dropped. Only what defines the tables stays: their rowids and UNIQUE keys.
 */
function floorInsert(spec: JobSpec): () => string {
  const src = new BetterSqlite3(spec.db, { readonly: true });
  const rows = src
    .prepare(`SELECT c.uuid, c.record_type, c.cvr, c.name, c.name_sort, c.legal_form, c.address, c.postcode, c.city,
      c.kommune_code, c.industry_code, c.employees, c.founded, c.phone, c.email, c.website, c.status,
      c.created_at, c.updated_at, c.kommune_name, c.owner_name FROM companies c ORDER BY c.id`)
    .raw()
    .all() as unknown[][];
  src.close();
  const columns = `uuid, record_type, cvr, name, name_sort, legal_form, address, postcode, city, kommune_code,
    industry_code, employees, founded, phone, email, website, status, created_at, updated_at, kommune_name, owner_name`;
  const names = columns.split(',').map((c) => c.trim());
  const audits = rows.map((r) => JSON.stringify(Object.fromEntries(names.slice(0, 19).map((c, i) => [c, r[i]]))));
  const ownerAudits = rows.map((r) => (r[20] === null ? null : JSON.stringify({ name: r[20], is_owner: 1 })));
  const contactUuids = rows.map(() => randomUUID());
  const db = openDatabase(spec.out, { beforeMigrate: null });
  const tables = ['companies', 'contacts', 'audit_log'];
  const dropped = db
    .prepare(
      `SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL
       AND (type = 'trigger' OR (type = 'index' AND tbl_name IN (SELECT value FROM json_each(?))))`,
    )
    .all(JSON.stringify(tables)) as Array<{ type: string; name: string }>;
  for (const d of dropped) db.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  const company = db.prepare(`INSERT INTO companies(${columns}) VALUES (${names.map(() => '?').join(', ')})`);
  const contact = db.prepare(`INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at)
    VALUES (?, ?, ?, 1, ?, ?)`);
  const audit = db.prepare(`INSERT INTO audit_log(at, actor, entity, entity_id, company_id, action, after, reason)
    VALUES (?, 'bench', ?, ?, ?, 'create', ?, 'floor')`);
  return () => {
    db.transaction(() => {
      rows.forEach((r, i) => {
        const id = company.run(r).lastInsertRowid;
        audit.run(r[17], 'company', id, id, audits[i]);
        if (r[20] !== null) {
          const contactId = contact.run(contactUuids[i], id, r[20], r[17], r[18]).lastInsertRowid;
          audit.run(r[17], 'contact', contactId, id, ownerAudits[i]);
        }
      });
    })();
    db.close();
    return `${rows.length} rows; ${dropped.length} triggers and indexes dropped`;
  };
}

async function bareDocx(spec: JobSpec): Promise<string> {
  const ids = spec.ids ?? [];
  fs.mkdirSync(spec.out, { recursive: true });
  for (const id of ids) {
    const doc = new Document({ sections: [{ children: [new Paragraph(`Henvisning af virksomhed ${id}`)] }] });
    fs.writeFileSync(`${spec.out}/minimal-${id}.docx`, await Packer.toBuffer(doc));
  }
  return `${ids.length} documents`;
}

/** The plain way: each line parsed and its current name, CVR and postcode inserted, nothing checked or compared. */
async function bareCvr(spec: JobSpec): Promise<string> {
  const db = openDatabase(spec.out, { beforeMigrate: null });
  const insert = db.prepare(
    `INSERT INTO companies(uuid, record_type, cvr, name, name_sort, postcode, status, industry_system, created_at, updated_at)
     VALUES (?, 'registered', ?, ?, ?, ?, 'identified', 'DB07', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const { createInterface } = await import('node:readline');
  const docs: Array<[string, string, string]> = [];
  for await (const line of createInterface({ input: fs.createReadStream(spec.extract ?? '') })) {
    if (!line) continue;
    const v = JSON.parse(line).Vrvirksomhed;
    const m = v.virksomhedMetadata;
    docs.push([String(v.cvrNummer), m.nyesteNavn.navn, String(m.nyesteBeliggenhedsadresse.postnummer)]);
  }
  db.transaction(() => {
    for (const [cvr, name, post] of docs) insert.run(randomUUID(), cvr, name, name.toLowerCase(), post);
  })();
  db.close();
  return `${docs.length} firms`;
}

async function run(spec: JobSpec): Promise<JobResult> {
  switch (spec.kind) {
    case 'bare-csv':
      return timed(() => bareCsv(spec));
    case 'bare-xlsx':
      return timed(() => bareXlsx(spec));
    case 'bare-insert': {
      const go = bareInsert(spec);
      return timed(go);
    }
    case 'floor-insert': {
      const go = floorInsert(spec);
      return timed(go);
    }
    case 'bare-docx':
      return timed(() => bareDocx(spec));
    case 'export-csv':
    case 'export-xlsx': {
      const store = openStore(spec.db);
      const format = spec.kind === 'export-csv' ? 'csv' : 'xlsx';
      const r = await timed(async () => {
        const out = await store.call<{ bytes: number; counts: Record<string, number> }>(
          'interop.export',
          { format, path: spec.out, scope: { kind: 'all' } },
          'bench-export',
        );
        const rows = Object.values(out.counts).reduce((a, b) => a + b, 0);
        return `${(out.bytes / 2 ** 20).toFixed(0)} MB, ${rows} rows`;
      });
      store.close();
      return r;
    }
    case 'import-csv': {
      const store = openStore(spec.out);
      const csv = spec.csv ?? '';
      const t0 = performance.now();
      const preview = await store.call<{ fingerprint: string }>('interop.preview', { path: csv }, 'bench-preview');
      const previewMs = performance.now() - t0;
      const r = await timed(async () => {
        const result = await store.call<{ rows: number; totals: { add: number; invalid: number } }>(
          'interop.import',
          { path: csv, fingerprint: preview.fingerprint },
          'bench-import',
        );
        const { add, invalid } = result.totals;
        return `${result.rows} rows, ${add} added, ${invalid} invalid; preview took ${(previewMs / 1000).toFixed(1)} s`;
      });
      store.close();
      return r;
    }
    case 'import-cvr': {
      const store = openStore(spec.out);
      const file = spec.extract ?? '';
      const r = await timed(async () => {
        const preview = await store.call<{ fingerprint: string }>('interop.preview', { path: file }, 'bench-preview');
        const result = await store.call<{ rows: number; totals: { add: number; invalid: number } }>(
          'interop.import',
          { path: file, fingerprint: preview.fingerprint },
          'bench-import',
        );
        const { add, invalid } = result.totals;
        return `${result.rows} firms, ${add} added, ${invalid} invalid`;
      });
      store.close();
      return r;
    }
    case 'bare-cvr':
      return timed(() => bareCvr(spec));
    case 'letters': {
      const store = openStore(spec.db);
      const r = await timed(async () => {
        const out = await store.call<{ documents: unknown[]; skipped: unknown[] }>(
          'documents.generateBatch',
          { kind: 'vaeksthus', companyIds: spec.ids ?? [], folder: spec.out, skipIncomplete: true, email: spec.email },
          'bench-letters',
        );
        return `${out.documents.length} letters${spec.email ? ' + drafts' : ''}${out.skipped.length ? `, ${out.skipped.length} skipped` : ''}`;
      });
      store.close();
      return r;
    }
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as JobSpec;
run(spec).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
