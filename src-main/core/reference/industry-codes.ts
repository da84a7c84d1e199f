import fs from 'node:fs';
import { INDUSTRY_SYSTEMS, type IndustrySystem } from '../../../src-shared/codes/industry';
import { shippedResource } from '../app/paths';
import { parseCsv } from '../interop/csv/csv-parse';

/**
 * The titles of DB07 and DB25 codes, read from the tables shipped in resources/industry-codes/
 * (their source: SOURCE.md there) the first time a title is asked for, then kept: each table is
 * some 40 KB and 740 codes, and most sessions never need one.
 */
const tables = new Map<IndustrySystem, ReadonlyMap<string, string>>();

function table(system: IndustrySystem): ReadonlyMap<string, string> {
  let codes = tables.get(system);
  if (!codes) {
    const file = shippedResource(`industry-codes/${system.toLowerCase()}.csv`);
    const out = new Map<string, string>();
    let header = true;
    for (const { cells } of parseCsv(fs.readFileSync(file, 'utf8'), ';', file)) {
      if (header) header = false;
      else if (cells[0] && cells[1]) out.set(cells[0], cells[1]);
    }
    codes = out;
    tables.set(system, codes);
  }
  return codes;
}

export function isIndustrySystem(value: unknown): value is IndustrySystem {
  return (INDUSTRY_SYSTEMS as readonly unknown[]).includes(value);
}

/** The Danish title of a 6-digit code in its system, or null when the table has no such code. */
export function industryTitle(system: string | null | undefined, code: string | null | undefined): string | null {
  if (!code || !isIndustrySystem(system)) return null;
  return table(system).get(code) ?? null;
}

export function isKnownIndustryCode(system: IndustrySystem, code: string): boolean {
  return table(system).has(code);
}

/**
 * The system a code that comes without one belongs to: DB07 when only DB07 knows it (a firm
 * registered before 2025 and not recoded since), else `fallback` (DB25 for anything dated from 2025).
 */
export function systemOfCode(code: string | null | undefined, fallback: IndustrySystem): IndustrySystem {
  if (!code) return fallback;
  const in07 = table('DB07').has(code);
  const in25 = table('DB25').has(code);
  if (in07 && !in25) return 'DB07';
  if (in25 && !in07) return 'DB25';
  return fallback;
}
