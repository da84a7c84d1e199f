import { DEMO_PROGRAMME_YEAR } from '../../src-main/core/report/report-settings';
import type { Random } from '../generate/random';

export { DEMO_TARGETS } from '../../src-main/core/report/report-settings';
/** The press release of 17 October 2011 (docs/domain.md), which the demo must reproduce exactly. */
export const DEMO_PERIOD = { ...DEMO_PROGRAMME_YEAR, asOf: DEMO_PROGRAMME_YEAR.to } as const;
/** The seed of the shipped demo file (resources/demo/). */
export const DEMO_SEED = 2011;
/** Firms in the caseload that the year's figures must NOT count (seen before, after or never). */
export const DEMO_EXTRA_FIRMS = { before: 60, after: 20, never: 70 } as const;

/** `count` distinct items drawn from `items` by a seeded partial shuffle. */
export function sample<T>(rng: Random, items: readonly T[], count: number): T[] {
  if (count > items.length) throw new Error(`cannot sample ${count} of ${items.length}`);
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, copy.length - 1);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy.slice(0, count);
}

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const maxIso = (a: string, b: string) => (a > b ? a : b);
export const minIso = (a: string, b: string) => (a < b ? a : b);
