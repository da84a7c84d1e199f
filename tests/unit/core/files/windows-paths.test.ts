import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitStem, MAX_WINDOWS_PATH, safeFileName } from '../../../../src-main/core/files/safe-file-name';
import { storageRisk } from '../../../../src-main/core/files/synced-folder';

/**
 * Paths as Windows has them, run through path.win32 as well as POSIX: the folder a letter goes to
 * and the firm name its file is named after. Whatever the row, the letter stays in its folder,
 * under a name every system can store and Word can open.
 */
const SØREN = 'C:\\Users\\Søren Ærø';
const DEEP = `${SØREN}\\OneDrive - Erhvervshus Midtjylland\\Dokumenter\\Virksomheder og sager 2026\\${'Underafdeling med et langt navn\\'.repeat(4)}Breve`;

const FOLDERS = [
  { name: 'a user folder with æøå and a space', win: `${SØREN}\\Documents\\Breve`, posix: '/home/søren ærø/Breve' },
  { name: 'another drive letter', win: 'D:\\Sager', posix: '/mnt/d/Sager' },
  { name: 'a UNC share', win: '\\\\fil01\\konsulenter$\\Søren\\Breve', posix: '/net/fil01/konsulenter/Søren/Breve' },
  { name: 'a long-path prefix', win: '\\\\?\\C:\\Sager\\Breve', posix: '/sager/breve' },
  { name: 'a folder so deep the path passes 260 characters', win: DEEP, posix: DEEP.replaceAll('\\', '/').slice(2) },
] as const;

const FIRMS: ReadonlyArray<{ name: string; firm: string; file: string | RegExp }> = [
  { name: 'æøå and spaces', firm: 'Ådalens Gårdbutik ApS', file: 'Ådalens Gårdbutik ApS' },
  { name: 'a reserved device name', firm: 'CON', file: 'dokument' },
  { name: 'another reserved name', firm: 'nul', file: 'dokument' },
  { name: 'a reserved name with an extension', firm: 'COM1.txt', file: 'dokument' },
  { name: 'a reserved name with trailing dots', firm: 'AUX...', file: 'dokument' },
  { name: 'a reserved name inside a longer name', firm: 'CON Consult ApS', file: 'CON Consult ApS' },
  { name: 'trailing dots and spaces', firm: 'Møllers Maskinfabrik A.S. . ', file: 'Møllers Maskinfabrik A.S' },
  { name: 'a leading dot (hidden elsewhere)', firm: '.Punktum ApS', file: 'Punktum ApS' },
  {
    name: 'separators and drive syntax',
    firm: 'C:\\Windows\\system32 / ..\\..\\ApS',
    file: 'C Windows system32 .. .. ApS',
  },
  { name: 'characters Windows forbids', firm: 'Hvad? Hvor* <Hvem> "Firma" | ApS', file: 'Hvad Hvor Hvem Firma ApS' },
  {
    name: 'a very long name',
    firm: `Det Meget Lange Firmanavn ${'og Søn '.repeat(40)}ApS`,
    file: /^Det Meget Lange Firmanavn og Søn/,
  },
];

describe.each([
  ['Windows', path.win32, 'win'],
  ['POSIX', path.posix, 'posix'],
] as const)('letter paths through path.%s', (_, api, side) => {
  describe.each(FOLDERS)('in $name', (folder) => {
    const dir = folder[side];
    it.each(FIRMS)('for a firm name with $name', ({ firm, file }) => {
      const safe = safeFileName(`${firm}`, 'dokument');
      if (typeof file === 'string') expect(safe).toBe(file);
      else expect(safe).toMatch(file);
      const stem = fitStem(dir, safe, '.docx', api);
      const target = api.join(dir, `${stem} (12).docx`);
      // In its folder, one name deep.
      expect(api.dirname(target)).toBe(api.normalize(dir));
      expect(api.basename(target)).toBe(`${stem} (12).docx`);
      // A name every system stores as it is, without Windows' quiet changes.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no file name may hold.
      expect(stem).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|[. ]$|^[. ]/);
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      // Word can open it, unless the folder alone leaves no room: then the name keeps 20 characters.
      if (api.join(dir, 'x'.repeat(20)).length + 10 < MAX_WINDOWS_PATH)
        expect(target.length).toBeLessThanOrEqual(MAX_WINDOWS_PATH);
      else expect(stem.length).toBeGreaterThanOrEqual(20);
      // Cut at a whole character.
      expect(stem).not.toMatch(/[\uD800-\uDBFF]$/);
    });
  });
});

it('shortens the name of a letter whose path would pass 260 characters, and only that one', () => {
  const long = safeFileName(`Henvisning - Det Meget Lange Firmanavn ${'og Søn '.repeat(12)}ApS - 2026-12-07`);
  expect(path.win32.join(DEEP, `${long}.docx`).length).toBeGreaterThan(260);
  const fitted = fitStem(DEEP, long, '.docx', path.win32);
  expect(path.win32.join(DEEP, `${fitted} (99).docx`).length).toBeLessThanOrEqual(MAX_WINDOWS_PATH);
  expect(long.startsWith(fitted)).toBe(true);
  expect(fitStem(`${SØREN}\\Breve`, long, '.docx', path.win32)).toBe(long);
});

describe('the same paths, for the database', () => {
  it.each([
    [`${SØREN}\\Documents\\Bindeled\\bindeled.db`, null],
    ['D:\\Sager\\bindeled.db', null],
    ['\\\\fil01\\konsulenter$\\Søren\\bindeled.db', 'network'],
    ['\\\\?\\UNC\\fil01\\konsulenter\\bindeled.db', 'network'],
    [`${DEEP}\\bindeled.db`, 'onedrive'],
  ] as const)('%s', (file, kind) => {
    expect(storageRisk(file, { platform: 'win32', env: {}, isNetworkDrive: () => false })?.kind ?? null).toBe(kind);
  });
});
