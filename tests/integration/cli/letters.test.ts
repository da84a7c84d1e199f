import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import type { Company } from '../../../src-main/core/companies/schema';
import { findSoffice } from '../../../src-main/core/documents/pdf';
import { docxParagraphs, docxText, type SampleCase, seedCase, setLetterhead } from '../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

let store: TestStore;
let sample: SampleCase;
beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store, false);
  sample = await seedCase(store);
});
afterEach(() => store.close());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', store.dbPath, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bindeled letter', () => {
  it('writes the referral letter for a company given by CVR and prints its path', async () => {
    const dir = path.join(store.dir, 'ud');
    const r = await cli('letter', '--kind', 'vaeksthus', '--company', '13748136', '--out', dir, '--date', '17.10.2011');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(path.join(dir, 'Henvisning - Ådalens Gårdbutik ApS - 2011-10-17.docx'));
    expect((await docxText(r.out)).body).toContain('17. oktober 2011');
  });

  it('--email writes the e-mail draft beside the letter, with chosen attachments', async () => {
    const dir = path.join(store.dir, 'ud');
    const plan = path.join(store.dir, 'tilbud.pdf');
    fs.writeFileSync(plan, Buffer.from('%PDF-1.4 tilbud'));
    await cli('attach', plan, '--company', '13748136');
    const [attachment] = (await store.call('attachments.list', { companyId: sample.company.id })) as Array<{
      id: number;
    }>;
    const r = await cli(
      'letter',
      ...['--kind', 'vaeksthus', '--company', '13748136', '--out', dir, '--date', '17.10.2011', '--email'],
      ...['--attachment', String(attachment?.id)],
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    const docx = path.join(dir, 'Henvisning - Ådalens Gårdbutik ApS - 2011-10-17.docx');
    expect(r.out.split('\n')).toEqual([docx, docx.replace(/\.docx$/, '.eml')]);
    const mail = await simpleParser(fs.readFileSync(docx.replace(/\.docx$/, '.eml')));
    expect(mail.attachments.map((a) => a.filename)).toEqual([path.basename(docx), 'tilbud.pdf']);
    const usage = await cli(
      'letter',
      '--kind',
      'vaeksthus',
      '--company',
      '13748136',
      '--out',
      dir,
      '--attachment',
      '1',
    );
    expect(usage.code).toBe(2);
  });

  it('--pdf writes a PDF beside the letter, or says how to get LibreOffice', { timeout: 120_000 }, async () => {
    const dir = path.join(store.dir, 'ud');
    const args = ['letter', '--kind', 'visit-summary', '--company', '13748136', '--out', dir, '--pdf'];
    process.env.BINDELED_SOFFICE = '';
    try {
      const missing = await cli(...args);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('libreoffice.org');
      // Refused before anything is written.
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    } finally {
      delete process.env.BINDELED_SOFFICE;
    }
    if (!findSoffice()) return;
    const r = await cli(...args);
    expect(r).toMatchObject({ code: 0, err: '' });
    const [docx, pdf] = r.out.split('\n');
    expect(pdf).toBe(docx?.replace(/\.docx$/, '.pdf'));
    expect(
      fs
        .readFileSync(pdf as string)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('writes the LAG draft and the visit summary by id, as JSON when asked', async () => {
    const dir = path.join(store.dir, 'ud');
    const lag = await cli('letter', '--kind', 'lag', '--company', String(sample.company.id), '--out', dir, '--json');
    expect(lag.code).toBe(0);
    const [doc] = JSON.parse(lag.out) as Array<{ kind: string; path: string; sha256: string }>;
    expect(doc).toMatchObject({ kind: 'lag' });
    expect(fs.existsSync(doc?.path ?? '')).toBe(true);
    const visit = await cli('letter', '--kind', 'visit-summary', '--company', String(sample.company.id), '--out', dir);
    expect(visit.code).toBe(0);
    expect(path.basename(visit.out)).toMatch(/^Besøgsreferat - Ådalens Gårdbutik ApS - \d{4}-\d{2}-\d{2}\.docx$/);
  });

  it('writes several companies as one batch, and refuses them all when one lacks data', async () => {
    const dir = path.join(store.dir, 'ud');
    const bare = (await store.call('companies.create', { name: 'Uden Kontakt' })) as Company;
    const refused = await cli(
      'letter',
      '--kind',
      'vaeksthus',
      '--company',
      '13748136',
      '--company',
      String(bare.id),
      '--out',
      dir,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('1 af virksomhederne mangler oplysninger; intet er lavet');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });

  it('exits 1 with the missing items in Danish, 2 on usage errors', async () => {
    const bare = (await store.call('companies.create', { name: 'Uden Henvisning' })) as Company;
    const r = await cli('letter', '--kind', 'vaeksthus', '--company', String(bare.id), '--out', store.dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Virksomheden har ingen henvisning til et erhvervshus eller Væksthus');
    expect((await cli('letter', '--kind', 'memo', '--company', '1', '--out', store.dir)).code).toBe(2);
    expect((await cli('letter', '--kind', 'lag', '--out', store.dir)).code).toBe(2);
    expect((await cli('letter', '--kind', 'lag', '--company', '1')).code).toBe(2);
    expect((await cli('letter', '--kind', 'lag', '--company', '99999', '--out', store.dir)).code).toBe(1);
  });
});

describe('bindeled referrals list and networks list', () => {
  it('lists referrals with status and outcome, as text or JSON', async () => {
    await store.call('referrals.setStatus', { id: sample.referral.id, status: 'sent', date: '2011-10-17' });
    await store.call('referrals.setOutcome', {
      id: sample.referral.id,
      outcome: 'grant_awarded',
      amountOre: 2_500_000,
      outcomeOn: '2012-01-09',
    });
    const text = await cli('referrals', 'list');
    expect(text.code).toBe(0);
    expect(text.out).toBe(
      '17.10.2011\tSendt\tÅdalens Gårdbutik ApS\tVæksthus Midtjylland\tTilskud bevilget 25.000,00 kr.\n1 henvisninger',
    );
    const json = JSON.parse((await cli('referrals', 'list', '--json', '--status', 'sent')).out) as Array<{
      id: number;
    }>;
    expect(json.map((r) => r.id)).toEqual([sample.referral.id]);
    expect(JSON.parse((await cli('referrals', 'list', '--json', '--status', 'draft')).out)).toEqual([]);
    expect((await cli('referrals', 'list', '--status', 'glemt')).code).toBe(2);
  });

  it('lists networks with members and meetings', async () => {
    const r = await cli('networks', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toBe('02.05.2011\tFødevarenetværk Favrskov\tLokale fødevarer\t1 medlemmer\t0 møder\n1 netværk');
    const json = JSON.parse((await cli('networks', 'list', '--json')).out) as Array<{
      name: string;
      memberCount: number;
    }>;
    expect(json).toEqual([expect.objectContaining({ name: 'Fødevarenetværk Favrskov', memberCount: 1 })]);
    expect((await cli('networks', 'remove')).code).toBe(2);
  });
});

describe('bindeled letter --kind brev', () => {
  it('writes a free letter with the subject, text and recipient given, read back with python-docx', async () => {
    const dir = path.join(store.dir, 'ud');
    const r = await cli(
      'letter',
      ...['--kind', 'brev', '--company', '13748136', '--out', dir, '--date', '17.10.2011'],
      ...[
        '--subject',
        'Møde om fødevarenetværket',
        '--text',
        'Kære Mette\n\nVelkommen i netværket.',
        '--to',
        'Mette Østergaard',
      ],
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(path.join(dir, 'Brev - Ådalens Gårdbutik ApS - Møde om fødevarenetværket - 2011-10-17.docx'));
    const text = docxParagraphs(r.out).join('\n');
    expect(text).toContain('Mette Østergaard');
    expect(text).toContain('Møde om fødevarenetværket');
    expect(text).toContain('Velkommen i netværket.');
    expect(text).toContain('Ådalsvej 12');
  });

  it('names what is missing and writes nothing without a text; refuses the words with another kind', async () => {
    const dir = path.join(store.dir, 'ud');
    const r = await cli('letter', '--kind', 'brev', '--company', '13748136', '--out', dir, '--subject', 'Hej');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Brevet har ingen tekst');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.docx')) : []).toEqual([]);
    const wrong = await cli('letter', '--kind', 'lag', '--company', '13748136', '--out', dir, '--subject', 'Hej');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('gælder kun --kind brev');
  });
});

describe('bindeled letter --kind brev --network', () => {
  it("writes the invitation to the network's meeting for every member", async () => {
    const [n] = (await store.call('networks.list', {})) as Array<{ id: number }>;
    const dir = path.join(store.dir, 'ud');
    const r = await cli(
      'letter',
      ...['--kind', 'brev', '--network', String(n?.id), '--out', dir, '--date', '17.10.2011'],
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(
      path.join(
        dir,
        'Brev - Ådalens Gårdbutik ApS - Invitation til netværksmøde i Fødevarenetværk Favrskov - 2011-10-17.docx',
      ),
    );
    expect(docxParagraphs(r.out).join('\n')).toContain(
      'Vi inviterer jer hermed til næste netværksmøde i Fødevarenetværk Favrskov.',
    );
    const both = await cli('letter', '--kind', 'brev', '--network', '1', '--company', '13748136', '--out', dir);
    expect(both.code).toBe(2);
  });
});
