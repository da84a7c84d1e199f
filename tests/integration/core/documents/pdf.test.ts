import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchResult, GeneratedDocument, PdfSettings } from '../../../../src-main/core/documents/document-schema';
import { findSoffice, makePdfs } from '../../../../src-main/core/documents/pdf';
import { sweepLeftovers, tempFilesIn, tempPathIn } from '../../../../src-main/core/files/leftovers';
import { LETTER_DATE, type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

const soffice = findSoffice();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
if (!soffice)
  console.log('LibreOffice (soffice) findes ikke på denne maskine: PDF-testene med LibreOffice springes over.');

let store: TestStore;
let sample: SampleCase;
let out: string;
beforeAll(async () => {
  store = openTestStore();
  out = path.join(store.dir, 'breve');
  await setLetterhead(store, false);
  sample = await seedCase(store);
});
afterAll(() => store.close());
afterEach(() => {
  delete process.env.BINDELED_SOFFICE;
});

const letter = (extra: Record<string, unknown> = {}) =>
  store.call('documents.generate', {
    kind: 'visit-summary',
    companyId: sample.company.id,
    folder: out,
    letterDate: LETTER_DATE,
    ...extra,
  }) as Promise<GeneratedDocument>;

/** Nothing of a conversion may stay behind: no work folder, no profile, no stray PDF. */
function expectNoTemporaries(): void {
  expect(tempFilesIn(out)).toEqual([]);
  expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
}

describe('finding LibreOffice', () => {
  const has = (files: string[]) => (f: string) => files.includes(f);
  it('looks on PATH, then in the usual Windows and macOS places; BINDELED_SOFFICE overrides', () => {
    expect(findSoffice({ env: { PATH: '/a:/b' }, platform: 'linux', isFile: has(['/b/soffice']) })).toBe('/b/soffice');
    expect(
      findSoffice({
        env: { PATH: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
        platform: 'win32',
        isFile: has(['C:\\Program Files\\LibreOffice\\program\\soffice.exe']),
      }),
    ).toBe('C:\\Program Files\\LibreOffice\\program\\soffice.exe');
    expect(
      findSoffice({
        env: { PATH: '/usr/bin' },
        platform: 'darwin',
        isFile: has(['/Applications/LibreOffice.app/Contents/MacOS/soffice']),
      }),
    ).toBe('/Applications/LibreOffice.app/Contents/MacOS/soffice');
    expect(findSoffice({ env: { PATH: '/usr/bin' }, platform: 'linux', isFile: () => false })).toBeNull();
    expect(
      findSoffice({ env: { PATH: '/b', BINDELED_SOFFICE: '' }, platform: 'linux', isFile: () => true }),
    ).toBeNull();
  });
});

describe('a conversion killed with Bindeled', () => {
  it('leaves a work folder the next start removes, profile and all', () => {
    fs.mkdirSync(out, { recursive: true });
    // As a killed process leaves it: the folder of an earlier process, LibreOffice's files inside.
    const work = tempPathIn(out, 'pdf');
    fs.mkdirSync(path.join(work, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(path.join(work, 'profile', 'user', 'registrymodifications.xcu'), '<x/>');
    fs.mkdirSync(path.join(work, 'out'));
    fs.writeFileSync(path.join(work, 'out', '0.pdf'), '%PDF-1.7');
    const report = sweepLeftovers(store.db, { folders: [out] });
    expect(report.removed.pdf).toBe(1);
    expect(fs.existsSync(work)).toBe(false);
    expectNoTemporaries();
  });
});

describe('PDF where LibreOffice is missing', () => {
  it('says so and how to get it; by the setting alone the letter is still written', async () => {
    process.env.BINDELED_SOFFICE = '';
    const settings = (await store.call('documents.pdfSettings')) as PdfSettings;
    expect(settings).toMatchObject({ available: false, soffice: null, alwaysPdf: false });
    const asked = await store.dispatch('documents.generate', {
      kind: 'visit-summary',
      companyId: sample.company.id,
      folder: out,
      pdf: true,
    });
    expect(asked.ok).toBe(false);
    if (!asked.ok) expect(asked.error.message).toContain('libreoffice.org');
    await store.call('documents.updatePdfSettings', { alwaysPdf: true });
    const doc = await letter();
    expect(fs.existsSync(doc.path)).toBe(true);
    expect(doc.pdf).toBeUndefined();
    expect(doc.pdfProblem).toContain('LibreOffice er ikke installeret');
    await store.call('documents.updatePdfSettings', { alwaysPdf: false });
  });
});

describe.skipIf(!soffice)('PDF with LibreOffice', () => {
  it('makes a real PDF beside the letter, and two conversions at once do not clash', { timeout: 300_000 }, async () => {
    const doc = await letter({ pdf: true });
    expect(doc.pdf).toBe(doc.path.replace(/\.docx$/, '.pdf'));
    const pdf = fs.readFileSync(doc.pdf as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (pdftotext) {
      const text = spawnSync(pdftotext, [doc.pdf as string, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Ådalens Gårdbutik ApS');
    }
    // A file Bindeled wrote: it may be opened.
    expect(await store.call('files.open', { path: doc.pdf })).toBeNull();
    expectNoTemporaries();

    const [a, b] = [await letter(), await letter()];
    const results = await Promise.all([
      makePdfs(store.db, [(a as GeneratedDocument).id]),
      makePdfs(store.db, [(b as GeneratedDocument).id]),
    ]);
    for (const r of results) {
      expect(r.files).toHaveLength(1);
      expect(
        fs
          .readFileSync(r.files[0]?.path as string)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    }
    expectNoTemporaries();
  });

  it('a batch with the setting on gets a PDF per letter with progress; a cancel leaves nothing', {
    timeout: 300_000,
  }, async () => {
    await store.call('documents.updatePdfSettings', { alwaysPdf: true });
    const progress: number[] = [];
    const r = await store.dispatch(
      'documents.generateBatch',
      { kind: 'visit-summary', companyIds: [sample.company.id], folder: out, letterDate: LETTER_DATE },
      { jobId: 'pdf-batch' },
    );
    expect(r.ok).toBe(true);
    const batch = (r.ok ? r.value : null) as BatchResult;
    expect(batch.documents[0]?.pdf).toMatch(/\.pdf$/);
    await store.call('documents.updatePdfSettings', { alwaysPdf: false });

    const docs = [await letter(), await letter(), await letter()];
    const before = fs.readdirSync(out).filter((n) => n.endsWith('.pdf')).length;
    const controller = new AbortController();
    await expect(
      makePdfs(
        store.db,
        docs.map((d) => d.id),
        {
          signal: controller.signal,
          progress: (done) => {
            progress.push(done);
            controller.abort();
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress.length).toBeGreaterThan(0);
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.pdf')).length).toBe(before);
    expectNoTemporaries();
  });
});
