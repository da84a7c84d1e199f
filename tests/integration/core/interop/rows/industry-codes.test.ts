import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importInOneGo } from '../../../../../src-main/core/interop/import-service';
import { openTestStore, type TestStore } from '../../../../helpers/temp-db';

/** A spreadsheet's industry codes: the system each goes in, and codes no table has. */
let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const system = (name: string) =>
  store.db.prepare('SELECT industry_code AS code, industry_system AS system FROM companies WHERE name = ?').get(name);

describe('industry codes in a CSV import', () => {
  it('files each code in the system that has it and imports unknown codes with one warning each', async () => {
    const file = path.join(store.dir, 'firms.csv');
    fs.writeFileSync(
      file,
      [
        'Navn;Branchekode',
        'Frisøren;96.21.00',
        'Autoværkstedet;45.20.10',
        'Gårdbutikken;01.11.00',
        'Ukendt A;12.34.56',
        'Ukendt B;12.34.56',
        'Ukendt C;98.76.54',
      ].join('\n'),
    );
    const done = await importInOneGo(store.db, file);
    expect(done.totals).toMatchObject({ add: 6, invalid: 0 });
    expect(system('Frisøren')).toEqual({ code: '962100', system: 'DB25' });
    expect(system('Autoværkstedet')).toEqual({ code: '452010', system: 'DB07' });
    expect(system('Gårdbutikken')).toEqual({ code: '011100', system: 'DB25' });
    expect(system('Ukendt B')).toEqual({ code: '123456', system: 'DB25' });
    expect(done.warnings).toEqual([
      'Branchekoden 123456 findes ikke i DB25 (linje 5, 6). Virksomheden indlæses med koden, men uden titel.',
      'Branchekoden 987654 findes ikke i DB25 (linje 7). Virksomheden indlæses med koden, men uden titel.',
    ]);
  });
});
