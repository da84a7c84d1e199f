import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AccessLogPage,
  AccessRequestResult,
  AnonymiseResult,
  Company,
  HardDeleteResult,
  RetentionPage,
} from '../../../../src-main/api/contract';
import { recordWrittenFile } from '../../../../src-main/core/files/written-files';
import { pruneAccessLog } from '../../../../src-main/core/privacy/access-log';
import { FIRM, FIRM_CVR, NEEDLES, NOTE, OWNER, seedPerson as seedPersonWith } from '../../../helpers/privacy-seed';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

function seedPerson(name?: string, owner?: string, cvr?: string): Promise<Company> {
  return seedPersonWith(store.call, store.db, name, owner, cvr);
}

async function seedControl(): Promise<Company> {
  return (await store.call('companies.create', { name: 'Kontrolfirmaet Hedeby', kommuneCode: 751 })) as Company;
}

/** The database file and its WAL, as bytes: where a "deleted" name could linger. */
function fileBytes(): Buffer {
  const parts = [store.dbPath, `${store.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

function traces(needles: string[]): string[] {
  const bytes = fileBytes();
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

describe('hard delete (GDPR erasure)', () => {
  it('removes the company and everything about it, leaving no trace of the name in the file', async () => {
    const control = await seedControl();
    const c = await seedPerson();
    store.db.pragma('wal_checkpoint(PASSIVE)');
    expect(traces(NEEDLES).length).toBeGreaterThan(0);

    const r = (await store.call('privacy.deleteCompany', {
      id: c.id,
      confirmName: FIRM.toUpperCase(),
    })) as HardDeleteResult;
    expect(r.files.map((f) => f.deleted)).toEqual([false]);

    const got = await store.dispatch('companies.get', { id: c.id });
    expect(got.ok ? null : got.error.code).toBe('not_found');
    for (const table of ['contacts', 'visits', 'followups', 'audit_log']) {
      const n = store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE company_id = ?`).get(c.id) as { n: number };
      expect(n.n, table).toBe(0);
    }
    // Only secure_delete, the FTS purge and the TRUNCATE checkpoint so far, no VACUUM:
    expect(traces(NEEDLES)).toEqual([]);
    store.db.exec('VACUUM');
    expect(traces(NEEDLES)).toEqual([]);
    expect(traces(['Kontrolfirmaet Hedeby'])).toEqual(['Kontrolfirmaet Hedeby']);
    expect(((await store.call('companies.get', { id: control.id })) as Company).name).toBe('Kontrolfirmaet Hedeby');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('cleans full-text indexes that do not have FTS5 secure-delete switched on, and leaves them so', async () => {
    const fts = (
      store.db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const t of fts) store.db.exec(`INSERT INTO "${t}"("${t}", rank) VALUES ('secure-delete', 0)`);
    // Other firms' visits before and after, one transaction each, so FTS5 merges the deleted
    // note's words into larger segments, where a plain delete leaves them.
    const filler = (n: number) => {
      for (let i = 0; i < 30; i++) {
        const id = store.db
          .prepare(
            "INSERT INTO companies(uuid, record_type, name, name_sort, created_at, updated_at) VALUES (?, 'unregistered', ?, ?, 'x', 'x')",
          )
          .run(`fill-${n}-${i}`, `Fyld ${n}-${i}`, `fyld ${n}-${i}`).lastInsertRowid;
        store.db
          .prepare(
            "INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at) VALUES (?, ?, '2024-01-01', 'visit', ?, 'x', 'x')",
          )
          .run(`fill-v-${n}-${i}`, id, `Almindelig note ${i} om bageri, smedje og gårdbutik`);
      }
    };
    filler(1);
    const c = await seedPerson();
    // A word no other word shares a prefix with, so the index stores all but its first letters
    // as they are: finding those bytes after the delete means the index kept them.
    store.db
      .prepare(
        "INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at) VALUES ('odd', ?, '2024-02-01', 'phone', 'qxjwvzkplorf', 'x', 'x')",
      )
      .run(c.id);
    filler(2);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    await store.call('privacy.deleteCompany', { id: c.id, confirmName: FIRM });
    expect(traces([...NEEDLES, 'jwvzkplorf'])).toEqual([]);
    for (const t of fts) {
      const v = store.db.prepare(`SELECT v FROM "${t}_config" WHERE k = 'secure-delete'`).get() as { v: number };
      expect(v.v, t).toBe(0);
    }
  });

  it('remembers the erasure in a ledger that names nobody: uuid, old id, keyed hashes of CVR and P-number', async () => {
    const c = await seedPerson();
    await store.call('companies.update', { id: c.id, changes: { pNumber: '1003388461' } });
    const uuid = store.db.prepare('SELECT uuid FROM companies WHERE id = ?').pluck().get(c.id);
    await store.call('privacy.deleteCompany', { id: c.id, confirmName: FIRM });
    const rows = store.db.prepare('SELECT * FROM erasure_ledger').all() as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        id: 1,
        erased_company_id: c.id,
        company_uuid: uuid,
        hash_key: expect.any(Buffer),
        cvr_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        p_number_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        erased_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    ]);
    // Keyed: not the plain SHA-256 a table of every CVR number would list.
    expect(rows[0]?.cvr_hash).not.toBe(createHash('sha256').update(FIRM_CVR).digest('hex'));
    store.db.exec('VACUUM');
    expect(traces([...NEEDLES, FIRM_CVR, '1003388461'])).toEqual([]);
    // A second erasure uses the caseload's same key.
    const other = await seedControl();
    await store.call('privacy.deleteCompany', { id: other.id, confirmName: 'Kontrolfirmaet Hedeby' });
    const keys = store.db.prepare('SELECT DISTINCT hex(hash_key) FROM erasure_ledger').pluck().all();
    expect(keys).toHaveLength(1);
  });

  it('asks for the company name and refuses a wrong one', async () => {
    const c = await seedPerson();
    const r = await store.dispatch('privacy.deleteCompany', { id: c.id, confirmName: 'Et andet navn' });
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
    expect(((await store.call('companies.get', { id: c.id })) as Company).name).toBe(FIRM);
  });

  it('deletes the files Bindeled wrote about the company when asked', async () => {
    const c = await seedPerson();
    const log = (await store.call('privacy.accessLog', { action: 'access_request' })) as AccessLogPage;
    const file = /fil: (.*)$/.exec(log.rows[0]?.detail ?? '')?.[1] ?? '';
    expect(fs.existsSync(file)).toBe(true);
    recordWrittenFile(store.db, file, 'access-request');
    const r = (await store.call('privacy.deleteCompany', {
      id: c.id,
      confirmName: FIRM,
      deleteFiles: true,
    })) as HardDeleteResult;
    expect(r.files).toEqual([{ path: file, deleted: true }]);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('anonymisation', () => {
  it('replaces who it was with placeholders and keeps what the report counts', async () => {
    const c = await seedPerson();
    await store.call('companies.update', {
      id: c.id,
      changes: { status: 'closed', statusReason: `${OWNER} gik på pension` },
    });
    const r = (await store.call('privacy.anonymise', { ids: [c.id, c.id, 99_999] })) as AnonymiseResult;
    expect(r).toEqual({ anonymised: 1, skipped: [99_999] });

    const after = (await store.call('companies.get', { id: c.id })) as Company;
    expect(after).toMatchObject({
      name: `Anonymiseret virksomhed ${c.id}`,
      cvr: null,
      email: null,
      phone: null,
      address: null,
      kommuneCode: 706,
      industryCode: '259900',
      legalForm: 'enkeltmand',
      employees: 1,
      status: 'closed',
    });
    const visits = store.db.prepare('SELECT date, type, notes FROM visits WHERE company_id = ?').all(c.id);
    expect(visits).toEqual([{ date: '2024-03-01', type: 'visit', notes: null }]);
    const needs = store.db
      .prepare('SELECT need FROM visit_needs WHERE visit_id IN (SELECT id FROM visits WHERE company_id = ?)')
      .all(c.id);
    expect(needs).toEqual([{ need: 'financing' }]);
    const contacts = store.db.prepare('SELECT name, email FROM contacts WHERE company_id = ?').all(c.id);
    expect(contacts).toHaveLength(2);
    expect(contacts).toContainEqual({ name: 'Anonymiseret kontaktperson', email: null });
    const history = (await store.call('companies.history', { id: c.id })) as Array<{ action: string }>;
    expect(history[0]?.action).toBe('anonymise');
    expect(JSON.stringify(history)).not.toMatch(/Brunhilde|Zylofon|Qvistrup/);

    expect(traces(NEEDLES)).toEqual([]);
    const again = (await store.call('privacy.anonymise', { ids: [c.id] })) as AnonymiseResult;
    expect(again).toEqual({ anonymised: 0, skipped: [c.id] });
  });
});

describe('bulk anonymisation', () => {
  it('rewrites the full-text indexes once and leaves no trace of the words, settings as they were', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c = (await store.call('companies.create', { name: `Masse Firma ${i}` })) as Company;
      store.db
        .prepare(
          "INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at) VALUES (?, ?, '2024-01-01', 'visit', ?, 'x', 'x')",
        )
        .run(`bulk-${i}`, c.id, i === 17 ? 'Plan: qxjwvzkplorf' : `Almindelig note ${i} om bageri`);
      ids.push(c.id);
    }
    const settings = () =>
      (
        store.db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").all() as Array<{
          name: string;
        }>
      ).map((r) => [
        r.name,
        (
          store.db.prepare(`SELECT v FROM "${r.name}_config" WHERE k = 'secure-delete'`).get() as
            | { v: number }
            | undefined
        )?.v ?? 0,
      ]);
    const before = settings();
    const r = (await store.call('privacy.anonymise', { ids })) as AnonymiseResult;
    expect(r.anonymised).toBe(30);
    expect(traces(['jwvzkplorf', 'Masse Firma 17'])).toEqual([]);
    expect(settings()).toEqual(before);
    const search = (await store.call('companies.list', { search: 'Anonymiseret' })) as { total: number };
    expect(search.total).toBe(30);
  });
});

describe('retention', () => {
  it('lists cases closed more than the retention period ago and anonymises them in bulk', async () => {
    const old = await seedPerson();
    const recent = await seedPerson('Nyligt Lukket ApS', 'Nanna Nyberg', '24256790');
    const open = await seedControl();
    for (const c of [old, recent])
      await store.call('companies.update', { id: c.id, changes: { status: 'closed', statusReason: 'Afsluttet' } });
    const closed = store.db.prepare('SELECT closed_at FROM company_privacy WHERE company_id = ?');
    expect((closed.get(recent.id) as { closed_at: string }).closed_at.slice(0, 4)).toBe(
      String(new Date().getUTCFullYear()),
    );
    // Closed six years ago (the default retention is five).
    store.db.prepare("UPDATE company_privacy SET closed_at = '2018-01-15T10:00:00Z' WHERE company_id = ?").run(old.id);

    const due = (await store.call('privacy.retentionCandidates', {})) as RetentionPage;
    expect(due).toMatchObject({ retentionYears: 5, total: 1 });
    expect(due.rows).toEqual([
      { id: old.id, name: FIRM, cvr: '13748136', kommune: 'Syddjurs', closedAt: '2018-01-15T10:00:00Z' },
    ]);

    await store.call('privacy.updateSettings', { retentionYears: 10 });
    expect(((await store.call('privacy.retentionCandidates', {})) as RetentionPage).total).toBe(0);
    await store.call('privacy.updateSettings', { retentionYears: 5 });

    const r = (await store.call('privacy.anonymiseDue', {})) as AnonymiseResult;
    expect(r.anonymised).toBe(1);
    expect(((await store.call('privacy.retentionCandidates', {})) as RetentionPage).total).toBe(0);
    expect(((await store.call('companies.get', { id: recent.id })) as Company).name).toBe('Nyligt Lukket ApS');
    expect(((await store.call('companies.get', { id: open.id })) as Company).name).toBe('Kontrolfirmaet Hedeby');
    store.db.exec('VACUUM');
    // The recent case was seeded with the same notes and e-mail; the names are the old case's own.
    expect(traces([FIRM, OWNER])).toEqual([]);
    expect(traces(['Nyligt Lukket ApS'])).toHaveLength(1);
  });

  it('forgets the close date when a case is reopened', async () => {
    const c = await seedControl();
    await store.call('companies.update', { id: c.id, changes: { status: 'closed', statusReason: 'Afsluttet' } });
    await store.call('companies.update', { id: c.id, changes: { status: 'in_progress' } });
    const row = store.db.prepare('SELECT closed_at FROM company_privacy WHERE company_id = ?').get(c.id);
    expect(row).toEqual({ closed_at: null });
  });
});

describe('access request', () => {
  it('exports everything about a company as JSON, including its history and when it was consulted', async () => {
    const c = await seedPerson();
    const r = (await store.call('privacy.accessRequest', { companyId: c.id })) as AccessRequestResult;
    expect(r).toMatchObject({ companies: 1, contacts: 2 });
    const data = JSON.parse(fs.readFileSync(r.path, 'utf8'));
    expect(data.format).toBe('bindeled-access-request');
    const [about] = data.companies;
    expect(about.company.name).toBe(FIRM);
    expect(about.related.visits[0].notes).toBe(NOTE);
    expect(about.related.visit_needs).toEqual([expect.objectContaining({ need: 'financing' })]);
    expect(about.related.followups).toHaveLength(1);
    expect(about.audit.map((a: { action: string }) => a.action)).toContain('create');
    const actions = about.accessLog.map((a: { action: string; method: string }) => `${a.action} ${a.method}`);
    expect(actions).toEqual(
      expect.arrayContaining(['read companies.get', 'search companies.list', 'access_request privacy.accessRequest']),
    );
  });

  it('exports everything about a person by name, and says so when nobody has that name', async () => {
    await seedPerson();
    const r = (await store.call('privacy.accessRequest', {
      personName: ` ${OWNER.toLowerCase()} `,
    })) as AccessRequestResult;
    const data = JSON.parse(fs.readFileSync(r.path, 'utf8'));
    expect(data.companies[0].company.owner).toBe(OWNER);
    const none = await store.dispatch('privacy.accessRequest', { personName: 'Ingen Sådan Person' });
    expect(none.ok ? null : none.error.code).toBe('not_found');
  });
});

describe('the access log', () => {
  it('records reads, searches and deletes without each handler asking for it', async () => {
    const c = await seedControl();
    await store.call('companies.list', {});
    await store.call('companies.get', { id: c.id });
    await store.call('companies.list', { search: 'Hedeby' });
    await store.call('privacy.deleteCompany', { id: c.id, confirmName: 'Kontrolfirmaet Hedeby' });
    const log = (await store.call('privacy.accessLog', {})) as AccessLogPage;
    expect(log.rows.map((r) => [r.action, r.method, r.companyId])).toEqual([
      ['delete', 'privacy.deleteCompany', null],
      ['search', 'companies.list', null],
      ['read', 'companies.get', null],
    ]);
    // The term would have found the deleted company, so it may be a name: it goes too.
    expect(log.rows[1]?.detail).toBe('Søgning: "[slettet]"');
    expect(log.rows.every((r) => r.transport === 'cli' && r.actor.length > 0)).toBe(true);
  });

  it('logs a search once for its first page, not for each page fetched while scrolling', async () => {
    await seedControl();
    const searches = async () =>
      ((await store.call('privacy.accessLog', { action: 'search' })) as AccessLogPage).rows.map((r) => r.detail);
    // A later page asked for without its first page is still a search, and is logged.
    await store.call('companies.list', { search: 'Hedeby', offset: 100 });
    await store.call('companies.list', { search: 'Hedeby' });
    await store.call('companies.list', { search: 'Hedeby', offset: 100 });
    await store.call('companies.list', { search: 'Hedeby', offset: 200, sort: [{ column: 'city', desc: true }] });
    expect(await searches()).toEqual(['Søgning: "Hedeby" (1 fundet)', 'Søgning: "Hedeby" (1 fundet)']);
    // Searching again (the first page again) or for another term is a new search.
    await store.call('companies.list', { search: 'Hedeby' });
    await store.call('companies.list', { search: 'Kontrol', offset: 100 });
    await store.call('companies.list', { search: 'Kontrol', offset: 200 });
    expect(await searches()).toEqual([
      'Søgning: "Kontrol" (1 fundet)',
      'Søgning: "Hedeby" (1 fundet)',
      'Søgning: "Hedeby" (1 fundet)',
      'Søgning: "Hedeby" (1 fundet)',
    ]);
  });

  it('prunes entries older than its own retention (two years by default)', async () => {
    const c = await seedControl();
    await store.call('companies.get', { id: c.id });
    store.db
      .prepare(
        "INSERT INTO access_log(at, actor, transport, action, method) VALUES ('2019-01-01T00:00:00Z', 'x', 'cli', 'read', 'companies.get')",
      )
      .run();
    expect(pruneAccessLog(store.db, new Date())).toBe(1);
    expect(((await store.call('privacy.accessLog', {})) as AccessLogPage).total).toBe(1);
  });
});
