import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../../../src-main/core/documents/document-schema';
import { type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store);
  sample = await seedCase(store);
});
afterEach(() => store.close());

/** The paragraphs of a .docx as python-docx reads them (a real reader of the format). */
function paragraphs(file: string): string[] {
  const out = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys,docx,json\nd=docx.Document(sys.argv[1])\nps=[p.text for p in d.paragraphs]\nfor t in d.tables:\n  for r in t.rows:\n    ps.append(" | ".join(c.text for c in r.cells))\nprint(json.dumps(ps))',
      file,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

async function declaration(letterDate: string): Promise<string[]> {
  const doc = (await store.call('documents.generate', {
    kind: 'deminimis',
    companyId: sample.company.id,
    folder: path.join(store.dir, 'breve'),
    letterDate,
  })) as GeneratedDocument;
  expect(doc.fileName).toBe(`De minimis-erklæring - Ådalens Gårdbutik ApS - ${letterDate}.docx`);
  return paragraphs(doc.path);
}

describe('the de minimis declaration, read back with python-docx', () => {
  it('lists the aid the rule in force counts, the ceiling and the headroom, on each side of 1 January 2024', async () => {
    for (const [date, eur] of [
      ['2021-06-01', 60_000],
      ['2022-06-01', 60_000],
      ['2023-06-01', 60_000],
    ] as const)
      await store.call('deminimis.add', {
        companyId: sample.company.id,
        grantedOn: date,
        grantor: 'Favrskov Kommune',
        scheme: 'Iværksætterpulje',
        amountEurCents: eur * 100,
      });

    const before = (await declaration('2023-12-31')).join('\n');
    expect(before).toContain('Erklæring om de minimis-støtte');
    expect(before).toContain(
      'Forordning (EU) 1407/2013: højst 200.000,00 EUR over indeværende og de to foregående regnskabsår',
    );
    expect(before).toContain('Modtaget i perioden | 180.000,00 EUR');
    expect(before).toContain('Plads til mere støtte | 20.000,00 EUR');
    expect(before).toContain('1. juni 2021 | Favrskov Kommune | Iværksætterpulje | 60.000,00 EUR');

    const after = await declaration('2024-06-01');
    const text = after.join('\n');
    expect(text).toContain('Forordning (EU) 2023/2831: højst 300.000,00 EUR over enhver periode på tre år');
    expect(text).toContain('Periode | 2. juni 2021 – 1. juni 2024');
    expect(text).toContain('Plads til mere støtte | 180.000,00 EUR');
    expect(text).not.toContain('1. juni 2021 |');
    expect(after.filter((p) => p.includes('Favrskov Kommune'))).toHaveLength(2);
    expect(text).not.toMatch(/undefined|\bnull\b|NaN|\{\{|\}\}/);
  });

  it('says so when no aid is recorded', async () => {
    const text = (await declaration('2024-06-01')).join('\n');
    expect(text).toContain('Ingen de minimis-støtte registreret i perioden');
    expect(text).toContain('Plads til mere støtte | 300.000,00 EUR');
  });
});
