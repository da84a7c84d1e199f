import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingNotice, Settings } from '../../../../src-main/api/contract';
import { runCli } from '../../../../src-main/cli/run-cli';
import type { Preflight } from '../../../../src-main/core/documents/document-schema';
import { privacySettings } from '../../../../src-main/core/privacy/privacy-settings';
import { currentActor, getTextSetting } from '../../../../src-main/core/settings/settings-repo';
import { docxText, LETTER_DATE, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

/** What `sqlite3 bindeled.db "UPDATE settings …"` does while Bindeled is closed: no JSON encoding. */
function storeByHand(key: string, raw: string): void {
  store.db
    .prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, raw);
}

const notices = async () => (await store.call('settings.problems')) as SettingNotice[];

describe('settings changed by hand into something Bindeled cannot read', () => {
  it('reads each kind of malformed setting as empty or default, and names it', async () => {
    storeByHand('letterhead.organisation', 'Favrskov Erhverv'); // text without quotes: not JSON
    storeByHand('letterhead.phone', '89641000'); // JSON, but a number
    storeByHand('letterhead.email', '{"a":1}'); // JSON, but an object
    storeByHand('letterhead.address', ''); // nothing at all
    storeByHand('user.name', '42');
    storeByHand('ui.language', 'en'); // the language code without quotes
    storeByHand('privacy.retentionYears', '"fem"');
    storeByHand('privacy.accessLogRetentionYears', '0');
    storeByHand('future.setting', '{not json');
    storeByHand('future.other', '{"any":"json"}'); // a newer version's setting may hold anything
    storeByHand('letterhead.signatureName', '"Anne Kjær"'); // a correct one

    const settings = (await store.call('settings.get')) as Settings;
    expect(settings).toEqual({ 'letterhead.signatureName': 'Anne Kjær' });
    expect(getTextSetting(store.db, 'letterhead.phone')).toBe('');
    expect(privacySettings(store.db)).toEqual({ retentionYears: 5, accessLogRetentionYears: 2 });
    // The audit log's author falls back to the OS user rather than writing a number.
    expect(typeof currentActor(store.db)).toBe('string');
    await store.call('companies.create', { name: 'Smedjen i Ulstrup' });

    const list = await notices();
    expect(list.map((n) => n.key)).toEqual([
      'future.setting',
      'letterhead.address',
      'letterhead.email',
      'letterhead.organisation',
      'letterhead.phone',
      'privacy.accessLogRetentionYears',
      'privacy.retentionYears',
      'ui.language',
      'user.name',
    ]);
    const text = Object.fromEntries(list.map((n) => [n.key, n.message]));
    expect(text['letterhead.organisation']).toBe(
      'Indstillingen "letterhead.organisation" i databasen kan ikke læses: den gemte værdi «Favrskov Erhverv» er ikke JSON (tekst skal stå i anførselstegn, fx "Favrskov Erhverv"). Bindeled bruger en tom værdi, indtil den gemmes igen under Indstillinger.',
    );
    expect(text['letterhead.phone']).toContain('den gemte værdi «89641000» er ikke en tekst');
    expect(text['letterhead.address']).toContain('den gemte værdi «» er ikke JSON');
    expect(text['ui.language']).toContain('«en» er ikke JSON');
    expect(text['ui.language']).toContain('Bindeled bruger dansk');
    expect(text['privacy.retentionYears']).toContain(
      'er ikke et helt antal år fra 1 til 50. Bindeled bruger standardværdien',
    );
    expect(text['user.name']).toContain('«42» er ikke en tekst');

    // Saving the form writes proper JSON again; the notice goes.
    await store.call('settings.update', { 'letterhead.organisation': 'Favrskov Erhverv', 'ui.language': 'da' });
    expect((await notices()).map((n) => n.key)).not.toContain('letterhead.organisation');
    expect((await notices()).map((n) => n.key)).not.toContain('ui.language');
  });

  it('speaks English when the language setting says so', async () => {
    await store.call('settings.update', { 'ui.language': 'en' });
    storeByHand('documents.folder', 'C:\\Dokumenter');
    expect(await notices()).toEqual([
      {
        key: 'documents.folder',
        message:
          'The setting "documents.folder" in the database cannot be read: the stored value «C:\\Dokumenter» is not JSON (text must be in double quotes, e.g. "Favrskov Erhverv"). Bindeled uses the default until it is saved again in Settings.',
      },
    ]);
  });
});

describe('bindeled check', () => {
  async function check(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', store.dbPath, 'check', ...args], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('reports a malformed setting by name and exits 1; passes again once it is fixed', async () => {
    expect((await check()).out).toContain('Indstillinger: ok');
    storeByHand('letterhead.organisation', 'Favrskov Erhverv');
    storeByHand('ui.language', '"fr"');
    const bad = await check();
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Indstillinger: 2 kan ikke læses');
    expect(bad.out).toContain('  Indstillingen "letterhead.organisation" i databasen kan ikke læses');
    expect(bad.out).toContain(
      '  Indstillingen "ui.language" i databasen kan ikke læses: den gemte værdi «"fr"» er hverken "da" eller "en"',
    );
    expect(bad.out.split('\n').at(-1)).toBe('FEJL');
    const json = JSON.parse((await check('--json')).out) as { ok: boolean; settingProblems: Array<{ key: string }> };
    expect(json.ok).toBe(false);
    expect(json.settingProblems.map((p) => p.key)).toEqual(['letterhead.organisation', 'ui.language']);

    storeByHand('letterhead.organisation', '"Favrskov Erhverv"');
    storeByHand('ui.language', '"da"');
    const fixed = await check();
    expect(fixed.code).toBe(0);
    expect(fixed.out.split('\n').at(-1)).toBe('OK');
  });

  it("catches the slip the README warns about, made with the system's sqlite3, and the README's fix", async (ctx) => {
    try {
      execFileSync('sqlite3', ['--version'], { encoding: 'utf8' });
    } catch {
      console.log('skipped: no sqlite3 command on this machine (Debian: apt-get install sqlite3)');
      ctx.skip();
    }
    const sqlite3 = (sql: string) => execFileSync('sqlite3', [store.dbPath, sql]);
    sqlite3("INSERT INTO settings(key, value) VALUES ('letterhead.organisation', 'Favrskov Erhverv')");
    const slip = await check();
    expect(slip.code).toBe(1);
    expect(slip.out).toContain('«Favrskov Erhverv» er ikke JSON');
    sqlite3("UPDATE settings SET value = json_quote('Favrskov Erhverv') WHERE key = 'letterhead.organisation'");
    expect((await check()).code).toBe(0);
    expect(((await store.call('settings.get')) as Settings)['letterhead.organisation']).toBe('Favrskov Erhverv');
  });
});

describe('a letter while a letterhead setting is malformed', () => {
  it('warns in the preflight and makes the letter without that line', async () => {
    const sample = await seedCase(store);
    await setLetterhead(store, false);
    storeByHand('letterhead.address', 'Torvet 3, 8370 Hadsten');
    storeByHand('documents.template.lag', 'C:\\Skabeloner\\lag.docx'); // another kind's template: not this letter's business
    const pre = (await store.call('documents.preflight', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre.ready).toBe(true);
    expect(pre.warnings).toContainEqual({
      code: 'setting.malformed',
      message:
        'Indstillingen "letterhead.address" i databasen kan ikke læses: den gemte værdi «Torvet 3, 8370 Hadsten» er ikke JSON (tekst skal stå i anførselstegn, fx "Favrskov Erhverv"). Bindeled bruger en tom værdi, indtil den gemmes igen under Indstillinger.',
    });
    expect(pre.warnings.map((w) => w.message).join()).not.toContain('documents.template.lag');

    const out = path.join(store.dir, 'breve');
    const doc = (await store.call('documents.generate', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
      folder: out,
      letterDate: LETTER_DATE,
    })) as { path: string };
    const { all } = await docxText(doc.path);
    expect(all).toContain('Favrskov Erhverv');
    expect(all).not.toContain('Torvet 3');
  });

  it('stops at the missing organisation and says why it is missing, instead of an unexpected error', async () => {
    const sample = await seedCase(store);
    await setLetterhead(store, false);
    storeByHand('letterhead.organisation', 'Favrskov Erhverv');
    storeByHand('documents.template.vaeksthus', 'C:\\Skabeloner\\henvisning.docx');
    const pre = (await store.call('documents.preflight', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
    })) as Preflight;
    expect(pre.ready).toBe(false);
    expect(pre.missing.map((m) => m.code)).toEqual(['doc.missing.letterhead']);
    expect(pre.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Indstillingen "letterhead.organisation"'),
        expect.stringContaining('Indstillingen "documents.template.vaeksthus"'),
      ]),
    );
    expect(pre.warnings.find((w) => w.message.includes('documents.template.vaeksthus'))?.message).toContain(
      'Bindeled bruger Bindeleds egen skabelon',
    );
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch('documents.generate', {
      kind: 'vaeksthus',
      companyId: sample.company.id,
      folder: out,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ok ? '' : r.error.message).toContain('Brevpapiret mangler organisationens navn');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});
