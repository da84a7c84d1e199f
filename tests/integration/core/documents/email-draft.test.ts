import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../../src-main/core/attachments/attachment-types';
import type { Company } from '../../../../src-main/core/companies/schema';
import type { EmailDraft, GeneratedDocument } from '../../../../src-main/core/documents/document-schema';
import { composeDraft } from '../../../../src-main/core/documents/email-draft';
import { hardDeleteCompany } from '../../../../src-main/core/privacy/erase';
import { LETTER_DATE, type SampleCase, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
let out: string;
beforeEach(async () => {
  store = openTestStore();
  out = path.join(store.dir, 'breve');
  await setLetterhead(store, false);
  sample = await seedCase(store);
  store.db
    .prepare('UPDATE organisations SET email = ? WHERE id = ?')
    .run('info@vaeksthusmidtjylland.dk', sample.referral.organisationId);
});
afterEach(() => store.close());

const letter = (extra: Record<string, unknown> = {}) =>
  store.call('documents.generate', {
    kind: 'vaeksthus',
    companyId: sample.company.id,
    folder: out,
    letterDate: LETTER_DATE,
    ...extra,
  }) as Promise<GeneratedDocument>;

const parse = (file: string) => simpleParser(fs.readFileSync(file));

describe('a letter sent as e-mail', () => {
  it('writes a draft beside the letter that a mail program opens as a new message to the organisation', async () => {
    const doc = await letter({ email: true });
    expect(doc.emailDraft).toBe(doc.path.replace(/\.docx$/, '.eml'));
    const raw = fs.readFileSync(doc.emailDraft as string, 'latin1');
    expect(raw).toMatch(/^X-Unsent: 1\r?$/m);
    // The Danish subject travels encoded, never as raw 8-bit header text.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const mail = await parse(doc.emailDraft as string);
    expect(mail.subject).toBe('Henvisning af Ådalens Gårdbutik ApS');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { address: 'info@vaeksthusmidtjylland.dk', name: 'Væksthus Midtjylland' },
    ]);
    expect(mail.from?.value).toEqual([{ address: 'ank@favrskov.dk', name: 'Anne Kjær' }]);
    expect(mail.text).toContain('Kære Væksthus Midtjylland');
    expect(mail.text).toContain('Ådalens Gårdbutik ApS');
    expect(mail.text).toContain('Anne Kjær');
    expect(mail.attachments.map((a) => a.filename)).toEqual([doc.fileName]);
    expect(mail.attachments[0]?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Buffer.compare(mail.attachments[0]?.content as Buffer, fs.readFileSync(doc.path))).toBe(0);
    // It is a file Bindeled wrote: the desktop may open it in the mail program.
    expect(await store.call('files.open', { path: doc.emailDraft })).toBeNull();
  });

  it('attaches the chosen attachments byte for byte, and refuses one of another firm', async () => {
    const doc = await letter();
    const plan = path.join(store.dir, 'Forretningsplan æøå.pdf');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    fs.writeFileSync(plan, bytes);
    const a = (await store.call('attachments.add', { companyId: sample.company.id, path: plan })) as Attachment;
    const draft = (await store.call('documents.emailDraft', { id: doc.id, attachmentIds: [a.id] })) as EmailDraft;
    expect(draft).toMatchObject({ to: 'info@vaeksthusmidtjylland.dk', attachments: 2 });
    const mail = await parse(draft.path);
    expect(mail.attachments.map((x) => x.filename)).toEqual([doc.fileName, 'Forretningsplan æøå.pdf']);
    expect(Buffer.compare(mail.attachments[1]?.content as Buffer, bytes)).toBe(0);
    expect(Buffer.compare(mail.attachments[0]?.content as Buffer, fs.readFileSync(doc.path))).toBe(0);

    const other = (await store.call('companies.create', { name: 'Anden ApS' })) as Company;
    const b = (await store.call('attachments.add', { companyId: other.id, path: plan })) as Attachment;
    const r = await store.dispatch('documents.emailDraft', { id: doc.id, attachmentIds: [b.id] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('hører til en anden virksomhed');
  });

  it('a firm or contact name with a line break cannot add a header', async () => {
    const evil = (await store.call('companies.create', {
      name: 'Ond ApS\r\nBcc: spion@example.com',
    })) as Company;
    await store.call('contacts.create', {
      companyId: evil.id,
      name: 'Ole\nX-Evil: ja',
      email: 'ole@example.com',
    });
    await store.call('visits.create', {
      companyId: evil.id,
      date: '2011-10-03',
      type: 'visit',
      needs: ['other'],
    });
    const doc = (await store.call('documents.generate', {
      kind: 'visit-summary',
      companyId: evil.id,
      folder: out,
      letterDate: LETTER_DATE,
      email: true,
    })) as GeneratedDocument;
    const mail = await parse(doc.emailDraft as string);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('x-evil')).toBe(false);
    expect([...mail.headers.keys()].filter((k) => k.startsWith('x-'))).toEqual(['x-unsent']);
    expect(mail.subject).toContain('Ond ApS Bcc: spion@example.com');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { address: 'ole@example.com', name: 'Ole X-Evil: ja' },
    ]);
  });

  it('reads back whole with Danish names holding address syntax, a long subject and a file name with æøå', async () => {
    const content = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    const subject = `Henvisning af ${'Ådalens Gårdbutik og Røgeri '.repeat(4)}ApS`;
    const draft = composeDraft({
      from: { name: 'Søren Ærø, konsulent', email: 'sae@favrskov.dk' },
      to: { name: 'Østjysk Væksthus: "erhvervsservice"', email: 'info@example.dk' },
      subject,
      text: `Kære Væksthus\n\n${'En lang linje om gårdbutikken og dens planer for det næste år. '.repeat(5)}\n\nMed venlig hilsen`,
      files: [{ fileName: 'Forretningsplan for Ådalens Gårdbutik – 2026.docx', content }],
    });
    const lines = draft.toString('latin1').split('\r\n');
    expect(lines.filter((l) => l.length > 998)).toEqual([]);
    const mail = await simpleParser(draft);
    expect(mail.from?.value).toEqual([{ address: 'sae@favrskov.dk', name: 'Søren Ærø, konsulent' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { address: 'info@example.dk', name: 'Østjysk Væksthus: "erhvervsservice"' },
    ]);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('En lang linje om gårdbutikken og dens planer for det næste år. En lang');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Forretningsplan for Ådalens Gårdbutik – 2026.docx']);
    expect(mail.attachments[0]?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Buffer.compare(mail.attachments[0]?.content as Buffer, content)).toBe(0);
  });

  it('erasing the firm removes its drafts with its letters', async () => {
    const doc = await letter({ email: true });
    const extra = (await store.call('documents.emailDraft', { id: doc.id })) as EmailDraft;
    hardDeleteCompany(store.db, sample.company.id, { deleteFiles: true });
    for (const f of [doc.path, doc.emailDraft as string, extra.path]) expect(fs.existsSync(f)).toBe(false);
  });

  it('a recipient without an address gives a draft without To, and a batch writes a draft beside every letter', async () => {
    store.db.prepare('UPDATE organisations SET email = NULL WHERE id = ?').run(sample.referral.organisationId);
    const doc = await letter();
    const draft = (await store.call('documents.emailDraft', { id: doc.id })) as EmailDraft;
    expect(draft.to).toBeNull();
    expect((await parse(draft.path)).to).toBeUndefined();

    const second = (await store.call('companies.create', { name: 'Ådalens Gårdbutik ApS' })) as Company;
    await store.call('contacts.create', { companyId: second.id, name: 'Per', email: 'per@example.com' });
    await store.call('visits.create', { companyId: second.id, date: '2011-10-03', type: 'visit', needs: ['other'] });
    const batch = (await store.call('documents.generateBatch', {
      kind: 'visit-summary',
      companyIds: [sample.company.id, second.id],
      folder: out,
      letterDate: LETTER_DATE,
      email: true,
    })) as { documents: GeneratedDocument[] };
    // Two firms of the same name: each draft takes its own letter's name.
    for (const d of batch.documents) {
      expect(d.emailDraft).toBe(d.path.replace(/\.docx$/, '.eml'));
      const mail = await parse(d.emailDraft as string);
      expect(mail.subject).toBe('Referat af vores møde, Ådalens Gårdbutik ApS');
      expect(Buffer.compare(mail.attachments[0]?.content as Buffer, fs.readFileSync(d.path))).toBe(0);
    }
    expect(new Set(batch.documents.map((d) => d.emailDraft)).size).toBe(2);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
