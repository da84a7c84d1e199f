import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { defaultDocumentsDir } from '../app/paths';
import { blobPath, hasBlob, storeOf } from '../attachments/attachment-store';
import { listAuditForCompany } from '../audit/audit-log';
import { getCompany } from '../companies/company-repo';
import { all, get, nowStamp } from '../db/sql';
import { DomainError } from '../errors';
import { copyFile, writeNewFile } from '../files/file-ops';
import { tempPathBeside, tempPathIn } from '../files/leftovers';
import { safeFileName, uniquePath } from '../files/safe-file-name';
import { commitStaged, discardStaged, flushFile, stageFiles } from '../files/staged-files';
import { recordWrittenFile } from '../files/written-files';
import { currentActor } from '../settings/settings-repo';
import { searchesMatching } from './access-log';
import { companySubject } from './company-subject';
import { columnsOf, tableExists, tablesWithCompanyId } from './personal-data';
import type { AccessLogEntry, AccessRequestResult } from './privacy-types';

export type AccessSubject = { companyId: number } | { personName: string };

/** Tables whose rows belong to a company through a parent (visit_needs → visits → company). */
function childTables(db: Database, parents: readonly string[]): Array<{ table: string; fk: string; parent: string }> {
  const out: Array<{ table: string; fk: string; parent: string }> = [];
  const tables = all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
  ).map((r) => r.name);
  for (const t of tables) {
    if (parents.includes(t) || columnsOf(db, t).some((c) => c.name === 'company_id')) continue;
    const fks = db.pragma(`foreign_key_list(${JSON.stringify(t)})`) as Array<{ table: string; from: string }>;
    for (const fk of fks) if (parents.includes(fk.table)) out.push({ table: t, fk: fk.from, parent: fk.table });
  }
  return out;
}

const SKIP = new Set(['companies', 'audit_log', 'access_log']);

/** Every row in every table that belongs to the company, by table name. */
function relatedRows(db: Database, companyId: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const owners = tablesWithCompanyId(db).filter((t) => !SKIP.has(t));
  for (const t of owners) {
    const rows = all(db, `SELECT * FROM "${t}" WHERE company_id = ?`, [companyId]);
    if (rows.length) out[t] = rows;
  }
  for (const c of childTables(db, owners)) {
    const rows = all(
      db,
      `SELECT * FROM "${c.table}" WHERE "${c.fk}" IN (SELECT id FROM "${c.parent}" WHERE company_id = ?)`,
      [companyId],
    );
    if (rows.length) out[c.table] = [...(out[c.table] ?? []), ...rows];
  }
  return out;
}

function accessEntries(db: Database, companyId: number, texts: readonly string[]): AccessLogEntry[] {
  const searches = searchesMatching(db, texts).map((s) => s.id);
  return all<AccessLogEntry>(
    db,
    `SELECT id, at, actor, transport, action, method, company_id AS companyId, detail FROM access_log
     WHERE company_id = ? OR id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    [companyId, JSON.stringify(searches)],
  );
}

function aboutCompany(db: Database, companyId: number) {
  const company = getCompany(db, companyId);
  return {
    company,
    privacy: get(
      db,
      'SELECT closed_at AS closedAt, anonymised_at AS anonymisedAt FROM company_privacy WHERE company_id = ?',
      [companyId],
    ) ?? { closedAt: null, anonymisedAt: null },
    related: relatedRows(db, companyId),
    audit: listAuditForCompany(db, companyId, 100_000),
    accessLog: accessEntries(db, companyId, companySubject(db, companyId).texts),
  };
}

/** Everything Bindeled holds about a company or a person, as one JSON-able object. */
export function collectAccessRequest(db: Database, subject: AccessSubject) {
  const header = {
    format: 'bindeled-access-request',
    version: 1,
    generatedAt: nowStamp(),
    generatedBy: currentActor(db),
  };
  if ('companyId' in subject) {
    return { ...header, subject: { companyId: subject.companyId }, companies: [aboutCompany(db, subject.companyId)] };
  }
  const name = subject.personName.trim();
  // In JavaScript: SQLite's lower() folds only ASCII, and Danish names have Æ, Ø and Å.
  const wanted = name.toLocaleLowerCase('da');
  const same = (v: unknown) => typeof v === 'string' && v.trim().toLocaleLowerCase('da') === wanted;
  const contacts = all<{ id: number; company_id: number; name: string }>(
    db,
    'SELECT id, company_id, name FROM contacts ORDER BY id',
  ).filter((c) => same(c.name));
  const knowledge = tableExists(db, 'knowledge_contacts')
    ? all<Record<string, unknown>>(db, 'SELECT * FROM knowledge_contacts WHERE person_name IS NOT NULL').filter((k) =>
        same(k.person_name),
      )
    : [];
  if (contacts.length === 0 && knowledge.length === 0)
    throw new DomainError('not_found', 'privacy.personUnknown', { name });
  const companyIds = [...new Set(contacts.map((c) => c.company_id))];
  const contactAudit = all(
    db,
    `SELECT * FROM audit_log WHERE entity = 'contact' AND entity_id IN (${contacts.map(() => '?').join(',') || 'NULL'})`,
    contacts.map((c) => c.id),
  );
  return {
    ...header,
    subject: { personName: name },
    companies: companyIds.map((id) => aboutCompany(db, id)),
    knowledgeContacts: knowledge,
    contactAudit,
  };
}

/** The companies' attachments whose files are in the store (a missing one is listed in the JSON only). */
function attachmentFiles(db: Database, companyIds: readonly number[]): Array<{ name: string; source: string }> {
  const store = storeOf(db);
  if (!store || !tableExists(db, 'attachments')) return [];
  return all<{ name: string; sha256: string }>(
    db,
    'SELECT name, sha256 FROM attachments WHERE company_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    [JSON.stringify(companyIds)],
  )
    .filter((a) => hasBlob(store, a.sha256))
    .map((a) => ({ name: a.name, source: blobPath(store, a.sha256) }));
}

function plannedCopies(folder: string, files: ReadonlyArray<{ name: string; source: string }>) {
  fs.mkdirSync(folder, { recursive: true });
  const taken = new Set<string>();
  return files.map((f) => {
    const target = uniquePath(folder, safeFileName(f.name, 'bilag'), taken);
    taken.add(target.toLowerCase());
    return { source: f.source, target, temp: tempPathIn(folder, 'access-request') };
  });
}

/**
 * Writes the access request as JSON into the documents folder beside the database (never a path
 * from the UI), through a temporary name, and remembers the file so the UI may open it.
 */
export function writeAccessRequest(
  db: Database,
  dbPath: string,
  subject: AccessSubject,
  outFile?: string,
): AccessRequestResult {
  const data = collectAccessRequest(db, subject);
  const label = 'companyId' in subject ? (data.companies[0]?.company.name ?? 'virksomhed') : subject.personName;
  const dir = defaultDocumentsDir(dbPath);
  const file = outFile
    ? path.resolve(outFile)
    : uniquePath(dir, `${safeFileName(`Indsigt - ${label} - ${nowStamp().slice(0, 10)}`, 'indsigt')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const temp = tempPathBeside(file, 'access-request');
  // The attachments' files themselves go in a folder beside the JSON file, under their own names.
  const files = attachmentFiles(
    db,
    data.companies.map((c) => c.company.id),
  );
  const folder = files.length ? `${file.replace(/\.json$/i, '')} - bilag` : null;
  const copies = folder ? plannedCopies(folder, files) : [];
  stageFiles(db, [temp, ...copies.map((c) => c.temp)]);
  try {
    writeNewFile(temp, text);
    flushFile(temp);
    for (const c of copies) {
      copyFile(c.source, c.temp, true);
      flushFile(c.temp);
    }
    // A name the CLI was given may be replaced; one chosen here was free.
    commitStaged(
      db,
      [
        { temp, target: file, mayReplace: Boolean(outFile) },
        ...copies.map((c) => ({ temp: c.temp, target: c.target, mayReplace: false })),
      ],
      () => {
        recordWrittenFile(db, file, 'access-request');
        for (const c of copies) recordWrittenFile(db, c.target, 'access-request');
      },
    );
  } catch (err) {
    discardStaged(db, [temp, ...copies.map((c) => c.temp)]);
    throw err;
  }
  return {
    path: file,
    sizeBytes: Buffer.byteLength(text),
    companies: data.companies.length,
    contacts: data.companies.reduce((n, c) => n + ((c.related.contacts as unknown[] | undefined)?.length ?? 0), 0),
    attachmentFiles: copies.length,
    attachmentsFolder: folder,
  };
}
