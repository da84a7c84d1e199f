import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/run-cli';
import { sanitiseText } from '../../../../src-main/core/files/sanitise-text';
import { writeZip, xlsxParts } from '../../../helpers/interop-zip';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/**
 * Every way text enters Bindeled stores it through the one sanitiser: the same arbitrary name and
 * city, full of controls, non-characters and lone surrogates, typed into the form (the API), given
 * to the CLI, or imported from CSV, XLSX or a caseload file, is stored as the same sanitised text.
 */
let store: TestStore;
let caseloadTemplate: Record<string, unknown>;

beforeAll(async () => {
  store = openTestStore();
  await store.call('companies.create', { name: 'Skabelon', city: 'Vorupør' });
  const file = path.join(store.dir, 'skabelon.bindeled.json');
  await store.call('interop.export', { format: 'caseload', path: file, scope: { kind: 'all' } });
  caseloadTemplate = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
});
afterAll(() => store.close());

interface Entered {
  name: string;
  city: string;
}

let fileNo = 0;
const nextFile = (ext: string) => path.join(store.dir, `indtastet-${++fileNo}.${ext}`);

/** A CSV as Excel's "Unicode text" saves it: UTF-16 can carry U+0000 and a lone surrogate. */
function csvFile(e: Entered): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const file = nextFile('csv');
  fs.writeFileSync(file, Buffer.from(`\uFEFFsep=;\r\nNavn;By\r\n${q(e.name)};${q(e.city)}\r\n`, 'utf16le'));
  return file;
}

/** OOXML text: what XML cannot hold raw as Excel's _xHHHH_ escapes, "_" escaped so it stays "_". */
function ooxml(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const raw = ch === '_' || (c < 0x20 && ch !== '\t' && ch !== '\n') || (c >= 0x7f && c <= 0x9f);
    if (raw || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    else out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch;
  }
  return out;
}

function xlsxFile(e: Entered): string {
  const cell = (ref: string, s: string) =>
    `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${ooxml(s)}</t></is></c>`;
  const sheet = `<worksheet><sheetData><row r="1">${cell('A1', 'Navn')}${cell('B1', 'By')}</row><row r="2">${cell(
    'A2',
    e.name,
  )}${cell('B2', e.city)}</row></sheetData></worksheet>`;
  const file = nextFile('xlsx');
  writeZip(file, xlsxParts(Buffer.from(sheet, 'utf8')));
  return file;
}

/** The exported caseload file with its one firm renamed: JSON carries every character as an escape. */
function caseloadFile(e: Entered): string {
  const [firm] = caseloadTemplate.companies as Array<Record<string, unknown>>;
  const file = nextFile('bindeled.json');
  const companies = [{ ...firm, uuid: randomUUID(), name: e.name, city: e.city }];
  fs.writeFileSync(file, JSON.stringify({ ...caseloadTemplate, companies }), 'utf8');
  return file;
}

async function cli(e: Entered): Promise<void> {
  const err: string[] = [];
  const code = await runCli(['--db', store.dbPath, 'companies', 'add', '--name', e.name, '--city', e.city], {
    out: () => {},
    err: (l) => err.push(l),
  });
  expect(err).toEqual([]);
  expect(code).toBe(0);
}

async function importFile(file: string): Promise<void> {
  const report = (await store.call('interop.preview', { path: file })) as { fingerprint: string; issues: unknown[] };
  expect(report.issues).toEqual([]);
  const result = (await store.call('interop.import', {
    path: file,
    fingerprint: report.fingerprint,
    onInvalid: 'abort',
  })) as { written: boolean };
  expect(result.written).toBe(true);
}

const ways: Record<string, (e: Entered) => Promise<unknown>> = {
  form: (e) => store.call('companies.create', e),
  cli,
  csv: (e) => importFile(csvFile(e)),
  xlsx: (e) => importFile(xlsxFile(e)),
  caseload: (e) => importFile(caseloadFile(e)),
};

const lastFirm = () => store.db.prepare('SELECT name, city FROM companies ORDER BY id DESC LIMIT 1').get() as Entered;

// Characters from every group the sanitiser treats, and ones it must leave alone.
const unit = fc.oneof(
  fc.constantFrom('a', 'Æ', 'ø', 'å', ' ', ';', ',', '"', "'", '=', '&', '<', '>', '_', 'x', '0', '🐄', '\t', '\n'),
  fc.constantFrom('\r\n', '\r', '\u2028', '\u202E', '\u200F', '\uFEFF', '\u00AD', '\u{10FFFD}'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\uD800', '\uDBFF', '\uDC00'),
);
/** Letters at both ends, so each path's trimming has nothing to do and only the sanitiser acts. */
const text = (max: number) =>
  fc
    .tuple(fc.constantFrom('B', 'k', 'Ø'), fc.string({ unit, maxLength: max }), fc.constantFrom('n', 'å', 'T'))
    .map(([a, middle, b]) => `${a}${middle}${b}`);

/** Nothing the sanitiser removes: controls but tab and line feed, non-characters, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not be stored.
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{10FFFF}]/u;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text from every way in is stored through the one sanitiser', () => {
  it('the form, the CLI, CSV, XLSX and the caseload file store the same sanitised name and city', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ name: text(40), city: text(30) }), async (entered) => {
        const expected = { name: sanitiseText(entered.name), city: sanitiseText(entered.city) };
        for (const [way, enter] of Object.entries(ways)) {
          await enter(entered);
          const stored = lastFirm();
          expect({ way, ...stored }).toEqual({ way, ...expected });
          for (const value of [stored.name, stored.city]) {
            expect(value).not.toMatch(FORBIDDEN);
            expect(value).not.toMatch(LONE_SURROGATE);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('keeps line breaks as LF and tabs, and text that needs nothing unchanged', async () => {
    await store.call('companies.create', { name: 'Ådalens\r\nGård\rbutik\tApS\u0001\u0085\uFFFE', city: 'Århus C' });
    expect(lastFirm()).toEqual({ name: 'Ådalens\nGård\nbutik\tApS', city: 'Århus C' });
  });
});
