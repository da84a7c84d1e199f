import type { IndustrySystem } from '../../../../src-shared/codes/industry';

const CODES_NAMED = 10;
const LINES_NAMED = 5;

/**
 * Industry codes an import carries that their system's table lacks. The firms are imported (a
 * register or another system wrote the code; the table may simply be older), and the report
 * warns once per code, naming its first lines, instead of once per row.
 */
export class UnknownIndustryCodes {
  private readonly seen = new Map<string, { code: string; system: IndustrySystem; where: string[]; count: number }>();

  note(code: string, system: IndustrySystem, where: number | string | null): void {
    const key = `${system} ${code}`;
    let entry = this.seen.get(key);
    if (!entry) {
      entry = { code, system, where: [], count: 0 };
      this.seen.set(key, entry);
    }
    entry.count++;
    if (where !== null && entry.where.length < LINES_NAMED) entry.where.push(String(where));
  }

  warnings(text: (key: string, params?: Record<string, unknown>) => string): string[] {
    const entries = [...this.seen.values()];
    const out = entries.slice(0, CODES_NAMED).map((e) => {
      const lines = e.where.join(', ');
      const where =
        e.count > e.where.length
          ? text('import.warn.industryWhereMore', { lines, count: e.count - e.where.length })
          : text('import.warn.industryWhereLines', { lines });
      return text('import.warn.industryUnknown', { code: e.code, system: e.system, where });
    });
    if (entries.length > CODES_NAMED)
      out.push(text('import.warn.industryUnknownMore', { count: entries.length - CODES_NAMED }));
    return out;
  }
}
