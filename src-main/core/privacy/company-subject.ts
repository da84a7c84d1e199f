import type { Database } from 'better-sqlite3';
import { all, storedRow } from '../db/sql';
import { safeFileName } from '../files/safe-file-name';
import { personalStrings, tableExists } from './personal-data';

/** What erasing a company has to find: its own texts, and files Bindeled wrote about it. */
export interface CompanySubject {
  id: number;
  name: string;
  /** Every text the company or its people could be recognised by (see personalStrings). */
  strings: string[];
  /** The texts as stored (name, CVR, contacts…), for matching search terms against. */
  texts: string[];
  /** Paths of files Bindeled wrote about the company (its documents, exports named after it). */
  files: string[];
}

export function companySubject(db: Database, id: number): CompanySubject {
  const c = storedRow<Record<string, string | number | null>>(db, 'companies', id, 'entity.company');
  const name = String(c.name);
  const contacts = all<{ name: string; email: string | null; phone: string | null }>(
    db,
    'SELECT name, email, phone FROM contacts WHERE company_id = ?',
    [id],
  );
  const texts = [
    name,
    c.cvr as string | null,
    c.p_number as string | null,
    c.address as string | null,
    c.email as string | null,
    c.phone as string | null,
    c.website as string | null,
    ...contacts.flatMap((p) => [p.name, p.email, p.phone]),
  ];
  if (tableExists(db, 'knowledge_contacts')) {
    for (const k of all<{ person_name: string | null }>(
      db,
      'SELECT person_name FROM knowledge_contacts WHERE company_id = ?',
      [id],
    ))
      texts.push(k.person_name);
  }
  const files = new Set<string>();
  if (tableExists(db, 'documents')) {
    for (const d of all<{ path: string }>(db, 'SELECT path FROM documents WHERE company_id = ?', [id])) {
      files.add(d.path);
    }
  }
  // Exports and letters are named after the company (safeFileName): find them by that name.
  const stem = safeFileName(name, '');
  if (stem.length >= 4) {
    for (const w of all<{ path: string }>(db, 'SELECT path FROM written_files WHERE instr(path, ?) > 0', [stem])) {
      files.add(w.path);
    }
  }
  const present = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return { id, name, strings: personalStrings(texts), texts: present, files: [...files] };
}

/** Forgets the files in Bindeled's list of written files (their paths carry the company's name). */
export function forgetWrittenFiles(db: Database, files: readonly string[]): void {
  const stmt = db.prepare('DELETE FROM written_files WHERE path = ?');
  for (const f of files) stmt.run(f);
}
