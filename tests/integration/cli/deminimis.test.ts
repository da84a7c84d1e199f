import { describe, expect, it } from 'vitest';
import { tempCli } from '../../helpers/cli-run';

const { cli } = tempCli();

const add = (date: string, eur: string, ...more: string[]) =>
  cli(
    'deminimis',
    'add',
    '--company',
    '13748136',
    '--date',
    date,
    `--eur=${eur}`,
    '--grantor',
    'Favrskov Kommune',
    ...more,
  );

describe('deminimis in the CLI', () => {
  it('records aid in 2021–2024 and gives the ceiling, aid counted and headroom on each side of 1 January 2024', async () => {
    await cli('companies', 'add', '--name', 'Ådalens Gårdbutik', '--cvr', '13748136');
    for (const year of ['2021', '2022', '2023', '2024']) expect((await add(`01.06.${year}`, '60.000')).code).toBe(0);
    expect((await add('15.03.2024', '5.000,50', '--dkk', '37.302,27', '--sector', 'agriculture')).out).toBe(
      '5.000,50 EUR fra Favrskov Kommune (15.03.2024) er registreret hos Ådalens Gårdbutik',
    );

    const old = JSON.parse((await cli('deminimis', '--company', '13748136', '--on', '31.12.2023', '--json')).out);
    expect(old).toMatchObject({ rule: '1407/2013', ceiling_eur: 200_000, counted_eur: 180_000, headroom_eur: 20_000 });
    expect(old.aid).toHaveLength(5);

    const now = JSON.parse((await cli('deminimis', '--company', '13748136', '--on', '2024-06-01', '--json')).out);
    expect(now).toMatchObject({
      rule: '2023/2831',
      ceiling_eur: 300_000,
      counted_eur: 185_000.5,
      headroom_eur: 114_999.5,
    });
    expect(now.aid.map((a: { date: string; counted: boolean }) => [a.date, a.counted])).toEqual([
      ['2021-06-01', false],
      ['2022-06-01', true],
      ['2023-06-01', true],
      ['2024-03-15', true],
      ['2024-06-01', true],
    ]);
    expect(now.aid[3]).toMatchObject({ eur: 5000.5, dkk: 37302.27, sector: 'agriculture', source: 'manual' });

    const farm = JSON.parse(
      (await cli('deminimis', '--company', '13748136', '--on', '2024-06-01', '--sector', 'agriculture', '--json')).out,
    );
    expect(farm).toMatchObject({ rule: '2019/316', ceiling_eur: 20_000, counted_eur: 5000.5, headroom_eur: 14_999.5 });

    const text = await cli('deminimis', '--company', '13748136', '--on', '2024-06-01');
    expect(text.out).toContain('Forordning (EU) 2023/2831: højst 300.000,00 EUR over enhver periode på tre år');
    expect(text.out).toContain('Plads til 114.999,50 EUR i de minimis-støtte pr. 01.06.2024');
  });

  it('refuses a future date and a negative amount, naming the problem', async () => {
    await cli('companies', 'add', '--name', 'Ådalens Gårdbutik', '--cvr', '13748136');
    const future = await add('01.01.2999', '100');
    expect(future.code).toBe(1);
    expect(future.err).toContain('Datoen ligger i fremtiden');
    const negative = await add('01.01.2022', '-100');
    expect(negative.code).toBe(1);
    expect(negative.err).toContain('Beløbet skal være større end 0');
    expect(JSON.parse((await cli('deminimis', '--company', '13748136', '--json')).out).aid).toEqual([]);
  });
});
