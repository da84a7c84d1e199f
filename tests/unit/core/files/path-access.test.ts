import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantedPaths, unrestrictedPaths } from '../../../../src-main/core/files/path-access';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-paths-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const forbidden = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ key: 'files.pathNotChosen' }));

describe('paths from the window (granted)', () => {
  it('refuses a file nobody chose and allows it once the save dialog returned it', () => {
    const access = grantedPaths();
    const file = path.join(dir, 'eksport.csv');
    forbidden(() => access.writableFile(file, []));
    access.grant('save', file);
    expect(access.writableFile(file, [])).toBe(file);
    // A save choice is one file, not its folder...
    forbidden(() => access.writableFile(path.join(dir, 'andet.csv'), []));
    // ...though the export may add its extension to a name typed without one.
    access.grant('save', path.join(dir, 'liste'));
    expect(access.writableFile(path.join(dir, 'liste.xlsx'), [])).toBe(path.join(dir, 'liste.xlsx'));
  });

  it('allows files anywhere below a chosen folder and the folder itself, nothing beside it', () => {
    const access = grantedPaths();
    const chosen = path.join(dir, 'Breve');
    fs.mkdirSync(chosen);
    access.grant('folder', chosen);
    expect(access.writableFolder(chosen, [])).toBe(chosen);
    expect(access.writableFile(path.join(chosen, 'sub', 'brev.docx'), [])).toBe(path.join(chosen, 'sub', 'brev.docx'));
    forbidden(() => access.writableFile(path.join(chosen, '..', 'Breve-andre', 'brev.docx'), []));
    forbidden(() => access.writableFolder(`${chosen}-x`, []));
    forbidden(() => access.writableFolder(dir, []));
  });

  it('sees through ".." and symbolic links that lead out of a chosen folder', () => {
    const access = grantedPaths();
    const chosen = path.join(dir, 'valgt');
    const outside = path.join(dir, 'udenfor');
    fs.mkdirSync(chosen);
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(chosen, 'genvej'));
    access.grant('folder', chosen);
    forbidden(() => access.writableFile(path.join(chosen, '..', 'udenfor', 'x.csv'), []));
    forbidden(() => access.writableFile(path.join(chosen, 'genvej', 'x.csv'), []));
  });

  it("treats the app's own folders as chosen", () => {
    const access = grantedPaths();
    const docs = path.join(dir, 'Dokumenter');
    expect(access.writableFile(path.join(docs, 'brev.docx'), [docs])).toBe(path.join(docs, 'brev.docx'));
    expect(access.readableFile(path.join(docs, 'upload.csv'), [docs])).toBe(path.join(docs, 'upload.csv'));
  });

  it('reads only files picked in an open or save dialog', () => {
    const access = grantedPaths();
    const picked = path.join(dir, 'kunder.xlsx');
    forbidden(() => access.readableFile(picked, []));
    access.grant('open', picked);
    expect(access.readableFile(picked, [])).toBe(picked);
    // Opening a file does not allow overwriting it.
    forbidden(() => access.writableFile(picked, []));
  });
});

describe('paths typed on the command line', () => {
  it('are the user’s own choice and passed on unchanged for the core to check', () => {
    const access = unrestrictedPaths();
    expect(access.writableFile('rel/x.csv', [])).toBe('rel/x.csv');
    expect(access.readableFile('/etc/hostname', [])).toBe('/etc/hostname');
  });
});
