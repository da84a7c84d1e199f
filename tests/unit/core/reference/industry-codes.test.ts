import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { industryTitle, isKnownIndustryCode, systemOfCode } from '../../../../src-main/core/reference/industry-codes';
import { defaultIndustrySystem, industrySection } from '../../../../src-shared/codes/industry';

const csv = (system: string) =>
  fs
    .readFileSync(path.join(__dirname, '../../../../resources/industry-codes', `${system}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);

describe('industry code tables', () => {
  it('gives the title of a code in its own system', () => {
    expect(industryTitle('DB07', '433200')).toBe('Tømrer- og bygningssnedkervirksomhed');
    expect(industryTitle('DB25', '433200')).toBe('Tømrer- og bygningssnedkeraktiviteter');
    expect(industryTitle('DB07', '620100')).toBe('Computerprogrammering');
    expect(industryTitle('DB25', '621000')).toBe('Computerprogrammering');
    // A title with the separator in it survives the quoting.
    expect(industryTitle('DB07', '081200')).toBe('Grus- og sandgravning; indvinding af ler og kaolin');
    expect(industryTitle('DB25', '692000')).toBe('Bogføring og revision; skatterådgivning');
  });

  it('knows a code only in the system that has it', () => {
    // DB25 moved the repair of motor vehicles to division 95; DB07 had it in division 45.
    expect(isKnownIndustryCode('DB25', '953110')).toBe(true);
    expect(isKnownIndustryCode('DB07', '953110')).toBe(false);
    expect(isKnownIndustryCode('DB07', '451120')).toBe(true);
    expect(isKnownIndustryCode('DB25', '451120')).toBe(false);
    // One code, two meanings: market stalls in DB07, the sale of motor vehicles in DB25.
    expect(industryTitle('DB07', '478100')).toBe(
      'Detailhandel med føde-, drikke- og tobaksvarer fra stadepladser og markeder',
    );
    expect(industryTitle('DB25', '478100')).toBe('Detailhandel med motorkøretøjer');
    expect(industryTitle('DB25', '123456')).toBeNull();
    expect(industryTitle('NACE', '011100')).toBeNull();
    expect(industryTitle('DB25', null)).toBeNull();
  });

  it('places a code without a system in the one that has it, else in the fallback', () => {
    expect(systemOfCode('451120', 'DB25')).toBe('DB07');
    expect(systemOfCode('953110', 'DB07')).toBe('DB25');
    expect(systemOfCode('011100', 'DB25')).toBe('DB25');
    expect(systemOfCode('011100', 'DB07')).toBe('DB07');
    expect(systemOfCode('123456', 'DB25')).toBe('DB25');
  });

  it('classifies firms typed in from 2025 in DB25', () => {
    expect(defaultIndustrySystem('2024-12-31')).toBe('DB07');
    expect(defaultIndustrySystem('2025-01-01')).toBe('DB25');
  });

  it('ships every code of both tables, six digits each, once', () => {
    for (const [system, count, divisions] of [
      ['db07', 741, 88],
      ['db25', 738, 87],
    ] as const) {
      const codes = csv(system).map((l) => l.slice(0, 6));
      expect(codes, system).toHaveLength(count);
      expect(new Set(codes).size, system).toBe(count);
      expect(
        codes.every((c) => /^\d{6}$/.test(c)),
        system,
      ).toBe(true);
      expect(new Set(codes.map((c) => c.slice(0, 2))).size, system).toBe(divisions);
    }
  });

  it('maps every DB07 code to the section Statistics Denmark gives it', () => {
    for (const line of csv('db07')) {
      const code = line.slice(0, 6);
      const section = line.match(/;([A-Z]);[^;]*$/)?.[1];
      // 999999 "Uoplyst" is in no NACE section.
      expect(industrySection(code) ?? 'X', code).toBe(section);
    }
  });

  it('maps every DB25 division to a section', () => {
    for (const line of csv('db25')) expect(industrySection(line.slice(0, 6)), line).not.toBeNull();
  });
});
