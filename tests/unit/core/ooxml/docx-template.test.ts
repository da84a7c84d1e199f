import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../../src-main/core/documents/document-schema';
import { logoFromBytes } from '../../../../src-main/core/documents/logo';
import { placeholdersFor } from '../../../../src-main/core/documents/placeholders';
import { TEMPLATE_FILE } from '../../../../src-main/core/documents/templates';
import {
  type DocValues,
  type LetterValues,
  patchTemplate,
  TemplateFiller,
} from '../../../../src-main/core/ooxml/docx-template';
import { readDocx, sampleLogo, xmlText } from '../../../helpers/documents-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-ooxml-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const LETTERHEAD = ['org_name', 'org_address', 'org_contact', 'org_footer', 'letter_date', 'signature_name'];
const PROPERTIES = { subject: 'Henvisning', creator: 'Karen Sørensen', description: 'Lavet med Bindeled' };

/** Every value a letter of `kind` fills, each built by `value`; table groups get `rowCount` rows. */
function letterFor(kind: DocumentKind, value: (key: string) => string, rowCount: number): LetterValues {
  const letter: LetterValues = { text: {}, rows: {}, title: value('title') };
  for (const { key } of placeholdersFor(kind)) {
    if (key === 'logo' || LETTERHEAD.includes(key)) continue;
    const [group = key, field] = key.split('.');
    if (field === undefined) {
      letter.text[key] = value(key);
      continue;
    }
    letter.rows[group] ??= Array.from({ length: rowCount }, () => ({}));
    letter.rows[group].forEach((row, i) => {
      row[field] = value(`${key}[${i}]`);
    });
  }
  return letter;
}

const shared: DocValues = {
  text: Object.fromEntries(LETTERHEAD.map((k) => [k, `Favrskov Erhverv: ${k}`])),
  rows: {},
  logo: logoFromBytes(sampleLogo()) ?? null,
};

/** Every XML part of a document, with the drawing ids `docx` counts per process made alike. */
async function partsOf(bytes: Buffer, name: string): Promise<Map<string, string>> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const parts = await readDocx(file, /\.(xml|rels)$/);
  return new Map([...parts].map(([k, v]) => [k, v.replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="n"')]));
}

describe('the template filler', () => {
  it('makes, for every kind, the letter patchDocument makes of the same values, part by part', async () => {
    for (const kind of Object.keys(TEMPLATE_FILE) as DocumentKind[]) {
      const template = fs.readFileSync(path.join(TEMPLATES, TEMPLATE_FILE[kind]));
      const filler = new TemplateFiller(template, shared, PROPERTIES);
      // A first letter compiles the shape; the second, of the same shape, is joined from it.
      await filler.fill(letterFor(kind, (k) => `først ${k}`, 2));
      const hostile = letterFor(kind, (k) => `<${k} & "Søn"> 'ApS' ]]>\u0007 {x} 🔨\nlinje 2\r\nlinje 3\t `, 2);
      const mine = await partsOf(await filler.fill(hostile), `${kind}-filler.docx`);
      const reference = await partsOf(
        await patchTemplate(
          template,
          { text: { ...shared.text, ...hostile.text }, rows: hostile.rows, logo: shared.logo },
          { ...PROPERTIES, title: hostile.title },
        ),
        `${kind}-patch.docx`,
      );
      expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [part, xml] of reference) expect({ kind, part, xml: mine.get(part) }).toEqual({ kind, part, xml });
      const body = xmlText(mine.get('word/document.xml') ?? '');
      // A free letter names its recipient (the firm by default) where the others name the firm.
      const named = kind === 'brev' ? 'recipient_name' : 'company_name';
      expect(body).toContain(`<${named} & "Søn"> 'ApS' ]]> {x} 🔨`);
      expect(body).not.toContain('{{');
    }
  }, 60_000);

  it('refuses a template whose placeholders it does not fill, naming them', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Kære {{ukendt_felt}}')] }] });
    const template = await Packer.toBuffer(doc);
    const filler = new TemplateFiller(template, shared, PROPERTIES);
    await expect(filler.fill({ text: {}, rows: {}, title: 'Brev' })).rejects.toMatchObject({
      key: 'doc.unfilled',
      params: { fields: '{{ukendt_felt}}' },
    });
  });

  it('refuses a letter whose values make a placeholder with their neighbours, never writing "{{b}}"', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('{{a}}{{b}}{{c}}')] }] });
    const filler = new TemplateFiller(await Packer.toBuffer(doc), { text: {}, rows: {}, logo: null }, {});
    const near = await filler.fill({ text: { a: '{', b: 'b}', c: ' }' }, rows: {}, title: 't' });
    expect(xmlText((await partsOf(near, 'near.docx')).get('word/document.xml') ?? '')).toBe('{b} }\n');
    await expect(filler.fill({ text: { a: '{', b: '{b}', c: '}' }, rows: {}, title: 't' })).rejects.toMatchObject({
      key: 'doc.unfilled',
      params: { fields: '{{b}}' },
    });
  });
});
