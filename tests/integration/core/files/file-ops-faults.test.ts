import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FileOp, setFileFaults, setRetryPolicy } from '../../../../src-main/core/files/file-ops';
import { parseTempName, sweepLeftovers } from '../../../../src-main/core/files/leftovers';
import { message } from '../../../../src-main/core/messages';
import { LETTER_DATE, orgId, sampleLogo, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openApp } from '../../../helpers/live-app';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/**
 * Every atomic write Bindeled does, with Windows' "file in use" (EBUSY, EPERM, EACCES) injected
 * into the file layer at each of its steps in turn: once for a moment (the write succeeds as if
 * nothing happened) and for good (the write fails with a message naming the file). Either way,
 * after the next start no file is lost, no half-written file sits under a real name, no temporary
 * file is left, and every record points to its file.
 */

interface Harness {
  /** The folder everything is written under. */
  dir: string;
  db: () => import('better-sqlite3').Database;
  dispatch: (method: string, input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>;
  close: () => void;
}

interface Scenario {
  name: string;
  open: () => Harness;
  setup: (h: Harness) => Promise<void>;
  /** The write itself, through the dispatcher as a user's click would go. */
  run: (h: Harness) => Promise<{ ok: boolean; error?: { message: string } }>;
  /** What the user has after a successful write (file names in the output folder, the database's count). */
  visible: (h: Harness) => unknown;
  /** False for a file Bindeled does not keep a record of (a backup copy): it is checked by opening it. */
  recorded?: false;
}

const out = (h: Harness) => path.join(h.dir, 'ud');

function storeHarness(): Harness {
  const s = openTestStore();
  return { dir: s.dir, db: () => s.db, dispatch: s.dispatch, close: s.close };
}

function appHarness(): Harness {
  const a = openApp();
  return { dir: a.dir, db: () => a.ctx.db, dispatch: a.dispatch, close: a.close };
}

/** Every file under `dir`, relative, except the database's own. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .filter((f) => !/^bindeled\.db(-wal|-shm|-journal)?$/.test(f))
    .sort();
}

const names = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const count = (h: Harness, sql: string) => (h.db().prepare(sql).get() as { n: number }).n;
function sqliteIntegrity(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const SCENARIOS: Scenario[] = [
  {
    name: 'a letter',
    open: storeHarness,
    setup: async (h) => {
      const s = asStore(h);
      await setLetterhead(s);
      await seedCase(s);
    },
    run: (h) =>
      h.dispatch('documents.generate', { kind: 'vaeksthus', companyId: 1, folder: out(h), letterDate: LETTER_DATE }),
    visible: (h) => ({ files: names(out(h)), documents: count(h, 'SELECT count(*) AS n FROM documents') }),
  },
  {
    name: 'a batch of letters',
    open: storeHarness,
    setup: async (h) => {
      const s = asStore(h);
      await setLetterhead(s);
      await seedCase(s);
      const call = callOf(h);
      const firm = (await call('companies.create', {
        name: 'Møllers Maskinfabrik A/S',
        address: 'Hovedgaden 1',
        postcode: '8370',
        city: 'Hadsten',
        kommuneCode: 710,
      })) as { id: number };
      const contact = (await call('contacts.create', { companyId: firm.id, name: 'Jens Møller' })) as { id: number };
      await call('referrals.create', {
        companyId: firm.id,
        organisationId: await orgId(s, 'Erhvervshus Midtjylland'),
        contactId: contact.id,
        reason: 'Rådgivning om eksport',
        needs: ['export'],
        consentOn: '2011-10-14',
      });
    },
    run: (h) =>
      h.dispatch('documents.generateBatch', {
        kind: 'vaeksthus',
        companyIds: [1, 2],
        folder: out(h),
        letterDate: LETTER_DATE,
      }),
    visible: (h) => ({ files: names(out(h)), documents: count(h, 'SELECT count(*) AS n FROM documents') }),
  },
  {
    name: 'a CSV export',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
    },
    run: (h) => h.dispatch('interop.export', { format: 'csv', path: path.join(out(h), 'Virksomheder æøå.csv') }),
    visible: (h) => ({ files: names(out(h)) }),
  },
  {
    name: 'an XLSX export',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
    },
    run: (h) => h.dispatch('interop.export', { format: 'xlsx', path: path.join(out(h), 'Sagsliste.xlsx') }),
    visible: (h) => ({ files: names(out(h)) }),
  },
  {
    name: 'the report as Word',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
    },
    run: (h) =>
      h.dispatch('report.exportDocx', {
        from: '2011-01-01',
        to: '2011-12-31',
        path: path.join(out(h), 'Rapport.docx'),
      }),
    visible: (h) => ({ files: names(out(h)) }),
  },
  {
    name: 'a backup',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
    },
    run: (h) => h.dispatch('backups.create', {}),
    visible: (h) => ({ backups: names(path.join(h.dir, 'backups')).length }),
  },
  {
    name: 'a backup copy to a chosen file',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
    },
    run: (h) => h.dispatch('backups.copy', { path: path.join(out(h), 'kopi.db') }),
    visible: (h) => ({ files: names(out(h)) }),
    recorded: false,
  },
  {
    name: 'a restore',
    open: appHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      await callOf(h)('backups.create', {});
      await callOf(h)('companies.create', { name: 'Efter sikkerhedskopien ApS' });
    },
    run: async (h) => {
      const [b] = ((await callOf(h)('backups.list', {})) as { backups: Array<{ name: string }> }).backups;
      return h.dispatch('backups.restore', { name: b?.name });
    },
    visible: (h) => ({ companies: count(h, 'SELECT count(*) AS n FROM companies') }),
  },
  {
    name: 'an attachment',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.writeFileSync(path.join(h.dir, 'Forretningsplan.pdf'), '%PDF-1.4 æøå');
    },
    run: (h) => h.dispatch('attachments.add', { companyId: 1, path: path.join(h.dir, 'Forretningsplan.pdf') }),
    visible: (h) => ({ attachments: count(h, 'SELECT count(*) AS n FROM attachments') }),
  },
  {
    name: 'an access request',
    open: storeHarness,
    setup: async (h) => {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
    },
    run: (h) => h.dispatch('privacy.accessRequest', { companyId: 1, path: path.join(out(h), 'Indsigt.json') }),
    visible: (h) => ({ files: names(out(h)) }),
  },
  {
    name: 'the letterhead logo',
    open: storeHarness,
    setup: async (h) => {
      const s = asStore(h);
      await setLetterhead(s, false);
      fs.writeFileSync(path.join(h.dir, 'logo.png'), sampleLogo());
    },
    run: (h) => h.dispatch('documents.setLogo', { path: path.join(h.dir, 'logo.png') }),
    visible: (h) => ({ files: names(h.dir).filter((n) => n.startsWith('brevpapir')) }),
  },
];

/** What the shared fixtures (seedCase, setLetterhead) need of a store. */
function asStore(h: Harness): TestStore {
  return { db: h.db(), dbPath: path.join(h.dir, 'bindeled.db'), dir: h.dir, call: callOf(h) } as TestStore;
}

function callOf(h: Harness) {
  return async (method: string, input: unknown = {}) => {
    const r = (await h.dispatch(method, input)) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
    return r.value;
  };
}

/** The steps the file layer takes for one clean run of the scenario. */
async function stepsOf(s: Scenario): Promise<{ steps: Array<{ op: FileOp; file: string }>; visible: unknown }> {
  const h = s.open();
  try {
    await s.setup(h);
    const steps: Array<{ op: FileOp; file: string }> = [];
    setFileFaults((op, file) => {
      steps.push({ op, file });
      return undefined;
    });
    const r = await s.run(h);
    setFileFaults(undefined);
    expect(r.error?.message).toBeUndefined();
    return { steps, visible: s.visible(h) };
  } finally {
    setFileFaults(undefined);
    h.close();
  }
}

function busy(op: FileOp, file: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${op} '${file}'`), { code });
}

/** What a start after the write finds and does, then the checks that hold whatever happened. */
function expectConsistent(h: Harness, s: Scenario): void {
  sweepLeftovers(h.db(), { folders: [h.dir, out(h), path.join(h.dir, 'backups'), path.join(h.dir, 'docs')] });
  const files = filesUnder(h.dir);
  expect(files.filter((f) => parseTempName(path.basename(f)) !== null)).toEqual([]);
  expect(count(h, 'SELECT count(*) AS n FROM file_writes')).toBe(0);
  // Every record points to its file, whole (its hash, where one was recorded).
  const written = h.db().prepare('SELECT path, sha256 FROM written_files').all() as Array<{
    path: string;
    sha256: string | null;
  }>;
  for (const w of written) {
    expect(fs.existsSync(w.path), w.path).toBe(true);
    if (w.sha256) expect(sha(w.path), w.path).toBe(w.sha256);
  }
  const docs = h.db().prepare('SELECT path, sha256 FROM documents').all() as Array<{ path: string; sha256: string }>;
  for (const d of docs) expect(sha(d.path), d.path).toBe(d.sha256);
  // No letter or export under a real name without its record.
  const recorded = new Set(written.map((w) => path.resolve(w.path)));
  for (const f of names(out(h))) {
    const file = path.join(out(h), f);
    if (s.recorded !== false) expect(recorded.has(file), f).toBe(true);
    else if (f.endsWith('.db')) expect(sqliteIntegrity(file), f).toBe('ok');
  }
  expect(h.db().pragma('integrity_check', { simple: true })).toBe('ok');
}

beforeAll(() => {
  // Waits of a millisecond or two: the retries are what is tested, not how long they take.
  setRetryPolicy({ maxWaitMs: 4, firstStepMs: 1, maxStepMs: 2 });
  return () => setRetryPolicy(undefined);
});
afterEach(() => setFileFaults(undefined));

describe.each(SCENARIOS)('$name, with the file held at each step', (s) => {
  it('succeeds as usual when the file is let go of after a moment, and fails naming the file when it is not', async () => {
    const clean = await stepsOf(s);
    expect(clean.steps.length).toBeGreaterThan(0);
    console.log(`file faults: ${s.name}: ${clean.steps.length} steps, each held for a moment and for good`);
    const codes = ['EBUSY', 'EPERM', 'EACCES'];
    for (const [i, step] of clean.steps.entries()) {
      const code = codes[i % codes.length] as string;
      // For a moment: two refusals, then the operation goes through. A write to a file already
      // open is not retried (half of it may be on disk), so it is only held for good below.
      if (step.op !== 'write') {
        const h = s.open();
        try {
          await s.setup(h);
          let n = 0;
          let refusals = 0;
          setFileFaults((op, file) => {
            if (n++ === i) refusals = 2;
            if (refusals === 0) return undefined;
            refusals--;
            return busy(op, file, code);
          });
          const r = await s.run(h);
          setFileFaults(undefined);
          expect(r.error?.message, `step ${i} (${step.op}) held for a moment`).toBeUndefined();
          expect(s.visible(h)).toEqual(clean.visible);
          expectConsistent(h, s);
        } finally {
          setFileFaults(undefined);
          h.close();
        }
      }
      // For good, as long as the operation runs (Word keeps the file open).
      {
        const h = s.open();
        try {
          await s.setup(h);
          let n = 0;
          let held: string | undefined;
          // A write to an open file fails with what a write fails with: a full disk.
          const fault = step.op === 'write' ? 'ENOSPC' : code;
          setFileFaults((op, file) => {
            if (held === `${op}:${file}` || n++ === i) {
              held = `${op}:${file}`;
              return busy(op, file, fault);
            }
            return undefined;
          });
          const r = await s.run(h);
          setFileFaults(undefined);
          if (!r.ok && fault !== 'ENOSPC') {
            expect(r.error?.message, `step ${i} (${step.op} ${step.file})`).toMatch(
              /^Filen .+ bruges af et andet program/,
            );
          }
          expectConsistent(h, s);
        } finally {
          setFileFaults(undefined);
          h.close();
        }
      }
    }
  });
});

describe('a file the user has open in Word or Excel', () => {
  it('is not replaced by an export: the export takes the next free name, is recorded there, and says so', async () => {
    const h = storeHarness();
    try {
      await seedCase(asStore(h));
      fs.mkdirSync(out(h));
      const chosen = path.join(out(h), 'Sagsliste.csv');
      fs.writeFileSync(chosen, 'åben i Excel');
      // Windows refuses to rename over a file Excel has open, for as long as it is open.
      setFileFaults((op, file) => (op === 'rename' && file === chosen ? busy(op, file, 'EPERM') : undefined));
      const r = (await h.dispatch('interop.export', { format: 'csv', path: chosen })) as {
        ok: boolean;
        value?: { path: string; takenName?: string };
      };
      setFileFaults(undefined);
      expect(r.value).toMatchObject({ path: path.join(out(h), 'Sagsliste (2).csv'), takenName: 'Sagsliste.csv' });
      expect(fs.readFileSync(chosen, 'utf8')).toBe('åben i Excel');
      expect(fs.readFileSync(path.join(out(h), 'Sagsliste (2).csv'), 'utf8')).toContain('Ådalens Gårdbutik ApS');
      expect(h.db().prepare('SELECT path FROM written_files').pluck().all()).toEqual([
        path.join(out(h), 'Sagsliste (2).csv'),
      ]);
      // The file the user had open is theirs, not one of Bindeled's records.
      expectConsistent(h, { ...(SCENARIOS[2] as Scenario), recorded: false });
    } finally {
      h.close();
    }
  });

  it('is not replaced by a regenerated letter: the new one is "… (2).docx" and the answer names both', async () => {
    const h = storeHarness();
    try {
      const s = asStore(h);
      await setLetterhead(s);
      await seedCase(s);
      const call = callOf(h);
      // Dated today, as the regenerated one will be, so both want the same name.
      const first = (await call('documents.generate', { kind: 'vaeksthus', companyId: 1, folder: out(h) })) as {
        id: number;
        fileName: string;
        takenName?: string;
      };
      expect(first.takenName).toBeUndefined();
      // Word holds the letter it has open: no rename, removal or write may touch it.
      const open = path.join(out(h), first.fileName);
      setFileFaults((op, file) => (file === open ? busy(op, file, 'EBUSY') : undefined));
      const again = (await call('documents.regenerate', { id: first.id, folder: out(h) })) as {
        fileName: string;
        takenName?: string;
      };
      setFileFaults(undefined);
      expect(again.fileName).toBe(first.fileName.replace(/\.docx$/, ' (2).docx'));
      expect(again.takenName).toBe(first.fileName);
      expect(message('file.writtenBesideTaken', { file: again.fileName, taken: again.takenName })).toBe(
        `${again.fileName} er skrevet. ${first.fileName} findes i forvejen eller er åben i et andet program (fx Word), så den nye fil fik et andet navn.`,
      );
      expect(names(out(h))).toEqual([first.fileName, again.fileName].sort());
      expectConsistent(h, SCENARIOS[0] as Scenario);
    } finally {
      h.close();
    }
  });
});
