import { describe, expect, it } from 'vitest';
import { tempCli } from '../../helpers/cli-run';

const { cli } = tempCli();

describe('companies duplicates and merge in the CLI', () => {
  it('lists a pair, previews a merge without writing, then merges by CVR and id', async () => {
    await cli('companies', 'add', '--name', 'Smedjen i Ørum ApS', '--cvr', '13748136', '--postcode', '8830');
    await cli('companies', 'add', '--name', 'Smedjen i Oerum', '--postcode', '8830', '--phone', '86651234');
    const listed = await cli('companies', 'duplicates');
    expect(listed.out).toBe(
      '1 Smedjen i Ørum ApS  ~  2 Smedjen i Oerum  (Samme navn og postnummer; Uden CVR, samme navn som en registreret virksomhed)',
    );
    const pairs = JSON.parse((await cli('companies', 'duplicates', '--json')).out);
    expect(pairs).toEqual([expect.objectContaining({ keepId: 1, mergeId: 2 })]);

    const dry = await cli('companies', 'merge', '--keep', '13748136', '--merge', '2', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('phone: 86651234 (fra Smedjen i Oerum)');
    expect(dry.out).toContain('Prøvekørsel: intet er ændret.');
    expect(JSON.parse((await cli('companies', 'list', '--json')).out)).toHaveLength(2);

    const done = await cli('companies', 'merge', '--keep', '13748136', '--merge', '2', '--json');
    expect(JSON.parse(done.out)).toMatchObject({ dryRun: false, keepId: 1, mergeId: 2 });
    const rows = JSON.parse((await cli('companies', 'list', '--json')).out);
    expect(rows).toEqual([expect.objectContaining({ id: 1, name: 'Smedjen i Ørum ApS', cvr: '13748136' })]);
    expect((await cli('companies', 'duplicates')).out).toBe('Ingen mulige dubletter.');
  });

  it('refuses to merge a firm with itself, saying why', async () => {
    await cli('companies', 'add', '--name', 'Alfa');
    const r = await cli('companies', 'merge', '--keep', '1', '--merge', '1');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('En virksomhed kan ikke lægges sammen med sig selv');
  });
});
