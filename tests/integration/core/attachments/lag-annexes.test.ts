import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../../../src-main/api/contract';
import {
  docxParagraphs,
  LETTER_DATE,
  type SampleCase,
  seedCase,
  setLetterhead,
} from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;

beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store);
  sample = await seedCase(store);
});
afterEach(() => store.close());

async function attach(name: string, annex?: 'business_plan' | 'quote' | 'accounts'): Promise<void> {
  const file = path.join(store.dir, 'kilde', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `indhold af ${name}`);
  await store.call('attachments.add', {
    companyId: sample.company.id,
    applicationId: sample.lag.id,
    path: file,
    annex,
  });
}

describe("the LAG application's annex checklist", () => {
  it('lists the attached business plan and quotes, an annex not attached, and the other files in the draft', async () => {
    await attach('Forretningsplan 2012.pdf', 'business_plan');
    await attach('Tilbud kølerum.pdf', 'quote');
    await attach('Tilbud ombygning.pdf', 'quote');
    await attach('Foto af laden.jpg');
    const doc = (await store.call('documents.generate', {
      kind: 'lag',
      companyId: sample.company.id,
      applicationId: sample.lag.id,
      folder: path.join(store.dir, 'ud'),
      letterDate: LETTER_DATE,
    })) as GeneratedDocument;
    const text = docxParagraphs(doc.path);
    expect(text).toEqual(
      expect.arrayContaining([
        'Forretningsplan: Forretningsplan 2012.pdf',
        'Tilbud fra leverandører: Tilbud kølerum.pdf, Tilbud ombygning.pdf',
        'Seneste årsregnskab (ikke vedhæftet)',
        'Foto af laden.jpg',
      ]),
    );
  });
});
