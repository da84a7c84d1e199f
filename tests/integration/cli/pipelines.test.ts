import { describe, expect, it } from 'vitest';
import { tempCli } from '../../helpers/cli-run';

const { cli } = tempCli();

describe('referrals list and lag list with the pipelines’ filters', () => {
  it('filters by kommune, consultant and status, as text or JSON, and refuses unknown values', async () => {
    await cli('companies', 'add', '--name', 'Alfa Smedje', '--kommune', 'Aarhus', '--consultant', 'Anne Kjær');
    await cli('companies', 'add', '--name', 'Beta Bageri', '--kommune', 'Favrskov');
    expect((await cli('referrals', 'list', '--kommune', 'Aarhus')).out).toBe('0 henvisninger');
    expect((await cli('lag', 'list')).out).toBe('0 LAG-ansøgninger');
    expect(JSON.parse((await cli('lag', 'list', '--json', '--consultant', 'Anne Kjær')).out)).toEqual([]);
    expect((await cli('lag', 'list', '--status', 'sent')).code).toBe(2);
    expect((await cli('lag', 'list', '--consultant', 'Ingen Sådan')).code).toBe(2);
    expect((await cli('referrals', 'list', '--sort', 'skostørrelse')).code).toBe(2);
    expect((await cli('referrals', 'list', '--waiting-days', 'mange')).code).toBe(2);
    expect((await cli('referrals', 'list', '--from', '31.02.2026')).code).toBe(1);
  });
});

describe('companies bulk', () => {
  it('reassigns by filter with a dry run first, refuses bad input with nothing written, and undoes', async () => {
    await cli('companies', 'add', '--name', 'Alfa Smedje', '--kommune', 'Aarhus', '--consultant', 'Anne Kjær');
    await cli('companies', 'add', '--name', 'Beta Bageri', '--kommune', 'Aarhus', '--consultant', 'Anne Kjær');
    await cli('companies', 'add', '--name', 'Gamma Gård', '--kommune', 'Favrskov', '--consultant', 'Bo Lund');
    const dry = await cli('companies', 'bulk', '--filter', 'kommune=Aarhus', '--consultant', 'Bo Lund', '--dry-run');
    expect(dry.out).toBe('Prøvekørsel: 2 af 2 virksomheder ville blive ændret; intet er ændret.');
    const done = await cli('companies', 'bulk', '--filter', 'kommune=Aarhus', '--consultant', 'Bo Lund', '--json');
    expect(JSON.parse(done.out)).toMatchObject({ kind: 'reassign', selected: 2, changed: 2 });
    const byBo = JSON.parse((await cli('companies', 'list', '--json')).out) as Array<{ consultant: string }>;
    expect(byBo.map((c) => c.consultant)).toEqual(['Bo Lund', 'Bo Lund', 'Bo Lund']);

    expect((await cli('companies', 'bulk', '--ids', '1,2', '--consultant', 'Ingen Sådan')).err).toContain(
      'Ukendt konsulent: Ingen Sådan',
    );
    expect((await cli('companies', 'bulk', '--ids', '1', '--status', 'closed')).code).toBe(1);
    expect((await cli('companies', 'bulk', '--filter', 'kommune=Lemvig', '--status', 'contacted')).err).toContain(
      'Ingen virksomheder er valgt',
    );
    expect((await cli('companies', 'bulk', '--ids', '1', '--status', 'closed', '--consultant', 'X')).code).toBe(2);
    expect((await cli('companies', 'bulk', '--status', 'contacted')).code).toBe(2);

    expect((await cli('companies', 'bulk', '--undo')).out).toBe('Fortrudt: 2 virksomheder sat tilbage');
    const back = JSON.parse((await cli('companies', 'list', '--json')).out) as Array<{
      name: string;
      consultant: string;
    }>;
    expect(back.map((c) => c.consultant)).toEqual(['Anne Kjær', 'Anne Kjær', 'Bo Lund']);
  });
});
