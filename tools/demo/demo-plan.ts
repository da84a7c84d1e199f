import type { Random } from '../generate/random';

/** The press release of 17 October 2011 (docs/domain.md), which the demo must reproduce exactly. */
export const DEMO_PERIOD = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' } as const;
export const DEMO_TARGETS = {
  companies_contacted: 850,
  referred_vaeksthus: 81,
  vaeksthus_grants: 10,
  lag_applications: 62,
  knowledge_contacts: 118,
  networks_founded: 12,
} as const;
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
