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

describe('an invitation to a network meeting for every member', () => {
  async function network() {
    const [n] = (await store.call('networks.list', {})) as Array<{ id: number; name: string }>;
    if (!n) throw new Error('the sample case has a network');
    const firm = async (name: string) => ((await store.call('companies.create', { name })) as { id: number }).id;
    const joined = await firm('Mosegårdens Æbler I/S');
    await store.call('networks.addMember', { networkId: n.id, companyId: joined, joinedOn: '2011-06-01' });
    const left = await firm('Gammel Mølle ApS');
    const membership = (await store.call('networks.addMember', {
      networkId: n.id,
      companyId: left,
      joinedOn: '2011-06-01',
    })) as { id: number };
    await store.call('networks.updateMember', { id: membership.id, leftOn: '2011-09-01' });
    await store.call('networks.addMeeting', {
      networkId: n.id,
      heldOn: '2099-11-03',
      place: 'Hadsten Kro',
      topic: 'salg til supermarkeder',
    });
    return { id: n.id, joined };
  }

  it('writes one letter per current member, addressed to each firm, as one batch', async () => {
    const n = await network();
    const inv = (await store.call('documents.networkInvitation', { networkId: n.id })) as {
      companyIds: number[];
      subject: string;
      text: string;
    };
    expect(inv.companyIds.sort()).toEqual([sample.company.id, n.joined].sort());
    expect(inv.subject).toBe('Invitation til netværksmøde i Fødevarenetværk Favrskov');
    const result = (await store.call('documents.generateBatch', {
      kind: 'brev',
      companyIds: inv.companyIds,
      folder: folder(),
      letterDate: '2011-10-17',
      letter: { subject: inv.subject, text: inv.text },
    })) as { documents: GeneratedDocument[] };
    expect(result.documents.map((d) => d.companyName).sort()).toEqual([
      'Mosegårdens Æbler I/S',
      'Ådalens Gårdbutik ApS',
    ]);
    for (const d of result.documents) {
      const text = docxParagraphs(d.path).join('\n');
      expect(text).toContain(d.companyName);
      expect(text).toContain('Kære medlem af Fødevarenetværk Favrskov');
      expect(text).toContain(
        'Vi inviterer jer hermed til netværksmøde i Fødevarenetværk Favrskov 3. november 2099 i Hadsten Kro. Emnet er salg til supermarkeder.',
      );
    }
  });

  it('is refused for a network without members, naming it', async () => {
    const empty = (await store.call('networks.create', { name: 'Tomt netværk', foundedOn: '2011-05-02' })) as {
      id: number;
    };
    await expect(store.call('documents.networkInvitation', { networkId: empty.id })).rejects.toThrow(
      'Netværket Tomt netværk har ingen medlemmer at invitere',
    );
  });
});

describe('an introduction to a knowledge institution', () => {
  it('is a free letter to the institution about the topic, naming the firm and its contact person', async () => {
    const [k] = (await store.call('knowledge.list', { companyId: sample.company.id })) as Array<{ id: number }>;
    const intro = (await store.call('documents.knowledgeIntroduction', { knowledgeContactId: k?.id })) as {
      companyId: number;
      recipientName: string;
      recipientAddress: string;
      subject: string;
      text: string;
    };
    expect(intro).toMatchObject({
      companyId: sample.company.id,
      recipientName: 'Aarhus Universitet, AU Foulum',
      subject: 'Introduktion af Ådalens Gårdbutik ApS',
    });
    const doc = (await store.call('documents.generate', {
      kind: 'brev',
      companyId: intro.companyId,
      folder: folder(),
      letter: intro,
    })) as GeneratedDocument;
    const text = docxParagraphs(doc.path).join('\n');
    expect(text).toContain('Aarhus Universitet, AU Foulum');
    expect(text).toContain('Kære Lektor Jens Bæk');
    expect(text).toContain('Virksomheden vil gerne tale med jer om holdbarhed af most uden tilsætningsstoffer.');
    expect(text).toContain('Kontaktpersonen er Mette Østergaard');
    expect(text).not.toMatch(/undefined|\bnull\b|\{\{|\}\}/);
  });
});
