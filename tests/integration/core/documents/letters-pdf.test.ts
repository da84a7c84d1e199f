import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../../../src-main/core/companies/schema';
import type { GeneratedDocument } from '../../../../src-main/core/documents/document-schema';
import { LETTER_DATE, orgId, type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/**
 * Each kind of document opened by an office suite, not only by our own reader: LibreOffice
 * converts it to PDF. Where LibreOffice is missing the test says so and does not run.
 * With BINDELED_SAMPLE_DOCS=DIR the sample documents are also copied there, for
 * scripts/render-docs.sh to draw the pictures in docs/.
 */
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.log('LibreOffice (soffice) findes ikke på denne maskine: PDF-konverteringen springes over.');

let store: TestStore;
let sample: SampleCase;
const docs: Record<string, GeneratedDocument> = {};
beforeAll(async () => {
  store = openTestStore();
  await setLetterhead(store);
  sample = await seedCase(store);
  const out = path.join(store.dir, 'breve');
  for (const kind of ['vaeksthus', 'lag', 'visit-summary']) {
    docs[kind] = (await store.call('documents.generate', {
      kind,
      companyId: sample.company.id,
      folder: out,
      letterDate: LETTER_DATE,
    })) as GeneratedDocument;
  }
  const evil = (await store.call('companies.create', { name: '<Ondt & "farligt"> \u0007\uFFFE 🔥' })) as Company;
  await store.call('contacts.create', { companyId: evil.id, name: 'Ø\u0000le' });
  await store.call('referrals.create', {
    companyId: evil.id,
    organisationId: await orgId(store, 'Erhvervshus Midtjylland'),
    reason: `${'Lang tekst 🍎 æøå <&> '.repeat(500)}`.slice(0, 2000),
    needsText: 'x\uFFFF'.repeat(4000),
    needs: ['other'],
    consentOn: '2011-10-14',
  });
  docs.hostile = (await store.call('documents.generate', {
    kind: 'vaeksthus',
    companyId: evil.id,
    folder: out,
    letterDate: LETTER_DATE,
  })) as GeneratedDocument;
  const samples = process.env.BINDELED_SAMPLE_DOCS;
  if (samples) {
    fs.mkdirSync(samples, { recursive: true });
    const names: Record<string, string> = {
      vaeksthus: 'henvisning.docx',
      lag: 'lag-ansoegning-udkast.docx',
      'visit-summary': 'besoegsreferat.docx',
    };
    for (const [kind, name] of Object.entries(names)) fs.copyFileSync(docs[kind]?.path ?? '', path.join(samples, name));
  }
}, 120_000);
afterAll(() => store.close());

describe('documents as an office suite opens them', () => {
  it.skipIf(!soffice)(
    'LibreOffice converts every kind, and a letter of hostile text, to PDF',
    { timeout: 300_000 },
    () => {
      const pdfDir = path.join(store.dir, 'pdf');
      const profile = path.join(store.dir, 'lo-profile');
      const files = Object.values(docs).map((d) => d.path);
      const r = spawnSync(
        soffice,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...files],
        { encoding: 'utf8', timeout: 240_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      for (const [kind, doc] of Object.entries(docs)) {
        const pdf = path.join(pdfDir, `${path.basename(doc.path, '.docx')}.pdf`);
        expect(fs.existsSync(pdf), `${kind} gave no PDF`).toBe(true);
        const bytes = fs.readFileSync(pdf);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        if (pdftotext && kind !== 'hostile') {
          const text = spawnSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
          expect(text).toContain('Ådalens Gårdbutik ApS');
          expect(text).toContain('17. oktober 2011');
        }
      }
    },
  );
});
