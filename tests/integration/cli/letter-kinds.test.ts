import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/open';
import { setSetting } from '../../../src-main/core/settings/settings-repo';
import { tempCli } from '../../helpers/cli-run';
import { docxParagraphs } from '../../helpers/documents-fixtures';

const { cli, dir } = tempCli();

async function template(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir(), name);
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

function letterhead(): void {
  const db = openDatabase(path.join(dir(), 'c.db'));
  try {
    db.transaction(() => {
      setSetting(db, 'letterhead.organisation', 'Favrskov Erhverv');
      setSetting(db, 'letterhead.signatureName', 'Anne Kjær');
    })();
  } finally {
    db.close();
  }
}

describe('bindeled letter-kinds', () => {
  it('adds a kind from a .docx, lists it, and makes a letter of it with letter --kind custom:ID', async () => {
    const file = await template('Tak.docx', [
      '{{org_name}}',
      'Kære {{company_name}}',
      'Tak for i dag. {{signature_name}}',
    ]);
    const added = await cli('letter-kinds', 'add', file, '--name', 'Tak for besøget', '--subject', 'company');
    expect(added).toMatchObject({
      code: 0,
      err: '',
      out: 'Brevtype 1 tilføjet: Tak for besøget (brug --kind custom:1)',
    });
    expect((await cli('letter-kinds', 'list')).out).toBe('custom:1\tTak for besøget\tcompany\tTak.docx\t0');
    const listed = JSON.parse((await cli('letter-kinds', 'list', '--json')).out);
    expect(listed).toMatchObject([
      { id: 1, ref: 'custom:1', subject: 'company', fields: ['company_name', 'org_name', 'signature_name'] },
    ]);

    await cli('companies', 'add', '--name', 'Kildegården ApS', '--cvr', '13748136');
    letterhead();
    const out = path.join(dir(), 'ud');
    const letter = await cli(
      'letter',
      '--kind',
      'custom:1',
      '--company',
      '13748136',
      '--out',
      out,
      '--date',
      '17.10.2011',
    );
    expect(letter).toMatchObject({ code: 0, err: '' });
    expect(letter.out).toBe(path.join(out, 'Tak for besøget - Kildegården ApS - 2011-10-17.docx'));
    expect(docxParagraphs(letter.out).filter(Boolean)).toEqual([
      'Favrskov Erhverv',
      'Kære Kildegården ApS',
      'Tak for i dag. Anne Kjær',
    ]);

    // Letters were made of it: removing it retires it, and it can make no more.
    expect((await cli('letter-kinds', 'remove', '1')).out).toBe(
      'Brevtype 1 fjernet fra brevmenuerne (breve skrevet med den beholder navnet)',
    );
    expect((await cli('letter-kinds', 'list')).out).toBe('Ingen egne brevtyper');
    const again = await cli('letter', '--kind', 'custom:1', '--company', '13748136', '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Brevtypen "Tak for besøget" er fjernet');
  });

  it('refuses a template with unknown fields, naming them, and a file that is no .docx, naming it; nothing is kept', async () => {
    const bad = await template('Forkert.docx', ['{{company_name}} {{netværk}} {{visit_date}}']);
    const r = await cli('letter-kinds', 'add', bad, '--name', 'Forkert', '--subject', 'company');
    expect(r.code).toBe(1);
    expect(r.err).toContain('{{netværk}}, {{visit_date}}');
    const notDocx = path.join(dir(), 'noter.docx');
    fs.writeFileSync(notDocx, 'ikke en zip');
    const r2 = await cli('letter-kinds', 'add', notDocx, '--name', 'Noter', '--subject', 'company');
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('"noter.docx" er ikke en Word-fil (.docx)');
    expect((await cli('letter-kinds', 'list')).out).toBe('Ingen egne brevtyper');
    expect(
      fs.existsSync(path.join(dir(), 'attachments')) ? fs.readdirSync(path.join(dir(), 'attachments')) : [],
    ).toEqual([]);
  });

  it('lists the fields of a subject with their Danish names and examples, and says what an action needs', async () => {
    const fields = await cli('letter-kinds', 'fields', '--subject', 'network');
    expect(fields.out).toContain('{{network_name}}\tNetværkets navn\tFødevarenetværket Salling');
    expect((await cli('letter-kinds', 'add', '--name', 'X')).code).toBe(2);
    expect((await cli('letter-kinds', 'fields')).err).toContain('company|referral|lag|visit|network');
    expect((await cli('letter', '--kind', 'custom:x', '--company', '1', '--out', dir())).err).toContain('custom:ID');
  });
});
