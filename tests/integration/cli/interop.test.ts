import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { nestDeep } from '../../helpers/interop';
import { tempDir } from '../../helpers/temp-db';

const FIXTURES = path.resolve(__dirname, '../../fixtures/import');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('bindeled-interop-cli-')));
afterEach(() => cleanup());

async function cli(db: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', path.join(dir, db), ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const count = async (db: string) => JSON.parse((await cli(db, 'companies', 'list', '--json')).out).length as number;

describe('bindeled import', () => {
  it('exits 1 with the row report when rows are invalid, and writes nothing', async () => {
    const r = await cli('a.db', 'import', path.join(FIXTURES, 'invalid-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'linje 3: CVR-nr. "24256791": CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)',
    );
    expect(r.err).toContain('linje 8: CVR-nr. "13748136": CVR-nummeret 13748136 står også i linje 2');
    expect(r.out).toContain('Intet er gemt');
    expect(await count('a.db')).toBe(0);
  });

  it('detects a CVR extract and prints its preview as JSON on --dry-run --json, writing nothing', async () => {
    const file = path.join(FIXTURES, 'cvr-extract.jsonl');
    const dry = await cli('a.db', 'import', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ format: 'cvr', clean: true, totals: { add: 4 } });
    expect(await count('a.db')).toBe(0);
    expect((await cli('a.db', 'import', file)).code).toBe(0);
    expect(await count('a.db')).toBe(4);
    const list = JSON.parse((await cli('a.db', 'companies', 'list', '--json')).out) as Array<{ name: string }>;
    expect(list.map((c) => c.name)).toContain('Herning Maskinværksted A/S');
  });

  it('prints the report as JSON on --dry-run --json and writes nothing', async () => {
    const r = await cli('a.db', 'import', path.join(FIXTURES, 'excel-da-windows1252.csv'), '--dry-run', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      separator: ';',
      clean: true,
      totals: { add: 3 },
    });
    expect(await count('a.db')).toBe(0);
  });

  it('imports a good file and exits 0; --skip-invalid imports the valid rows of a bad one', async () => {
    const good = await cli('a.db', 'import', path.join(FIXTURES, 'excel-da-windows1252.csv'));
    expect(good.code).toBe(0);
    expect(good.out).toContain('Importeret.');
    expect(await count('a.db')).toBe(3);
    const skip = await cli('b.db', 'import', path.join(FIXTURES, 'invalid-rows.csv'), '--skip-invalid');
    expect(skip.code).toBe(0);
    expect(await count('b.db')).toBe(1);
  });

  it('refuses an unclosed quote with the line, exit 1', async () => {
    const r = await cli('a.db', 'import', path.join(FIXTURES, 'unclosed-quote.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('linje 3');
  });

  it('refuses a caseload file with a value nested thousands deep, naming record and field, exit 1', async () => {
    await cli('a.db', 'import', path.join(FIXTURES, 'excel-da-windows1252.csv'));
    const file = path.join(dir, 'sager.bindeled.json');
    expect((await cli('a.db', 'export', '--format', 'caseload', '--out', file)).code).toBe(0);
    nestDeep(file, 'city', 100_000, 'companies');
    const r = await cli('b.db', 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Fejl: Sagsfilen sager\.bindeled\.json er ugyldig: posten companies\[0\] har i feltet "city" en værdi, der er indlejret i mere end 32 niveauer \(linje \d+\)/,
    );
    expect(r.err).not.toContain('uventet');
    expect(await count('b.db')).toBe(0);
  });

  it('maps a column by hand with --map and checks its arguments', async () => {
    const file = path.join(dir, 'liste.csv');
    fs.writeFileSync(file, 'Firma;Nummer\nA ApS;13748136\n');
    expect((await cli('a.db', 'import', file, '--map', 'Nummer=cvr')).code).toBe(0);
    expect(JSON.parse((await cli('a.db', 'companies', 'list', '--json')).out)[0]).toMatchObject({
      name: 'A ApS',
      cvr: '13748136',
    });
    expect((await cli('a.db', 'import', file, '--map', 'Ukendt=cvr')).code).toBe(2);
    expect((await cli('a.db', 'import', file, '--separator', 'pipe')).code).toBe(2);
    expect((await cli('a.db', 'import')).code).toBe(2);
  });
});

describe('bindeled export', () => {
  it('exports caseload, csv and xlsx, and the caseload file imports into an empty database', async () => {
    await cli('a.db', 'import', path.join(FIXTURES, 'excel-da-windows1252.csv'));
    for (const format of ['caseload', 'csv', 'xlsx']) {
      const r = await cli('a.db', 'export', '--format', format, '--out', path.join(dir, `ud-${format}`));
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Skrev .* 3 companies/);
    }
    const contacts = await cli(
      'a.db',
      'export',
      '--format',
      'csv',
      '--entity',
      'contacts',
      '--out',
      path.join(dir, 'kontakter.csv'),
    );
    expect(contacts.out).toContain('3 contacts');
    expect(fs.readFileSync(path.join(dir, 'kontakter.csv'), 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFVirksomheds-id;Virksomhed;CVR-nr.;Id;Navn;Rolle;Telefon;E-mail;Er ejer;Oprettet;Ændret',
    );
    const back = await cli('b.db', 'import', path.join(dir, 'ud-caseload.json'));
    expect(back.code).toBe(0);
    expect(await count('b.db')).toBe(3);
  });

  it('filters like the caseload table and refuses a bad format or entity', async () => {
    await cli('a.db', 'import', path.join(FIXTURES, 'excel-da-windows1252.csv'));
    const r = await cli(
      'a.db',
      'export',
      '--format',
      'csv',
      '--kommune',
      'Herning',
      '--out',
      path.join(dir, 'herning.csv'),
      '--json',
    );
    expect(JSON.parse(r.out).counts).toEqual({ companies: 1 });
    expect((await cli('a.db', 'export', '--format', 'pdf', '--out', path.join(dir, 'x'))).code).toBe(2);
    const bad = await cli('a.db', 'export', '--format', 'csv', '--entity', 'kaffe', '--out', path.join(dir, 'x.csv'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Kan ikke eksportere "kaffe". Mulige: companies, contacts, visits');
    const visits = await cli(
      'a.db',
      'export',
      '--format',
      'csv',
      '--entity',
      'visits',
      '--out',
      path.join(dir, 'besoeg.csv'),
    );
    expect(visits.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'besoeg.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^\uFEFFVirksomhed;CVR-nr\.;uuid;date;/,
    );
  });
});
