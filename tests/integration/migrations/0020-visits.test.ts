import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseloadPage, Company, FollowUpPage, VisitSaved, VisitSearchPage } from '../../../src-main/api/contract';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { headlessShell } from '../../../src-main/api/headless-shell';
import { latestVersion } from '../../../src-main/core/db/migrate';
import { openDatabase } from '../../../src-main/core/db/open';
import { tempDir } from '../../helpers/temp-db';
import { daysFromToday, today } from '../../helpers/visits';

/**
 * Migration 20 (visits) on a database made by schema 10 only: tests/fixtures/schema-v10.db was
 * written by migration 10's `up` on an empty file plus a few companies and contacts
 * (scripts/make-schema-fixture.ts 10), and is committed as it was made.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/schema-v10.db');

let cleanup = () => {};
afterEach(() => cleanup());

function copyOfFixture(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  const file = path.join(t.dir, 'caseload.db');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

describe('a schema-10 database opened by this version', () => {
  it('keeps its companies and contacts, and gains working visits, follow-ups, search and drafts', async () => {
    const file = copyOfFixture();
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(10);
    const companiesBefore = raw.prepare('SELECT * FROM companies ORDER BY id').all() as Array<Record<string, unknown>>;
    const contactsBefore = raw.prepare('SELECT * FROM contacts ORDER BY id').all() as Array<Record<string, unknown>>;
    raw.close();
    expect(companiesBefore.length).toBeGreaterThan(0);

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const companiesAfter = db.prepare('SELECT * FROM companies ORDER BY id').all() as Array<Record<string, unknown>>;
    // Later migrations may add columns; every value schema 10 held must still be there.
    expect(companiesAfter).toEqual(companiesBefore.map((c) => expect.objectContaining(c)));
    expect(companiesAfter.every((c) => c.last_contact === null && c.next_followup === null)).toBe(true);
    expect(db.prepare('SELECT * FROM contacts ORDER BY id').all()).toEqual(
      contactsBefore.map((c) => expect.objectContaining(c)),
    );

    const dispatch = createDispatcher({
      db,
      dbPath: file,
      transport: 'cli',
      appVersion: 'test',
      emit: () => {},
      shell: headlessShell(path.join(path.dirname(file), 'docs')),
    });
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const firm = companiesBefore.find((c) => c.status !== 'closed' && c.status !== 'in_progress') ?? companiesBefore[0];
    const firmId = Number(firm?.id);
    const contact = db.prepare('SELECT id FROM contacts WHERE company_id = ?').get(firmId) as
      | { id: number }
      | undefined;
    await call('drafts.save', { key: `visit:new:${firmId}`, payload: { notes: 'kladde' } });
    const saved = (await call('visits.create', {
      companyId: firmId,
      date: today(),
      participantIds: contact ? [contact.id] : [],
      needs: ['digitalisation'],
      notes: 'Vil sælge æblemost på nettet; mangler hjemmeside.',
      followups: [{ title: 'Send tilbud på webshop', dueDate: daysFromToday(4) }],
      draftKey: `visit:new:${firmId}`,
    })) as VisitSaved;
    expect(saved.company.status).toBe('in_progress');
    expect(((await call('search.visits', { query: 'æblemost' })) as VisitSearchPage).rows[0]?.visitId).toBe(
      saved.visit.id,
    );
    const caseload = (await call('companies.list', { search: 'hjemmeside', notes: true })) as CaseloadPage;
    expect(caseload.rows.map((r) => [r.id, r.lastContact, r.nextFollowup])).toEqual([
      [firmId, today(), daysFromToday(4)],
    ]);
    expect(((await call('followups.list', { scope: 'all' })) as FollowUpPage).total).toBe(1);
    expect(await call('drafts.get', { key: `visit:new:${firmId}` })).toBeNull();
    expect(((await call('companies.get', { id: firmId })) as Company).name).toBe(firm?.name);
    db.close();
  });
});
