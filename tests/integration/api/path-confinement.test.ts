import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShellServices } from '../../../src-main/api/context';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

/**
 * the window may only write (and read) where the user pointed a dialog, or in Bindeled's
 * own folders. A fake shell stands in for the native dialogs and answers what the "user" picks.
 */
let store: TestStore;
let picks: { save?: string; open?: string; folder?: string };
let suggested: string[];
let outside: string;

const dialogs: ShellServices = {
  chooseSave: async ({ defaultName }) => {
    suggested.push(defaultName);
    return picks.save ?? null;
  },
  chooseOpen: async () => picks.open ?? null,
  chooseFolder: async () => picks.folder ?? null,
  openPath: async () => {},
};

beforeEach(() => {
  picks = {};
  suggested = [];
  store = openTestStore({ transport: 'electron', shell: dialogs });
  outside = path.join(store.dir, 'et-andet-sted');
  fs.mkdirSync(outside);
});
afterEach(() => store.close());

async function refused(method: string, input: unknown, shownPath: string) {
  const r = await store.dispatch(method, input);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('forbidden');
  expect(r.error.message).toContain('du selv har valgt');
  expect(r.error.message).toContain(shownPath);
}

describe('exports', () => {
  it('refuse a path no dialog returned and write nothing there', async () => {
    const target = path.join(outside, 'sagsstamme.csv');
    await refused('interop.export', { format: 'csv', path: target }, target);
    await refused('report.exportXlsx', { path: target, from: '2024-01-01', to: '2024-12-31' }, target);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('write to the file the user chose in the save dialog', async () => {
    const target = path.join(outside, 'sagsstamme.csv');
    picks.save = target;
    await store.call('files.chooseSave', { title: 'Gem', defaultName: 'sagsstamme.csv', filters: [] });
    await store.call('interop.export', { format: 'csv', path: target });
    expect(fs.readFileSync(target, 'utf8').length).toBeGreaterThan(0);
  });

  it('suggest a name in the save dialog only as Bindeled makes file names: no path, no bidi control', async () => {
    await store.call('files.chooseSave', { title: 'Gem', defaultName: '../RTL \u202Egnp.exe ApS.docx', filters: [] });
    expect(suggested).toEqual(['RTL gnp.exe ApS.docx']);
  });

  it('refuse a file name that climbs out of a chosen folder', async () => {
    const chosen = path.join(store.dir, 'Eksport');
    fs.mkdirSync(chosen);
    picks.folder = chosen;
    await store.call('files.chooseFolder', { title: 'Vælg mappe' });
    const sneaky = path.join(chosen, '..', 'et-andet-sted', 'x.csv');
    await refused('interop.export', { format: 'csv', path: sneaky }, sneaky);
    await store.call('interop.export', { format: 'csv', path: path.join(chosen, 'x.csv') });
    expect(fs.existsSync(path.join(chosen, 'x.csv'))).toBe(true);
  });

  it("may always go to Bindeled's own documents folder", async () => {
    const docs = path.join(store.dir, 'Dokumenter');
    fs.mkdirSync(docs);
    await store.call('interop.export', { format: 'csv', path: path.join(docs, 'alle.csv') });
    expect(fs.existsSync(path.join(docs, 'alle.csv'))).toBe(true);
  });
});

describe('the documents folder', () => {
  it('takes a folder argument only when the user chose it', async () => {
    await refused('documents.copyTemplate', { kind: 'vaeksthus', folder: outside }, outside);
    expect(fs.readdirSync(outside)).toEqual([]);
    picks.folder = outside;
    await store.call('files.chooseFolder', { title: 'Vælg mappe' });
    const { path: copy } = (await store.call('documents.copyTemplate', { kind: 'vaeksthus', folder: outside })) as {
      path: string;
    };
    expect(path.dirname(copy)).toBe(outside);
  });

  it('can be set in Settings only to a chosen folder, and then letters go there', async () => {
    await refused('settings.update', { 'documents.folder': outside }, outside);
    expect(await store.call('settings.get', {})).not.toHaveProperty('documents.folder');

    picks.folder = outside;
    await store.call('files.chooseFolder', { title: 'Vælg mappe' });
    await store.call('settings.update', { 'documents.folder': outside });
    const { path: copy } = (await store.call('documents.copyTemplate', { kind: 'lag' })) as { path: string };
    expect(path.dirname(copy)).toBe(outside);
  });
});

describe('files read from a path', () => {
  it('import, templates and logo read only a picked file', async () => {
    const secret = path.join(outside, 'hemmelig.csv');
    fs.writeFileSync(secret, 'Navn;CVR\nFirma;12345678\n');
    await refused('interop.inspect', { path: secret }, secret);
    await refused('documents.checkTemplate', { kind: 'lag', path: secret }, secret);
    await refused('documents.setLogo', { path: secret }, secret);
    await refused('settings.update', { 'letterhead.logoPath': secret }, secret);

    picks.open = secret;
    await store.call('files.chooseOpen', { title: 'Åbn', filters: [] });
    const inspected = (await store.call('interop.inspect', { path: secret })) as { headers?: unknown };
    expect(inspected).toBeTruthy();
  });
});

describe('the command line', () => {
  it('writes where the user typed', async () => {
    const cli = openTestStore({ transport: 'cli' });
    try {
      const target = path.join(cli.dir, 'hvorsomhelst', 'x.csv');
      fs.mkdirSync(path.dirname(target));
      await cli.call('interop.export', { format: 'csv', path: target });
      expect(fs.existsSync(target)).toBe(true);
    } finally {
      cli.close();
    }
  });
});
