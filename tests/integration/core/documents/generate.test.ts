import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../../src-main/core/companies/schema';
import type { GeneratedDocument, Preflight, TemplateCheck } from '../../../../src-main/core/documents/document-schema';
import {
  docxText,
  LETTER_DATE,
  orgId,
  readDocx,
  type SampleCase,
  seedCase,
  setLetterhead,
} from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
let out: string;
beforeEach(async () => {
  store = openTestStore();
  out = path.join(store.dir, 'breve');
  await setLetterhead(store);
  sample = await seedCase(store);
});
afterEach(() => store.close());

async function generate(kind: string, extra: Record<string, unknown> = {}): Promise<GeneratedDocument> {
  return (await store.call('documents.generate', {
    kind,
    companyId: sample.company.id,
    folder: out,
    letterDate: LETTER_DATE,
    ...extra,
  })) as GeneratedDocument;
}

async function failure(method: string, input: unknown) {
  const r = await store.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return {
    code: r.error.code,
    message: r.error.message,
    fields: (r.error.details?.fields ?? []).map((f) => f.message),
  };
}

/** What no letter may ever show (bad input). */
function expectClean(text: string): void {
  expect(text).not.toMatch(/undefined|\bnull\b|NaN|\{\{|\}\}|\[object Object\]/);
}

describe('generated Word documents, read back', () => {
  it('the referral letter holds the firm, the contact, the consent, the needs and the local work', async () => {
    const doc = await generate('vaeksthus');
    expect(doc.fileName).toBe('Henvisning - Ådalens Gårdbutik ApS - 2011-10-17.docx');
    const { body, all } = await docxText(doc.path);
    for (const expected of [
      'Væksthus Midtjylland',
      'Birk Centerpark 40, 7400 Herning',
      'Dato: 17. oktober 2011',
      'Sagsnr.: FAV-2011-042',
      'Henvisende kommune: Favrskov Kommune',
      'Henvisning: Ådalens Gårdbutik ApS',
      '13748136',
      '1012345678',
      'Ådalsvej 12, 8370 Hadsten',
      '47.29.00',
      'Anpartsselskab (ApS)',
      '1. april 2009',
      'Mette Østergaard',
      'mette@aadalens-gaardbutik.dk',
      'Ådalens Gårdbutik ApS har ved Mette Østergaard den 14. oktober 2011 givet samtykke til, at oplysningerne i denne henvisning videregives til Væksthus Midtjylland.',
      'Første kontakt: 12. september 2011',
      '☒\nSalg og markedsføring',
      '☐\nEksport',
      'Markedsanalyse for Østjylland',
      '03.10.2011\nBesøg',
      'Kontakt til forsker Lektor Jens Bæk, Aarhus Universitet, AU Foulum: holdbarhed af most',
      'Medlem af netværket »Fødevarenetværk Favrskov«',
      'LAG-ansøgning til LAG Randers-Favrskov: »Kølerum, pakkeri og webshop i Ådalens Gårdbutik« (idé)',
      'Relevant støtteordning: Tilskud til køb af specialiseret rådgivning (Væksthus Midtjylland)',
      'Skitse til forretningsplan',
      'Anne Kjær',
      'Erhvervskonsulent, landdistrikter',
    ]) {
      expect(body).toContain(expected);
    }
    expect(all).toContain('Favrskov Erhverv');
    expect(all).toContain('Tlf. 89 64 10 00 · erhverv@favrskov.dk');
    expectClean(all);
  });

  it('the LAG draft holds the budget line by line, the financing with shares and the de minimis declaration', async () => {
    const doc = await generate('lag');
    const { body, all } = await docxText(doc.path);
    for (const expected of [
      'Udkast til LAG-ansøgning',
      'Kølerum, pakkeri og webshop i Ådalens Gårdbutik',
      'LAG Randers-Favrskov',
      'Erhvervsudvikling og lokale fødevarer',
      '1. marts 2012 – 31. december 2012',
      '15. februar 2012',
      'Ombygning af lade til pakkeri\nTømrer Hansen ApS\nT-2011-114\n312.000,00 kr.',
      'Byggetilladelse\nFavrskov Kommune\n–\n1.234,50 kr.',
      'Støtteberettigede udgifter i alt\n596.854,50 kr.',
      'Udstyr\n202.500,00 kr.\n33,9 %',
      'Ansøgt tilskud fra LAG\n238.741,80 kr.\n40,0 %',
      'Eget arbejde (120 timer)\n36.000,00 kr.',
      'Anden offentlig medfinansiering (Favrskov Kommunes landdistriktspulje)\n12.120,00 kr.\n2,0 %',
      'Finansiering i alt\n596.854,50 kr.\n100,0 %',
      'ordningens maksimum: 40 %',
      '1,5 årsværk',
      '450.000,00 kr.',
      'de minimis-støtte',
      'Forretningsplan 2012–2014',
      'Ingen bemærkninger.',
    ]) {
      expect(body).toContain(expected);
    }
    expect(body.match(/\d+\.\d{3},\d{2} kr\./g)?.length).toBeGreaterThan(10);
    expectClean(all);
  });

  it('the LAG draft lists what breaks the rules, as of the letter date', async () => {
    await store.call('lag.update', {
      id: sample.lag.id,
      changes: { grantRequestedOre: 30_000_000, periodStart: '2011-10-01' },
    });
    const { body } = await docxText((await generate('lag')).path);
    expect(body).toContain(
      'Der søges 300.000,00 kr. (50,3 % af de støtteberettigede udgifter); ordningen giver højst 40 %',
    );
    expect(body).toContain('Projektet starter 01.10.2011, men ansøgningen er ikke indsendt.');
  });

  it('the visit summary goes to the firm without the consultant’s private notes', async () => {
    const doc = await generate('visit-summary');
    const { body, all } = await docxText(doc.path);
    for (const expected of [
      'Att.: Mette Østergaard',
      'Referat: Besøg den 3. oktober 2011',
      'kl. 10:00, 1 t. 30 min.',
      'Gården, Ådalsvej 12',
      'Mette Østergaard (Ejer og direktør)',
      'Gårdbutik med egne æbler',
      '☒\nDigitalisering',
      'Stort',
      '10.10.2011\nSend materiale om LAG-puljen',
      '01.11.2011\nGennemgå tilbud på kølerum',
    ]) {
      expect(body).toContain(expected);
    }
    expect(all).not.toContain('Privat note');
    expectClean(all);
  });

  it('embeds the letterhead logo from settings', async () => {
    const parts = await readDocx((await generate('vaeksthus')).path);
    const header = [...parts.entries()].find(([name, xml]) => name.includes('header') && xml.includes('<w:drawing'));
    expect(header?.[1]).toContain('descr="Logo"');
  });

  it('is recorded against the company with its checksum, and may then be opened', async () => {
    const doc = await generate('vaeksthus');
    const bytes = fs.readFileSync(doc.path);
    expect(doc).toMatchObject({
      kind: 'vaeksthus',
      companyId: sample.company.id,
      letterDate: LETTER_DATE,
      referralId: sample.referral.id,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      exists: true,
    });
    expect(doc.templateId).toMatch(/^builtin:vaeksthus:[0-9a-f]{12}$/);
    const listed = (await store.call('documents.list', { companyId: sample.company.id })) as GeneratedDocument[];
    expect(listed.map((d) => d.path)).toEqual([doc.path]);
    expect(await store.call('files.open', { path: doc.path })).toBeNull();
    expect((await failure('files.open', { path: path.join(out, 'andet.docx') })).code).toBe('forbidden');
    const history = (await store.call('companies.history', { id: sample.company.id })) as Array<{ entity: string }>;
    expect(history[0]?.entity).toBe('document');
    fs.rmSync(doc.path);
    expect(
      ((await store.call('documents.list', { companyId: sample.company.id })) as GeneratedDocument[])[0]?.exists,
    ).toBe(false);
  });

  it('makes the same document again from today’s data, under a new name', async () => {
    const first = await generate('lag');
    await store.call('lag.update', { id: sample.lag.id, changes: { title: 'Nyt pakkeri' } });
    const again = (await store.call('documents.regenerate', { id: first.id, folder: out })) as GeneratedDocument;
    expect(again.path).not.toBe(first.path);
    expect(again.lagApplicationId).toBe(sample.lag.id);
    expect((await docxText(again.path)).body).toContain('Nyt pakkeri');
  });
});

describe('before generating: what is missing, in Danish', () => {
  it('names every gap for a firm with no contact person and no referral, and writes nothing', async () => {
    const bare = (await store.call('companies.create', { name: 'Tom Mark' })) as Company;
    const pre = (await store.call('documents.preflight', { kind: 'vaeksthus', companyId: bare.id })) as Preflight;
    expect(pre.ready).toBe(false);
    expect(pre.missing.map((m) => m.message)).toEqual([
      'Virksomheden har ingen henvisning til et erhvervshus eller Væksthus',
      'Der er ingen kontaktperson hos virksomheden',
    ]);
    expect(pre.warnings.map((m) => m.message)).toEqual([
      'Virksomheden har intet CVR-nummer; brevet skriver "Ikke oplyst"',
      'Virksomhedens adresse mangler; brevet skriver "Ikke oplyst"',
    ]);
    const r = await failure('documents.generate', { kind: 'vaeksthus', companyId: bare.id, folder: out });
    expect(r.code).toBe('invalid_input');
    expect(r.message).toBe(
      'Dokumentet kan ikke laves: Virksomheden har ingen henvisning til et erhvervshus eller Væksthus; Der er ingen kontaktperson hos virksomheden',
    );
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('asks for the consent and the needs on the referral, budget lines on the LAG draft, a visit for a summary', async () => {
    const bare = (await store.call('companies.create', { name: 'Tom Mark', address: 'Vej 1' })) as Company;
    await store.call('contacts.create', { companyId: bare.id, name: 'Tom' });
    await store.call('referrals.create', {
      companyId: bare.id,
      organisationId: await orgId(store, 'Erhvervshus Midtjylland'),
      reason: 'Vækst',
    });
    const messages = async (kind: string) =>
      ((await store.call('documents.preflight', { kind, companyId: bare.id })) as Preflight).missing.map(
        (m) => m.message,
      );
    expect(await messages('vaeksthus')).toEqual([
      'Henvisningen mangler datoen for virksomhedens samtykke',
      'Henvisningen beskriver ingen behov (afkryds eller skriv dem)',
    ]);
    await store.call('lag.create', { companyId: bare.id, lagId: await orgId(store, 'LAG Djursland'), title: 'Idé' });
    expect(await messages('lag')).toEqual([
      'LAG-ansøgningen har ingen budgetlinjer',
      'LAG-ansøgningen mangler et formål',
      'LAG-ansøgningen mangler aktiviteter',
      'LAG-ansøgningen mangler projektperioden',
    ]);
    expect(await messages('visit-summary')).toEqual(['Virksomheden har intet registreret besøg']);
  });

  it('asks for the letterhead before any letter, and answers in English when asked to', async () => {
    await store.call('settings.update', {
      'letterhead.organisation': '',
      'letterhead.signatureName': '',
      'user.name': '',
    });
    const pre = (await store.call('documents.preflight', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre.missing.map((m) => m.message)).toEqual([
      'Brevpapiret mangler organisationens navn (Indstillinger → Brevpapir)',
      'Brevpapiret mangler konsulentens navn til underskriften (Indstillinger → Brevpapir)',
    ]);
    await store.call('settings.update', { 'ui.language': 'en' });
    const en = (await store.call('documents.preflight', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
    })) as Preflight;
    expect(en.missing[0]?.message).toBe("The letterhead lacks the organisation's name (Settings → Letterhead)");
  });

  it('works without a logo, with a warning, and refuses a logo that is not an image', async () => {
    expect(
      (await failure('documents.setLogo', { base64: Buffer.from('ikke et billede').toString('base64') })).message,
    ).toBe('Logoet skal være en PNG- eller JPEG-fil på højst 2 MB');
    await store.call('documents.setLogo', { clear: true });
    const pre = (await store.call('documents.preflight', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre).toMatchObject({ ready: true, warnings: [{ code: 'doc.missing.logo' }] });
    const parts = await readDocx((await generate('vaeksthus')).path);
    expect([...parts.values()].some((xml) => xml.includes('<w:drawing'))).toBe(false);
  });
});

describe('hostile text', () => {
  it('XML specials, control characters, U+FFFE, emoji, braces and 10,000 characters still make a valid document', async () => {
    const name = `<Smedjen & "Søn"> 'ApS' ]]> \u0007\uFFFE\uFFFF 🔨🇩🇰`;
    const evil = (await store.call('companies.create', { name, address: 'Vej <1>', city: 'Ærø' })) as Company;
    await store.call('contacts.create', { companyId: evil.id, name: 'Ø\u0000le {{contact_name}}' });
    const long = `${'Lang tekst med æøå og 🍎. '.repeat(400)}`.slice(0, 10_000);
    await store.call('referrals.create', {
      companyId: evil.id,
      organisationId: await orgId(store, 'Erhvervshus Midtjylland'),
      reason: 'Årsag med {{company_cvr}} og {{ukendt}} og \u001b[31m farver \uD800',
      needs: ['other'],
      needsText: long,
      background: 'Linje 1\r\nLinje 2\rLinje 3\tmed tab',
      consentOn: '2011-10-14',
      annexes: ['<script>alert(1)</script>', '💼 Bilag'],
    });
    const doc = (await store.call('documents.generate', {
      kind: 'vaeksthus',
      companyId: evil.id,
      folder: out,
      letterDate: LETTER_DATE,
    })) as GeneratedDocument;
    expect(path.dirname(doc.path)).toBe(path.resolve(out));
    const { body, xml, all } = await docxText(doc.path);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML forbids.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(body).toContain(`<Smedjen & "Søn"> 'ApS' ]]>`);
    expect(body).toContain('🔨🇩🇰');
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('Linje 1\nLinje 2\nLinje 3\tmed tab');
    expect(body).toContain(long.slice(0, 2000));
    expect(body.length).toBeGreaterThan(10_000);
    expect(all).not.toContain('{{');
    expect(body).toContain('{\u200B{company_cvr}\u200B}');
  });

  it('keeps a file name from leaving the folder, and never overwrites an earlier letter', async () => {
    await store.call('companies.update', { id: sample.company.id, changes: { name: '../../etc/passwd: CON?' } });
    const a = await generate('vaeksthus');
    const b = await generate('vaeksthus');
    expect(path.dirname(a.path)).toBe(path.resolve(out));
    expect(a.fileName).toBe('Henvisning - .. .. etc passwd CON - 2011-10-17.docx');
    expect(b.fileName).toBe('Henvisning - .. .. etc passwd CON - 2011-10-17 (2).docx');
    expect(fs.readdirSync(out).sort()).toEqual([a.fileName, b.fileName].sort());
  });

  it('names the letter of a firm called "RTL <U+202E>gnp.exe ApS" as it reads, without the bidi control', async () => {
    await store.call('companies.update', { id: sample.company.id, changes: { name: 'RTL \u202Egnp.exe ApS' } });
    const letter = await generate('vaeksthus');
    expect(letter.fileName).toBe('Henvisning - RTL gnp.exe ApS - 2011-10-17.docx');
    expect(fs.readdirSync(out)).toEqual([letter.fileName]);
  });
});

describe('templates a consultant edits in Word', () => {
  /** A template written the way Word does: a placeholder split over several runs. */
  async function customTemplate(extra: string[] = []): Promise<string> {
    const words = ['company_name', 'company_cvr', 'contact_name', 'consent_line', 'reason', 'recipient_name'];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('{{org_'), new TextRun('name}}')] }),
            new Paragraph({ children: [new TextRun('{{letter_date}}')] }),
            ...[...words, ...extra].map((w) => new Paragraph({ children: [new TextRun(`${w}: {{${w}}}`)] })),
            new Paragraph({ children: [new TextRun({ text: '{{signature_name}}', bold: true })] }),
          ],
        },
      ],
    });
    const file = path.join(store.dir, `egen-${extra.join('-') || 'skabelon'}.docx`);
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    return file;
  }

  it('reports the fields a custom template lacks and refuses one with fields Bindeled cannot fill', async () => {
    const bad = await customTemplate(['kaffe_maerke']);
    const check = (await store.call('documents.checkTemplate', { kind: 'vaeksthus', path: bad })) as TemplateCheck;
    expect(check).toMatchObject({ ok: false, unknown: ['kaffe_maerke'], missingRequired: [] });
    expect(check.missing).toEqual(expect.arrayContaining(['logo', 'needs.mark1', 'annexes.text', 'company_pnumber']));
    expect(check.problems.map((p) => p.message)).toEqual([
      'Skabelonen har felter, som Bindeled ikke kender: {{kaffe_maerke}}',
    ]);
    const refused = await failure('documents.setTemplate', { kind: 'vaeksthus', path: bad });
    expect(refused.message).toBe('Skabelonen har felter, som Bindeled ikke kender: {{kaffe_maerke}}');

    const notWord = path.join(store.dir, 'brev.docx');
    fs.writeFileSync(notWord, 'Kære …');
    expect(
      ((await store.call('documents.checkTemplate', { kind: 'lag', path: notWord })) as TemplateCheck).problems[0]
        ?.message,
    ).toBe(`Skabelonen kan ikke læses som et Word-dokument: ${notWord}`);
  });

  it('uses an accepted custom template, records which one, and can go back to the shipped one', async () => {
    const good = await customTemplate();
    const check = (await store.call('documents.setTemplate', { kind: 'vaeksthus', path: good })) as TemplateCheck;
    expect(check.ok).toBe(true);
    const doc = await generate('vaeksthus');
    expect(doc.templateId).toMatch(/^custom:vaeksthus:/);
    const { body } = await docxText(doc.path);
    expect(body).toContain('Favrskov Erhverv');
    expect(body).toContain('company_cvr: 13748136');
    expectClean(body);
    await store.call('documents.setTemplate', { kind: 'vaeksthus', path: null });
    expect((await generate('vaeksthus')).templateId).toMatch(/^builtin:/);
  });

  it('refuses to generate from a custom template that has gone bad since it was chosen', async () => {
    const good = await customTemplate();
    await store.call('documents.setTemplate', { kind: 'vaeksthus', path: good });
    fs.writeFileSync(good, 'ødelagt');
    const r = await failure('documents.generate', { kind: 'vaeksthus', companyId: sample.company.id, folder: out });
    expect(r.message).toContain('Skabelonen kan ikke læses som et Word-dokument');
  });

  it('hands out a copy of the shipped template to edit, which checks clean', async () => {
    const { path: copy } = (await store.call('documents.copyTemplate', { kind: 'lag', folder: out })) as {
      path: string;
    };
    expect(path.basename(copy)).toBe('Skabelon - lag-ansoegning-udkast.docx');
    const check = (await store.call('documents.checkTemplate', { kind: 'lag', path: copy })) as TemplateCheck;
    expect(check).toMatchObject({ ok: true, unknown: [], missing: ['signature_title'] });
    expect(await store.call('files.open', { path: copy })).toBeNull();
    const info = (await store.call('documents.templates')) as Array<{ kind: string; placeholders: unknown[] }>;
    expect(info.map((t) => t.kind)).toEqual(['vaeksthus', 'lag', 'visit-summary', 'deminimis', 'brev']);
  });
});
