import type { Database } from 'better-sqlite3';
import type { Company } from '../../src-main/api/contract';

/**
 * A company whose every trace can be searched for: distinctive enough that a hit in a file's
 * bytes can only be this company. Shared by the erasure tests of the live file and of backups.
 */
export const FIRM = 'Qvistrup Zylofon Værksted';
export const OWNER = 'Brunhilde Xanthippe Østergaard';
export const EMAIL = 'brunhilde@zylofon-vaerksted.dk';
export const NOTE = 'Brunhilde vil gerne udvide med et zylofonværksted';
export const FIRM_CVR = '13748136';

// 'ylofonværksted' is how the word-index (unicode61) stores the note's word after a shorter
// neighbour's prefix: finding it means the full-text index still holds the deleted note.
export const NEEDLES = [
  FIRM,
  OWNER,
  EMAIL,
  'Brunhilde',
  'Zylofonvej',
  'Hjalmar Zylofon-Smed',
  'hjalmar@zylofon.dk',
  NOTE,
  'ylofonværksted',
];

type Call = (method: string, input?: unknown) => Promise<unknown>;

/** Creates the company with contacts, a visit, a follow-up, an edit, and reads, a search and an access request about it. */
export async function seedPerson(
  call: Call,
  db: Database,
  name = FIRM,
  owner = OWNER,
  cvr = FIRM_CVR,
): Promise<Company> {
  const c = (await call('companies.create', {
    name,
    cvr,
    ownerName: owner,
    email: EMAIL,
    phone: '+45 8612 3456',
    kommuneCode: 706,
    industryCode: '25.99.00',
    legalForm: 'enkeltmand',
    employees: 1,
  })) as Company;
  await call('contacts.create', { companyId: c.id, name: 'Hjalmar Zylofon-Smed', email: 'hjalmar@zylofon.dk' });
  // Visits written as the visits repository stores them (their triggers keep the search index).
  const now = new Date().toISOString();
  const visit = db
    .prepare(
      `INSERT INTO visits(uuid, company_id, date, type, business_description, notes, created_at, updated_at)
       VALUES (?, ?, '2024-03-01', 'visit', ?, ?, ?, ?)`,
    )
    .run(`v-${c.id}`, c.id, `${owner} driver ${name}`, NOTE, now, now).lastInsertRowid;
  db.prepare("INSERT INTO visit_needs(visit_id, need) VALUES (?, 'financing')").run(visit);
  db.prepare(
    `INSERT INTO followups(uuid, company_id, visit_id, title, due_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, '2024-03-15', ?, ?)`,
  ).run(`f-${c.id}`, c.id, visit, `Ring til ${owner}`, now, now);
  await call('companies.update', { id: c.id, changes: { city: 'Zylofonby', address: 'Zylofonvej 7' } });
  // Consulted: a read, a search and an access request (the file's name carries the firm's name).
  await call('companies.get', { id: c.id });
  await call('companies.list', { search: 'Zylofon' });
  await call('privacy.accessRequest', { companyId: c.id });
  return c;
}
