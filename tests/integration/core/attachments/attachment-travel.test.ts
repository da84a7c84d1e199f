import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAttachment, listAttachments, openCopy } from '../../../../src-main/core/attachments/attachment-repo';
import { hashFile } from '../../../../src-main/core/attachments/attachment-store';
import { importCaseloadZip, writeCaseloadZip } from '../../../../src-main/core/attachments/caseload-zip';
import { createBackup } from '../../../../src-main/core/backup/backup';
import { eraseFromBackups } from '../../../../src-main/core/backup/erase-in-backups';
import { createLiveDatabase } from '../../../../src-main/core/backup/live-database';
import { restoreDatabase } from '../../../../src-main/core/backup/restore';
import { openDatabase } from '../../../../src-main/core/db/open';
import { importInOneGo } from '../../../../src-main/core/interop/import-service';
import { NO_JOB } from '../../../../src-main/core/interop/job';
import { writeAccessRequest } from '../../../../src-main/core/privacy/access-request';
import { hardDeleteCompany } from '../../../../src-main/core/privacy/erase';
import { openTestStore, type TestStore, tempDir } from '../../../helpers/temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function store(): TestStore {
  const s = openTestStore();
  cleanups.push(() => s.close());
  return s;
}

async function firm(s: TestStore, name: string): Promise<number> {
  return ((await s.call('companies.create', { name })) as { id: number }).id;
}

function source(s: TestStore, name: string, content: string | Buffer): string {
  const p = path.join(s.dir, 'kilde', name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** Every file under a folder, with its SHA-256. */
function everyFile(dir: string): Array<{ path: string; sha256: string }> {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((p) => ({ path: p, sha256: hashFile(p) }));
}

describe('backups carry the attachments', () => {
  it('copy each file once into the backups folder: a second backup copies only the new ones', async () => {
    const s = store();
    const id = await firm(s, 'Ådalens Gårdbutik');
    const a = addAttachment(s.db, { companyId: id, source: source(s, 'plan.pdf', 'forretningsplan') });
    await createBackup(s.db, s.dbPath, 'manual');
    const kept = path.join(s.dir, 'backups', 'attachments', a.sha256.slice(0, 2), a.sha256);
    expect(hashFile(kept)).toBe(a.sha256);
    const before = fs.statSync(kept);
    const b = addAttachment(s.db, { companyId: id, source: source(s, 'tilbud.pdf', 'tilbud') });
    await createBackup(s.db, s.dbPath, 'manual', { now: new Date(Date.now() + 1000) });
    const after = fs.statSync(kept);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(
      everyFile(path.join(s.dir, 'backups', 'attachments'))
        .map((f) => f.sha256)
        .sort(),
    ).toEqual([a.sha256, b.sha256].sort());
  });

  it('restored into an empty folder, give back every file with its hash', async () => {
    const s = store();
    const id = await firm(s, 'Smedjen i Hvorslev');
    const files = ['plan.pdf', 'regnskab 2011.xlsx', 'foto æøå.jpg'].map((n, i) =>
      addAttachment(s.db, { companyId: id, source: source(s, n, `${n} ${'x'.repeat(i * 1000)}`) }),
    );
    const backup = await createBackup(s.db, s.dbPath, 'manual');

    const empty = tempDir();
    cleanups.push(empty.cleanup);
    const dbPath = path.join(empty.dir, 'bindeled.db');
    const live = createLiveDatabase(dbPath, (f) => openDatabase(f));
    cleanups.push(() => live.db.close());
    const result = await restoreDatabase(live, backup.path);
    expect(result.attachmentsMissing).toBe(0);
    const restored = listAttachments(live.db, { companyId: id });
    expect(restored.map((a) => [a.name, a.sha256, a.missing]).sort()).toEqual(
      files.map((a) => [a.name, a.sha256, false]).sort(),
    );
    for (const a of restored) {
      expect(hashFile(path.join(empty.dir, 'attachments', a.sha256.slice(0, 2), a.sha256))).toBe(a.sha256);
    }
  });
});

describe('erasure', () => {
  it('leaves no attachment of the erased firm on disk: store, opened copies, backups', async () => {
    const s = store();
    const gone = await firm(s, 'Qvistrup Zylofon Værksted');
    const stays = await firm(s, 'Hvedholm Bryghus');
    const secret = addAttachment(s.db, {
      companyId: gone,
      source: source(s, 'Brunhilde forretningsplan.pdf', 'Brunhildes hemmelige plan'),
    });
    const shared = Buffer.from('fælles tilbudsskabelon');
    addAttachment(s.db, { companyId: gone, source: source(s, 'skabelon.pdf', shared) });
    const other = addAttachment(s.db, { companyId: stays, source: source(s, 'skabelon kopi.pdf', shared) });
    openCopy(s.db, secret.id);
    await createBackup(s.db, s.dbPath, 'manual');
    fs.rmSync(path.join(s.dir, 'kilde'), { recursive: true });

    hardDeleteCompany(s.db, gone);
    const report = await eraseFromBackups(s.db, s.dbPath);
    expect(report.failed).toEqual([]);

    const left = everyFile(s.dir);
    expect(left.filter((f) => f.sha256 === secret.sha256)).toEqual([]);
    expect(left.filter((f) => f.path.includes('Brunhilde'))).toEqual([]);
    // The file the other firm has too is still there for it, in the store and in the backup.
    expect(left.filter((f) => f.sha256 === other.sha256)).toHaveLength(2);
    expect(listAttachments(s.db, { companyId: stays })).toEqual([expect.objectContaining({ missing: false })]);
  });
});

describe('the access request', () => {
  it("includes the firm's attachment files beside the JSON", async () => {
    const s = store();
    const id = await firm(s, 'Ådalens Gårdbutik');
    addAttachment(s.db, { companyId: id, source: source(s, 'plan.pdf', 'plan') });
    const r = writeAccessRequest(s.db, s.dbPath, { companyId: id });
    expect(r.attachmentFiles).toBe(1);
    expect(fs.readFileSync(path.join(r.attachmentsFolder as string, 'plan.pdf'), 'utf8')).toBe('plan');
    const json = JSON.parse(fs.readFileSync(r.path, 'utf8'));
    expect(json.companies[0].related.attachments).toEqual([expect.objectContaining({ name: 'plan.pdf' })]);
  });
});

describe('the caseload file with files', () => {
  async function exported() {
    const s = store();
    const id = await firm(s, 'Ådalens Gårdbutik');
    const a = addAttachment(s.db, { companyId: id, source: source(s, 'plan.pdf', 'forretningsplan æøå') });
    const zip = path.join(s.dir, 'ud.zip');
    const r = await writeCaseloadZip(
      s.db,
      { path: zip, scope: { kind: 'all' } },
      { locale: 'da', job: NO_JOB, appVersion: 't' },
    );
    return { s, a, zip, r };
  }

  it("is one .zip with the JSON and every file, read back by Python's zipfile", async () => {
    const { a, zip, r } = await exported();
    expect(r.files).toBe(1);
    const listing = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys,zipfile,hashlib,json\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))\nprint(json.dumps([x["name"] for x in json.loads(z.read("caseload.json"))["attachments"]]))',
        zip,
      ],
      { encoding: 'utf8' },
    ).split('\n');
    const hashes = JSON.parse(listing[0] as string);
    expect(hashes[`files/${a.sha256}`]).toBe(a.sha256);
    expect(Object.keys(hashes)).toContain('caseload.json');
    expect(JSON.parse(listing[1] as string)).toEqual(['plan.pdf']);
  });

  it('imports into an empty caseload with every file checked and stored', async () => {
    const { a, zip } = await exported();
    const t = store();
    const result = await importCaseloadZip(t.db, zip, { locale: 'da', job: NO_JOB });
    expect(result.written).toBe(true);
    const company = t.db.prepare('SELECT id FROM companies WHERE name = ?').get('Ådalens Gårdbutik') as { id: number };
    expect(listAttachments(t.db, { companyId: company.id })).toEqual([
      expect.objectContaining({ name: 'plan.pdf', sha256: a.sha256, missing: false }),
    ]);
  });

  it('refuses a zip whose file is not the one exported, and writes nothing', async () => {
    const { zip, s } = await exported();
    // Rewrite the file's bytes inside the zip with Python, as a tampering tool would.
    const bad = path.join(s.dir, 'rettet.zip');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys,zipfile\nsrc=zipfile.ZipFile(sys.argv[1])\nout=zipfile.ZipFile(sys.argv[2],"w")\nfor n in src.namelist():\n  out.writestr(n, b"noget andet" if n.startswith("files/") else src.read(n))\nout.close()',
      zip,
      bad,
    ]);
    const t = store();
    await expect(importCaseloadZip(t.db, bad, { locale: 'da', job: NO_JOB })).rejects.toMatchObject({
      key: 'caseloadZip.badHash',
      params: expect.objectContaining({ name: 'plan.pdf', ref: 'attachments[0]', file: 'rettet.zip' }),
    });
    expect(t.db.prepare('SELECT count(*) AS n FROM companies WHERE name = ?').get('Ådalens Gårdbutik')).toEqual({
      n: 0,
    });
    expect(fs.existsSync(path.join(t.dir, 'attachments')) ? everyFile(path.join(t.dir, 'attachments')) : []).toEqual(
      [],
    );
  });

  it("goes through the import wizard's steps: inspect, preview with every file checked, import", async () => {
    const { a, zip } = await exported();
    const t = store();
    const inspection = (await t.call('interop.inspect', { path: zip })) as {
      format: string;
      caseload: { counts: Record<string, number>; files: { count: number; bytes: number } };
    };
    expect(inspection.format).toBe('caseload');
    expect(inspection.caseload.counts).toMatchObject({ companies: 1, attachments: 1 });
    expect(inspection.caseload.files).toEqual({ count: 1, bytes: Buffer.byteLength('forretningsplan æøå') });
    const report = (await t.call('interop.preview', { path: zip })) as {
      clean: boolean;
      fingerprint: string;
      totals: { add: number };
    };
    expect(report).toMatchObject({ clean: true, totals: { add: 2 } });
    // The preview only read: nothing in the attachments folder yet.
    expect(everyFile(path.join(t.dir, 'attachments'))).toEqual([]);
    const result = (await t.call('interop.import', { path: zip, fingerprint: report.fingerprint })) as {
      written: boolean;
    };
    expect(result.written).toBe(true);
    const company = t.db.prepare('SELECT id FROM companies WHERE name = ?').get('Ådalens Gårdbutik') as { id: number };
    expect(listAttachments(t.db, { companyId: company.id })).toEqual([
      expect.objectContaining({ name: 'plan.pdf', sha256: a.sha256, missing: false }),
    ]);
    expect(everyFile(path.join(t.dir, 'attachments')).map((f) => f.sha256)).toEqual([a.sha256]);
  });

  it('names the file inside the zip whose hash does not match, in Danish, in the preview', async () => {
    const { zip, s, a } = await exported();
    const bad = path.join(s.dir, 'rettet.zip');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys,zipfile\nsrc=zipfile.ZipFile(sys.argv[1])\nout=zipfile.ZipFile(sys.argv[2],"w")\nfor n in src.namelist():\n  out.writestr(n, b"noget andet" if n.startswith("files/") else src.read(n))\nout.close()',
      zip,
      bad,
    ]);
    const t = store();
    const r = await t.dispatch('interop.preview', { path: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      `Bilaget plan.pdf (attachments[0]) i zip-filen rettet.zip er ikke den fil, der blev eksporteret: kontrolsummen af files/${a.sha256} passer ikke`,
    );
  });

  it('stops on cancel while the files are unpacked, with no row and no file left', async () => {
    const s = store();
    const id = await firm(s, 'Hvedholm Bryghus');
    const files = [1, 2, 3].map((i) =>
      addAttachment(s.db, { companyId: id, source: source(s, `bilag ${i}.pdf`, `bilag ${i} `.repeat(1000 * i)) }),
    );
    const zip = path.join(s.dir, 'ud.zip');
    await writeCaseloadZip(s.db, { path: zip, scope: { kind: 'all' } }, { locale: 'da', job: NO_JOB, appVersion: 't' });
    const t = store();
    const controller = new AbortController();
    const seen: string[] = [];
    let unpacking = 0;
    const job = {
      signal: controller.signal,
      progress: (_done: number, _total: number, label?: string) => {
        seen.push(label ?? '');
        // The second pass over the files is the import's: stop it half-way.
        if (label === 'Kontrollerer bilagsfilerne' && ++unpacking === 2 + files.length + 2) controller.abort();
      },
    };
    await expect(importInOneGo(t.db, zip, {}, 'abort', { job })).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toContain('Kontrollerer bilagsfilerne');
    expect(t.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
    expect(everyFile(path.join(t.dir, 'attachments'))).toEqual([]);
  });

  it('refuses a zip that lacks a file the caseload names', async () => {
    const { zip, s } = await exported();
    const bad = path.join(s.dir, 'uden.zip');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys,zipfile\nsrc=zipfile.ZipFile(sys.argv[1])\nout=zipfile.ZipFile(sys.argv[2],"w")\nfor n in src.namelist():\n  n.startswith("files/") or out.writestr(n, src.read(n))\nout.close()',
      zip,
      bad,
    ]);
    const t = store();
    await expect(importCaseloadZip(t.db, bad, { locale: 'da', job: NO_JOB })).rejects.toMatchObject({
      key: 'caseloadZip.missingFile',
      params: expect.objectContaining({ name: 'plan.pdf', entry: expect.stringMatching(/^files\/[0-9a-f]{64}$/) }),
    });
  });
});
