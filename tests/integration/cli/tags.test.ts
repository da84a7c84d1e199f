import { describe, expect, it } from 'vitest';
import { tempCli } from '../../helpers/cli-run';

const { cli } = tempCli();

describe('tags in the CLI', () => {
  it('puts tags on a firm, lists them, filters the caseload, applies them to many firms and renames and deletes', async () => {
    await cli('companies', 'add', '--name', 'Bøgely Gård', '--cvr', '13748136');
    await cli('companies', 'add', '--name', 'Fjordens Fisk');
    await cli('companies', 'add', '--name', 'Hedens Bryghus');

    const added = await cli('tags', 'add', '--company', '13748136', 'Fødevarer', 'Generationsskifte 2027');
    expect(added).toMatchObject({ code: 0, out: 'Bøgely Gård: Fødevarer; Generationsskifte 2027' });
    expect((await cli('tags', 'remove', '--company', '1', 'generationsskifte 2027')).out).toBe(
      'Bøgely Gård: Fødevarer',
    );

    const dry = await cli('tags', 'apply', '--ids', '1,2,3', '--add', 'fødevarer', '--dry-run');
    expect(dry.out).toBe('Prøvekørsel: tags ville blive ændret på 2 af 3 virksomheder; intet er gemt');
    expect((await cli('tags', 'list')).out).toBe('Fødevarer (1)\nGenerationsskifte 2027 (0)');
    const applied = JSON.parse((await cli('tags', 'apply', '--search', 'fisk', '--add', 'Fødevarer', '--json')).out);
    expect(applied).toEqual({ companies: 1, changed: 1, dryRun: false });
    await cli('tags', 'apply', '--tag', 'FØDEVARER', '--add', 'Netværk Salling');

    const listed = JSON.parse((await cli('companies', 'list', '--tag', 'netværk salling', '--json')).out) as Array<{
      name: string;
      tags: string;
    }>;
    expect(listed.map((r) => [r.name, r.tags])).toEqual([
      ['Bøgely Gård', 'Fødevarer; Netværk Salling'],
      ['Fjordens Fisk', 'Fødevarer; Netværk Salling'],
    ]);

    expect((await cli('tags', 'rename', '--tag', 'fødevarer', '--to', 'Lokale fødevarer')).out).toBe(
      'Tagget «Fødevarer» hedder nu «Lokale fødevarer»',
    );
    expect((await cli('tags', 'delete', '--tag', 'Netværk Salling')).out).toBe(
      'Tagget «Netværk Salling» er slettet (antal virksomheder: 2)',
    );
    expect(JSON.parse((await cli('tags', 'list', '--json')).out)).toEqual([
      { id: 2, name: 'Generationsskifte 2027', companies: 0 },
      { id: 1, name: 'Lokale fødevarer', companies: 2 },
    ]);
  });

  it('says what is wrong with an unknown tag, no selection or nothing to do, and changes nothing', async () => {
    await cli('companies', 'add', '--name', 'Bøgely Gård');
    const unknown = await cli('tags', 'apply', '--tag', 'Ukendt', '--add', 'X');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('Der er intet tag, der hedder «Ukendt»');
    expect((await cli('tags', 'apply', '--add', 'X')).err).toContain(
      'Angiv virksomhederne med --ids, --tag eller --search',
    );
    const nothing = await cli('tags', 'apply', '--ids', '1');
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('Vælg mindst ét tag at tilføje eller fjerne');
    const empty = await cli('tags', 'apply', '--search', 'ingenting', '--add', 'X');
    expect(empty.err).toContain('Ingen virksomheder er valgt');
    expect((await cli('tags', 'list')).out).toBe('Der er ingen tags.');
  });
});
