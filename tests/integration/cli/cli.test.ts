import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessLogPage } from '../../../src-main/api/contract';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempCli } from '../../helpers/cli-run';

const { cli, dir } = tempCli();

describe('the CLI', () => {
  it('adds companies and lists them as JSON with their fields', async () => {
    expect(
      (
        await cli(
          'companies',
          'add',
          '--name',
          'Ådalens Gårdbutik',
          '--cvr',
          'DK13748136',
          '--kommune',
          'Favrskov',
          '--owner',
          'Mette',
        )
      ).code,
    ).toBe(0);
    expect((await cli('companies', 'add', '--name', 'Idé uden CVR', '--kommune', '751')).code).toBe(0);
    const listed = await cli('companies', 'list', '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      expect.objectContaining({ name: 'Idé uden CVR', cvr: null, kommune: 'Aarhus' }),
      expect.objectContaining({ name: 'Ådalens Gårdbutik', cvr: '13748136', kommune: 'Favrskov', owner: 'Mette' }),
    ]);
    expect(JSON.parse((await cli('companies', 'list', '--json', '--kommune', 'aarhus')).out)).toHaveLength(1);
  });

  it('names an unknown or missing subcommand and the ones there are, exit 2', async () => {
    const wrong = await cli('companies', 'remove');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('companies: ukendt underkommando remove; brug add, list, duplicates, merge eller bulk');
    const missing = await cli('followups');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('followups: ukendt underkommando (ingen); brug list eller done');
    // A name every object has is not a subcommand.
    expect((await cli('tags', 'toString')).code).toBe(2);
  });

  it('adds a firm with its industry code in the system given, and refuses a code that system lacks', async () => {
    const old = await cli('companies', 'add', '--name', 'Værkstedet', '--industry', '45.20.10', '--json');
    expect(JSON.parse(old.out)).toMatchObject({ industryCode: '452010', industrySystem: 'DB07' });
    const chosen = await cli(
      'companies',
      'add',
      '--name',
      'Gården',
      '--industry',
      '011100',
      '--industry-system',
      'DB07',
    );
    expect(chosen.code).toBe(0);
    const wrong = await cli('companies', 'add', '--name', 'X', '--industry', '452010', '--industry-system', 'DB25');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Branchekoden 452010 findes ikke i DB25');
  });

  it('exits 1 with a Danish message on stderr for rejected input, and saves nothing', async () => {
    const r = await cli('companies', 'add', '--name', 'X', '--cvr', '24256791');
    expect(r.code).toBe(1);
    expect(r.err).toContain('CVR-nummeret 24256791 findes ikke');
    expect(JSON.parse((await cli('companies', 'list', '--json')).out)).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('nonsense')).code).toBe(2);
    expect((await cli('companies', 'add')).code).toBe(2);
    expect((await cli('companies', 'add', '--name', 'X', '--bogus', '1')).code).toBe(2);
    expect((await cli('companies', 'list', '--kommune', 'Atlantis')).code).toBe(2);
    expect(await runCli([], { out: () => {}, err: () => {} })).toBe(2);
  });

  it('runs the integrity check', async () => {
    const r = await cli('check', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: [] });
  });

  it('reports attachment files gone from the attachments folder or changed there, naming firm and attachment', async () => {
    expect((await cli('companies', 'add', '--name', 'Ådalens Gårdbutik', '--cvr', '13748136')).code).toBe(0);
    const attach = async (name: string, content: string) => {
      const file = path.join(dir(), name);
      fs.writeFileSync(file, content);
      const r = await cli('attach', file, '--company', '13748136', '--json');
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as { sha256: string };
    };
    const plan = await attach('forretningsplan.pdf', 'plan');
    const quote = await attach('tilbud.pdf', 'tilbud');
    await attach('regnskab.pdf', 'regnskab');
    expect((await cli('check')).code).toBe(0);
    const stored = (sha: string) => path.join(dir(), 'attachments', sha.slice(0, 2), sha);
    fs.rmSync(stored(plan.sha256));
    fs.writeFileSync(stored(quote.sha256), 'rettet bagefter');

    const r = await cli('check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Bilagsfiler: 2 fejl');
    expect(r.out).toContain(
      `Ådalens Gårdbutik: bilaget forretningsplan.pdf mangler i bilagsmappen (sha256 ${plan.sha256})`,
    );
    expect(r.out).toContain(
      `Ådalens Gårdbutik: filen til bilaget tilbud.pdf er ændret i bilagsmappen (kontrolsummen passer ikke med ${quote.sha256})`,
    );
    expect(r.out).not.toContain('regnskab.pdf');
    const json = JSON.parse((await cli('check', '--json')).out) as { ok: boolean; attachmentProblems: unknown[] };
    expect(json.ok).toBe(false);
    expect(json.attachmentProblems).toEqual([
      expect.objectContaining({ problem: 'missing', name: 'forretningsplan.pdf', company: 'Ådalens Gårdbutik' }),
      expect.objectContaining({ problem: 'changed', name: 'tilbud.pdf', company: 'Ådalens Gårdbutik' }),
    ]);
  });

  it('uses the app database without --db (BINDELED_HOME points it at a folder here)', async () => {
    const out: string[] = [];
    const code = await runCli(['companies', 'list', '--json'], {
      out: (l) => out.push(l),
      err: () => {},
      env: { BINDELED_HOME: dir() },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([]);
  });

  it('goes through the API, so its company look-ups, access requests and copies are in the access log', async () => {
    expect((await cli('companies', 'add', '--name', 'Logget Smedje', '--cvr', '13748136')).code).toBe(0);
    expect((await cli('visits', 'list', '--company', '13748136')).code).toBe(0);
    const file = path.join(dir(), 'ud', 'indsigt.json');
    const request = await cli('privacy', 'access-request', '--company', '13748136', '--out', file);
    expect(request.code).toBe(0);
    expect(request.out).toContain(`Indsigtsfil skrevet: ${file}`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'bindeled-access-request' });
    const copy = path.join(dir(), 'ud', 'kopi.db');
    expect((await cli('backup', '--out', copy)).code).toBe(0);
    const missing = await cli('visits', 'list', '--company', '24256790');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('findes ikke');

    const log = JSON.parse((await cli('privacy', 'log', '--json')).out) as AccessLogPage;
    const lines = log.rows.map((r) => [
      r.transport,
      r.action,
      r.method,
      r.companyId === null ? null : 'firm',
      r.detail,
    ]);
    expect(lines.reverse()).toEqual([
      ['cli', 'read', 'companies.lookup', 'firm', null],
      ['cli', 'read', 'companies.lookup', 'firm', null],
      ['cli', 'access_request', 'privacy.accessRequest', 'firm', `fil: ${file}`],
      ['cli', 'export', 'backups.copy', null, `Fil: ${copy}`],
    ]);
  });

  it('works as a real process through npm run cli, with its exit codes', () => {
    const db = path.join(dir(), 'p.db');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = execFileSync(tsx, ['src-main/cli/main.ts', '--db', db, 'companies', 'add', '--name', 'Proces ApS'], {
      encoding: 'utf8',
    });
    expect(ok).toContain('Oprettet: Proces ApS');
    const bad = spawnSync(tsx, ['src-main/cli/main.ts', '--db', db, 'companies', 'add', '--name', 'Y', '--cvr', '1'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('CVR-nummeret skal have 8 cifre');
  });
});
