import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { shippedResource } from '../app/paths';
import { DomainError } from '../errors';
import { importInOneGo } from '../interop/import-service';
import type { Locale } from '../messages';
import { addPresentDay, makeDemoLetters } from './demo-today';
import type { DemoResult } from './report-schema';

/**
 * The demo programme as a caseload file shipped with the app. tools/demo/ writes it (one fictional
 * year whose report for 01.10.2010–17.10.2011 gives the press release's figures);
 * tests/integration/tools/demo/demo-programme.test.ts checks that the shipped file is what the tool writes.
 */
export const DEMO_FILE = path.join('demo', 'demoprogram.bindeled.json');

function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

function refuseFirms(db: Database): void {
  const existing = count(db, 'companies');
  if (existing > 0) throw new DomainError('conflict', 'demo.notEmpty', { count: existing });
}

/**
 * Loads the demo programme into an EMPTY database through the same import a consultant's caseload
 * file goes through, then adds the present-day slice dated from today, the fictional office's
 * letterhead and a letter of each kind (demo-today.ts). Demo firms must never mix with real ones: the database is checked before the
 * file is read and again just before the import's one transaction.
 */
export async function importDemoProgramme(db: Database, locale: Locale = 'da'): Promise<DemoResult> {
  refuseFirms(db);
  const file = shippedResource(DEMO_FILE);
  const result = await importInOneGo(db, file, {}, 'abort', {
    locale,
    beforeWrite: async () => refuseFirms(db),
    // The present day is written in the import's transaction: a demo is whole or not there.
    inSameWrite: () => addPresentDay(db),
  });
  if (!result.written) {
    throw new DomainError('invalid_input', 'demo.fileRejected', {
      file,
      reason: result.issues[0]?.message ?? '',
    });
  }
  await makeDemoLetters(db, undefined, locale);
  return {
    companies: count(db, 'companies'),
    visits: count(db, 'visits'),
    referrals: count(db, 'referrals'),
    lagApplications: count(db, 'lag_applications'),
    knowledgeContacts: count(db, 'knowledge_contacts'),
    networks: count(db, 'networks'),
  };
}
