import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeOf } from '../../../../src-main/core/attachments/attachment-store';
import { createBackup } from '../../../../src-main/core/backup/backup';
import { createLiveDatabase } from '../../../../src-main/core/backup/live-database';
import { restoreDatabase } from '../../../../src-main/core/backup/restore';
import { openDatabase } from '../../../../src-main/core/db/open';
import type { GeneratedDocument, Preflight } from '../../../../src-main/core/documents/document-schema';
import type { LetterKind } from '../../../../src-main/core/documents/letter-kind-schema';
import { getLetterKind, kindTemplateBytes } from '../../../../src-main/core/documents/letter-kinds';
import { findSoffice } from '../../../../src-main/core/documents/pdf';
import { docxParagraphs, type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore, tempDir } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store);
  sample = await seedCase(store);
});
afterEach(() => store.close());

/** A .docx with one paragraph per line, as Word would save a consultant's template. */
async function template(name: string, lines: string[]): Promise<string> {
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  const file = path.join(store.dir, 'mine', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

const folder = () => path.join(store.dir, 'breve');
const kindsRows = () => store.db.prepare('SELECT count(*) AS n FROM letter_kinds').get() as { n: number };
const storedFiles = () =>
  fs.existsSync(storeOf(store.db) ?? '') ? fs.readdirSync(storeOf(store.db) as string, { recursive: true }).length : 0;

const MENTOR = [
  '{{org_name}}',
  '{{company_name}}, {{company_address}}',
  'Att.: {{contact_name}}',
  '{{letter_date}}',
  'Tilbud om mentorforløb til {{company_name}}',
  'Besøg {{visit_date}}: {{next_steps}}',
  'Venlig hilsen {{signature_name}}',
];

describe("a consultant's own letter kind", () => {
  it('is made like a built-in kind: preflight, file under the kind name, recorded, read back by python-docx', async () => {
    const file = await template('Mentortilbud.docx', MENTOR);
    const kind = (await store.call('letterKinds.add', {
      name: 'Tilbud om mentorforløb',
      subject: 'visit',
      template: { path: file },
    })) as LetterKind;
    expect(kind).toMatchObject({
      ref: `custom:${kind.id}`,
      subject: 'visit',
      templateName: 'Mentortilbud.docx',
      used: 0,
    });
    expect(kind.fields).toContain('next_steps');
    // Kept by content: the original may move away.
    fs.rmSync(file);

    const pre = (await store.call('documents.preflight', {
      kind: kind.ref,
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre).toMatchObject({ ready: true, missing: [] });
    const doc = (await store.call('documents.generate', {
      kind: kind.ref,
      companyId: sample.company.id,
      folder: folder(),
      letterDate: '2011-10-17',
      email: true,
    })) as GeneratedDocument;
    expect(doc).toMatchObject({ kind: kind.ref, kindName: 'Tilbud om mentorforløb', visitId: sample.visitId });
    expect(doc.fileName).toBe('Tilbud om mentorforløb - Ådalens Gårdbutik ApS - 2011-10-17.docx');
    const text = docxParagraphs(doc.path).join('\n');
    expect(text).toContain('Favrskov Erhverv');
    expect(text).toContain('Ådalens Gårdbutik ApS, Ådalsvej 12, 8370 Hadsten');
    expect(text).toContain('Att.: Mette Østergaard');
    expect(text).toContain('Besøg 3. oktober 2011: Anne sender materiale om LAG-puljen.');
    expect(text).toContain('Venlig hilsen Anne Kjær');
    expect(text).not.toMatch(/\{\{|\}\}|undefined/);
    expect(doc.emailDraft && fs.readFileSync(doc.emailDraft, 'utf8')).toMatch(/X-Unsent: 1/);

    const written = store.db.prepare('SELECT kind FROM written_files WHERE path = ?').get(doc.path) as { kind: string };
    expect(written.kind).toBe('document:custom');
    const listed = (await store.call('documents.list', { companyId: sample.company.id })) as GeneratedDocument[];
    expect(listed.map((d) => [d.kind, d.kindName])).toEqual([[kind.ref, 'Tilbud om mentorforløb']]);
  });

  it("about a referral: its e-mail draft goes to the referral's organisation with the letter, and a PDF copy is made", async () => {
    const kind = (await store.call('letterKinds.add', {
      name: 'Opfølgning på henvisning',
      subject: 'referral',
      template: { path: await template('Opfølgning.docx', ['Til {{recipient_name}}', 'Sag {{case_ref}}: {{reason}}']) },
    })) as LetterKind;
    const doc = (await store.call('documents.generate', {
      kind: kind.ref,
      companyId: sample.company.id,
      folder: folder(),
      email: true,
      pdf: findSoffice() !== null,
    })) as GeneratedDocument;
    expect(doc.referralId).toBe(sample.referral.id);
    const mail = await simpleParser(fs.readFileSync(doc.emailDraft as string));
    expect(mail.subject).toBe('Opfølgning på henvisning, Ådalens Gårdbutik ApS');
    expect(mail.text).toContain('Kære Væksthus Midtjylland');
    expect(mail.attachments.map((a) => a.filename)).toEqual([doc.fileName]);
    expect(mail.attachments[0]?.content.equals(fs.readFileSync(doc.path))).toBe(true);
    if (findSoffice())
      expect(
        fs
          .readFileSync(doc.pdf as string)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
  });

  it('names what is missing before anything is written, like the built-in kind about the same record', async () => {
    const kind = (await store.call('letterKinds.add', {
      name: 'Netværksbrev',
      subject: 'network',
      template: {
        path: await template('Netværk.docx', ['{{network_name}} mødes {{meeting_date}} på {{meeting_place}}']),
      },
    })) as LetterKind;
    const pre = (await store.call('documents.preflight', {
      kind: kind.ref,
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre.ready).toBe(false);
    expect(pre.missing.map((m) => m.code)).toEqual(['doc.missing.network']);
    await expect(
      store.call('documents.generate', { kind: kind.ref, companyId: sample.company.id, folder: folder() }),
    ).rejects.toThrow(/netværk/);
    expect(fs.existsSync(folder()) ? fs.readdirSync(folder()) : []).toEqual([]);

    const network = (await store.call('networks.create', {
      name: 'Fødevarenetværket Djursland',
      foundedOn: '2010-01-01',
    })) as {
      id: number;
    };
    await store.call('networks.addMember', {
      networkId: network.id,
      companyId: sample.company.id,
      joinedOn: '2010-02-01',
    });
    await store.call('networks.addMeeting', { networkId: network.id, heldOn: '2099-11-24', place: 'Gården' });
    const batch = (await store.call('documents.generateBatch', {
      kind: kind.ref,
      companyIds: [sample.company.id],
      networkId: network.id,
      folder: folder(),
    })) as { documents: GeneratedDocument[] };
    expect(docxParagraphs(batch.documents[0]?.path as string)).toContain(
      'Fødevarenetværket Djursland mødes 24. november 2099 på Gården',
    );
    expect(batch.documents[0]?.kindSubject).toBe('network');
    await expect(store.call('documents.regenerate', { id: batch.documents[0]?.id })).rejects.toThrow(
      'Et brev til et netværks medlemmer dannes igen fra netværket',
    );
  });

  it('is renamed and retired, not deleted, once letters were made of it: the letters keep its name', async () => {
    const kind = (await store.call('letterKinds.add', {
      name: 'Tak for besøget',
      subject: 'company',
      template: { path: await template('Tak.docx', ['Kære {{contact_name}}']) },
    })) as LetterKind;
    await store.call('letterKinds.rename', { id: kind.id, name: 'Tak for i dag' });
    await store.call('documents.generate', { kind: kind.ref, companyId: sample.company.id, folder: folder() });
    expect(await store.call('letterKinds.remove', { id: kind.id })).toEqual({ removed: 'retired' });
    expect(await store.call('letterKinds.list', {})).toEqual([]);
    const listed = (await store.call('documents.list', { companyId: sample.company.id })) as GeneratedDocument[];
    expect(listed[0]?.kindName).toBe('Tak for i dag');
    await expect(
      store.call('documents.generate', { kind: kind.ref, companyId: sample.company.id, folder: folder() }),
    ).rejects.toThrow(/er fjernet/);
    // Its name is free again, and an unused kind goes altogether, its stored template too.
    const again = (await store.call('letterKinds.add', {
      name: 'Tak for i dag',
      subject: 'company',
      template: { path: await template('Tak2.docx', ['Kære {{contact_name}}, tak.']) },
    })) as LetterKind;
    const before = storedFiles();
    expect(await store.call('letterKinds.remove', { id: again.id })).toEqual({ removed: 'deleted' });
    expect(storedFiles()).toBeLessThan(before);
  });
});

describe("a kind's template travels with the backups", () => {
  it('restored into an empty folder, the kind makes its letters again from the same template', async () => {
    const file = await template('Tak.docx', ['Kære {{contact_name}}']);
    const kind = (await store.call('letterKinds.add', {
      name: 'Tak for besøget',
      subject: 'company',
      template: { path: file },
    })) as LetterKind;
    const backup = await createBackup(store.db, store.dbPath, 'manual');
    const empty = tempDir();
    const live = createLiveDatabase(path.join(empty.dir, 'bindeled.db'), (f) => openDatabase(f));
    try {
      expect((await restoreDatabase(live, backup.path)).attachmentsMissing).toBe(0);
      const restored = await getLetterKind(live.db, kind.id);
      expect(restored).toMatchObject({ name: 'Tak for besøget', templateFound: true, fields: ['contact_name'] });
      expect(kindTemplateBytes(live.db, restored).equals(fs.readFileSync(file))).toBe(true);
    } finally {
      live.db.close();
      empty.cleanup();
    }
  });
});

describe('a template that cannot be a letter kind is refused and nothing is written', () => {
  it('names each unknown field', async () => {
    const file = await template('Forkert.docx', ['{{company_name}} {{firmanavn}} {{visit_date}} {{lag_name}}']);
    const before = storedFiles();
    await expect(
      store.call('letterKinds.add', { name: 'Forkert', subject: 'company', template: { path: file } }),
    ).rejects.toThrow(
      'Skabelonen "Forkert.docx" bruger felter, Bindeled ikke kan udfylde for et brev om "Virksomheden": {{firmanavn}}, {{lag_name}}, {{visit_date}}. Intet er gemt.',
    );
    expect(kindsRows().n).toBe(0);
    expect(storedFiles()).toBe(before);
  });

  it('names a file that is not a .docx, from a path or an upload', async () => {
    const file = path.join(store.dir, 'noter.docx');
    fs.writeFileSync(file, 'ikke en zip');
    await expect(
      store.call('letterKinds.add', { name: 'Noter', subject: 'company', template: { path: file } }),
    ).rejects.toThrow('"noter.docx" er ikke en Word-fil (.docx), der kan læses. Intet er gemt.');
    await expect(
      store.call('letterKinds.add', {
        name: 'Noter',
        subject: 'company',
        template: { base64: Buffer.from('PK nope').toString('base64'), fileName: 'upload.docx' },
      }),
    ).rejects.toThrow('"upload.docx" er ikke en Word-fil');
    expect(kindsRows().n).toBe(0);
  });

  it('refuses a second kind of the same name, in any case', async () => {
    const file = await template('A.docx', ['{{company_name}}']);
    await store.call('letterKinds.add', { name: 'Invitation', subject: 'company', template: { path: file } });
    await expect(
      store.call('letterKinds.add', { name: 'INVITATION', subject: 'company', template: { path: file } }),
    ).rejects.toThrow('Der er allerede en brevtype, der hedder "Invitation"');
  });
});

describe('the placeholders of each subject', () => {
  it('have a Danish name and an example value, and include every placeholder of the built-in kind', async () => {
    const subjects = (await store.call('letterKinds.fields', {})) as Array<{
      subject: string;
      placeholders: Array<{ key: string; description: string; example: string }>;
    }>;
    expect(subjects.map((s) => s.subject)).toEqual(['company', 'referral', 'lag', 'visit', 'network']);
    for (const s of subjects) {
      for (const p of s.placeholders) {
        expect(p.description, p.key).not.toBe('');
        expect(p.example, p.key).not.toBe('');
      }
    }
    const templates = (await store.call('documents.templates', {})) as Array<{
      kind: string;
      placeholders: Array<{ key: string }>;
    }>;
    const keysOf = (list: Array<{ key: string }> | undefined) => (list ?? []).map((p) => p.key);
    const builtin = (kind: string) => keysOf(templates.find((t) => t.kind === kind)?.placeholders);
    const subject = (name: string) => keysOf(subjects.find((s) => s.subject === name)?.placeholders);
    expect(subject('referral')).toEqual(builtin('vaeksthus'));
    expect(subject('lag')).toEqual(builtin('lag'));
    expect(subject('visit')).toEqual(builtin('visit-summary'));
  });
});
