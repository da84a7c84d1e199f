import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument, Preflight } from '../../../../src-main/core/documents/document-schema';
import { docxParagraphs, type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store);
  sample = await seedCase(store);
});
afterEach(() => store.close());

const folder = () => path.join(store.dir, 'breve');

describe('a free letter on the letterhead, read back with python-docx', () => {
  it('prints the recipient, the subject and the text as typed, on the letterhead, and records the letter', async () => {
    const doc = (await store.call('documents.generate', {
      kind: 'brev',
      companyId: sample.company.id,
      folder: folder(),
      letterDate: '2011-10-17',
      letter: {
        subject: 'Invitation til fødevaredag',
        text: 'Kære Mette\n\nVi holder fødevaredag i Hadsten den 3. november. Du er velkommen.\nTilmelding <senest> 1. november & gerne før.',
        recipientName: 'Mette Østergaard',
      },
    })) as GeneratedDocument;
    expect(doc.kind).toBe('brev');
    expect(doc.fileName).toBe('Brev - Ådalens Gårdbutik ApS - Invitation til fødevaredag - 2011-10-17.docx');
    const text = docxParagraphs(doc.path).join('\n');
    expect(text).toContain('Mette Østergaard');
    // The address is the firm's when none is typed.
    expect(text).toContain('Ådalsvej 12, 8370');
    expect(text).toContain('17. oktober 2011');
    expect(text).toContain('Invitation til fødevaredag');
    expect(text).toContain('Vi holder fødevaredag i Hadsten den 3. november. Du er velkommen.');
    expect(text).toContain('Tilmelding <senest> 1. november & gerne før.');
    expect(text).toContain('Favrskov Erhverv');
    expect(text).toContain('Anne Kjær');
    expect(text).not.toMatch(/undefined|\bnull\b|\{\{|\}\}/);
    const listed = (await store.call('documents.list', { companyId: sample.company.id })) as GeneratedDocument[];
    expect(listed.map((d) => [d.kind, d.fileName])).toEqual([['brev', doc.fileName]]);
  });

  it('is addressed to the firm when no recipient is typed, and to the address typed when one is', async () => {
    const make = async (letter: Record<string, string>) =>
      docxParagraphs(
        (
          (await store.call('documents.generate', {
            kind: 'brev',
            companyId: sample.company.id,
            folder: folder(),
            letter: { subject: 'Opfølgning', text: 'Tak for i dag.', ...letter },
          })) as GeneratedDocument
        ).path,
      ).join('\n');
    expect(await make({})).toContain('Ådalens Gårdbutik ApS');
    const other = await make({
      recipientName: 'VIA University College',
      recipientAddress: 'Hedeager 2, 8200 Aarhus N',
    });
    expect(other).toContain('VIA University College');
    expect(other).toContain('Hedeager 2, 8200 Aarhus N');
    expect(other).not.toContain('Ådalsvej 12');
  });

  it('is refused before anything is written without a subject or a text, naming both', async () => {
    const pre = (await store.call('documents.preflight', {
      kind: 'brev',
      companyId: sample.company.id,
      letter: { subject: '  ', text: '' },
    })) as Preflight;
    expect(pre.ready).toBe(false);
    expect(pre.missing.map((m) => m.message)).toEqual(['Brevet har intet emne', 'Brevet har ingen tekst']);
    await expect(
      store.call('documents.generate', { kind: 'brev', companyId: sample.company.id, folder: folder() }),
    ).rejects.toThrow(/Brevet har intet emne/);
    expect(await store.call('documents.list', { companyId: sample.company.id })).toEqual([]);
  });

  it('cannot be made again from the database, which does not keep its words', async () => {
    const doc = (await store.call('documents.generate', {
      kind: 'brev',
      companyId: sample.company.id,
      folder: folder(),
      letter: { subject: 'Opfølgning', text: 'Tak for i dag.' },
    })) as GeneratedDocument;
    await expect(store.call('documents.regenerate', { id: doc.id })).rejects.toThrow(/kan ikke dannes igen/);
  });
});
