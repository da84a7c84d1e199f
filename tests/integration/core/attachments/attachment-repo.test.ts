import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAttachment,
  listAttachments,
  openCopy,
  relinkAttachment,
  removeAttachment,
  updateAttachment,
} from '../../../../src-main/core/attachments/attachment-repo';
import { updateAttachmentSettings } from '../../../../src-main/core/attachments/attachment-settings';
import { blobPath, copyIntoTemp, storeTemp } from '../../../../src-main/core/attachments/attachment-store';
import { clearLeftovers } from '../../../../src-main/core/backup/startup';
import { stageFiles } from '../../../../src-main/core/files/staged-files';
import { seedCase } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let companyId: number;
let otherId: number;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function file(name: string, content: string | Buffer): string {
  const p = path.join(store.dir, 'in', name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

function storedFiles(): string[] {
  const root = path.join(store.dir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

beforeEach(async () => {
  store = openTestStore();
  companyId = ((await store.call('companies.create', { name: 'Hvedholm Bryghus', cvr: '24256790' })) as { id: number })
    .id;
  otherId = ((await store.call('companies.create', { name: 'Smedjen i Hvorslev' })) as { id: number }).id;
});
afterEach(() => store.close());

describe('adding an attachment', () => {
  it('copies the file into the attachments folder beside the database, named by its SHA-256, with name, type, size, who and when', async () => {
    const source = file('Forretningsplan 2012.pdf', '%PDF-1.4 æøå');
    const a = (await store.call('attachments.add', { companyId, path: source })) as Awaited<
      ReturnType<typeof addAttachment>
    >;
    expect(a).toMatchObject({
      companyId,
      name: 'Forretningsplan 2012.pdf',
      mediaType: 'application/pdf',
      sizeBytes: fs.statSync(source).size,
      sha256: sha(fs.readFileSync(source)),
      missing: false,
      executable: false,
    });
    expect(a.addedBy).not.toBe('');
    expect(Date.parse(a.createdAt)).not.toBeNaN();
    expect(fs.readFileSync(blobPath(path.join(store.dir, 'attachments'), a.sha256))).toEqual(fs.readFileSync(source));
    // The original stays where it was: Bindeled keeps a copy.
    expect(fs.existsSync(source)).toBe(true);
  });

  it('stores the same bytes once, however often and under whatever name they are attached', () => {
    const bytes = Buffer.from('tilbud på kølerum');
    addAttachment(store.db, { companyId, source: file('tilbud.pdf', bytes) });
    addAttachment(store.db, { companyId: otherId, source: file('kopi af tilbud.pdf', bytes) });
    expect(storedFiles()).toHaveLength(1);
    expect(listAttachments(store.db, { companyId })).toHaveLength(1);
    expect(listAttachments(store.db, { companyId: otherId })[0]?.name).toBe('kopi af tilbud.pdf');
  });

  it('refuses a file over the limit with its name, size and the limit, which is a setting', async () => {
    const big = file('regnskab.pdf', Buffer.alloc(2 * 1024 * 1024 + 10, 1));
    updateAttachmentSettings(store.db, { maxMb: 2 });
    const r = await store.dispatch('attachments.add', { companyId, path: big });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Filen regnskab.pdf er på 2 MB; bilag må højst være 2 MB. Grænsen kan ændres under Indstillinger.',
      );
    expect(storedFiles()).toEqual([]);
    // Refused before anything was copied: not even a temporary file.
    expect(fs.existsSync(path.join(store.dir, 'attachments'))).toBe(false);
    await store.call('attachments.updateSettings', { maxMb: 3 });
    await store.call('attachments.add', { companyId, path: big });
    expect(storedFiles()).toHaveLength(1);
  });

  it('hangs it on a visit, referral or application of the same firm only, and one at a time', async () => {
    const sample = await seedCase(store);
    const source = file('a.txt', 'a');
    const on = addAttachment(store.db, { companyId: sample.company.id, visitId: sample.visitId, source });
    expect(on.visitId).toBe(sample.visitId);
    expect(listAttachments(store.db, { companyId: sample.company.id, visitId: sample.visitId })).toHaveLength(1);
    const other = await store.dispatch('attachments.add', { companyId, visitId: sample.visitId, path: source });
    expect(other.ok || other.error.message).toBe(`Id ${sample.visitId} hører til en anden virksomhed`);
    const both = await store.dispatch('attachments.add', {
      companyId: sample.company.id,
      visitId: sample.visitId,
      applicationId: sample.lag.id,
      path: source,
    });
    expect(both.ok || both.error.message).toBe(
      'Et bilag hører til højst ét besøg, én henvisning eller én LAG-ansøgning',
    );
  });
});

describe('rename, annex, remove', () => {
  it('renames, keeping the extension when the new name has none', () => {
    const a = addAttachment(store.db, { companyId, source: file('scan0001.pdf', 'x') });
    expect(updateAttachment(store.db, a.id, { name: 'Tilbud fra VVS Jensen' }).name).toBe('Tilbud fra VVS Jensen.pdf');
    expect(updateAttachment(store.db, a.id, { name: '../../etc/passwd.txt' }).name).not.toContain('/');
  });

  it('marks only an application attachment as an annex', async () => {
    const a = addAttachment(store.db, { companyId, source: file('plan.pdf', 'x') });
    const r = await store.dispatch('attachments.update', { id: a.id, annex: 'business_plan' });
    expect(r.ok || r.error.message).toMatch(/Kun en LAG-ansøgnings bilag/);
  });

  it('removes the stored file with the last attachment that names it', () => {
    const bytes = 'samme bytes';
    const a = addAttachment(store.db, { companyId, source: file('a.pdf', bytes) });
    const b = addAttachment(store.db, { companyId: otherId, source: file('b.pdf', bytes) });
    removeAttachment(store.db, a.id);
    expect(storedFiles()).toHaveLength(1);
    removeAttachment(store.db, b.id);
    expect(storedFiles()).toEqual([]);
  });
});

describe('a file that vanished from disk', () => {
  it('shows as missing in the list instead of failing, and "find it again" brings it back', async () => {
    const source = file('plan.pdf', 'forretningsplan');
    const a = addAttachment(store.db, { companyId, source });
    fs.rmSync(path.join(store.dir, 'attachments'), { recursive: true });
    const listed = (await store.call('attachments.list', { companyId })) as Array<{ missing: boolean }>;
    expect(listed).toEqual([expect.objectContaining({ missing: true })]);
    const open = await store.dispatch('attachments.open', { id: a.id });
    expect(open.ok || open.error.message).toBe(
      'Filen til bilaget plan.pdf findes ikke længere på disken. Brug "Find igen".',
    );
    const found = relinkAttachment(store.db, a.id, source);
    expect(found).toMatchObject({ missing: false, sha256: a.sha256 });
  });
});

describe('opening', () => {
  it('opens a copy under its own name, recorded as written (so the window may open it), and logs a read', async () => {
    const a = addAttachment(store.db, { companyId, source: file('Tilbud kølerum.pdf', 'tilbud') });
    const opened = (await store.call('attachments.open', { id: a.id })) as { path: string };
    expect(path.basename(opened.path)).toBe('Tilbud kølerum.pdf');
    expect(fs.readFileSync(opened.path, 'utf8')).toBe('tilbud');
    await store.call('files.open', { path: opened.path });
    const log = store.db
      .prepare("SELECT action, company_id AS companyId, detail FROM access_log WHERE method = 'attachments.open'")
      .all();
    expect(log).toEqual([{ action: 'read', companyId, detail: 'Bilag åbnet' }]);
  });

  it('never opens a program, though it keeps it', async () => {
    const a = addAttachment(store.db, { companyId, source: file('opdatering.exe', 'MZ') });
    expect(a.executable).toBe(true);
    const r = await store.dispatch('attachments.open', { id: a.id });
    expect(r.ok || r.error.message).toBe(
      'opdatering.exe er et program eller en fil med makroer. Den er gemt, men Bindeled åbner den ikke.',
    );
    expect(() => openCopy(store.db, a.id)).toThrow();
  });
});

describe('a kill while adding', () => {
  it('leaves no file behind when it came before the record', () => {
    const temp = storeTemp(path.join(store.dir, 'attachments'));
    stageFiles(store.db, [temp]);
    copyIntoTemp(file('plan.pdf', 'halvt kopieret'), temp);
    // The process dies here; the next start settles the journal.
    clearLeftovers(store.db, store.dbPath, Date.now() + 2 * 60 * 60 * 1000);
    expect(fs.existsSync(temp)).toBe(false);
    expect(storedFiles()).toEqual([]);
  });

  it('finishes the file when the record was committed, and removes a file no record names', () => {
    const a = addAttachment(store.db, { companyId, source: file('plan.pdf', 'plan') });
    const orphan = blobPath(path.join(store.dir, 'attachments'), sha('forældreløs'));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'forældreløs');
    clearLeftovers(store.db, store.dbPath);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(listAttachments(store.db, { companyId })[0]).toMatchObject({ id: a.id, missing: false });
  });
});
