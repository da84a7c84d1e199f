import type { Database } from 'better-sqlite3';
import { kommuneName } from '../../src-main/core/domain/kommuner';
import type { Random } from '../generate/random';
import { NETWORK_THEMES } from './demo-text';
import type { DemoFirm } from './demo-writers';

/**
 * `inPeriod` networks founded during the programme year, each in one kommune with four to ten of
 * its firms, plus one founded before the year and one after it, which the report must not count.
 */
export function writeDemoNetworks(db: Database, rng: Random, firms: readonly DemoFirm[], inPeriod: number): void {
  const insertNetwork = db.prepare(`INSERT INTO networks(uuid, name, theme, founded_on, facilitator, kommune_code,
      description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMember = db.prepare('INSERT INTO network_members(network_id, company_id, joined_on) VALUES (?, ?, ?)');
  const insertMeeting = db.prepare(
    'INSERT INTO network_meetings(network_id, held_on, place, topic, attendees) VALUES (?, ?, ?, ?, ?)',
  );
  const byKommune = new Map<number, DemoFirm[]>();
  for (const f of firms) byKommune.set(f.kommuneCode, [...(byKommune.get(f.kommuneCode) ?? []), f]);
  const kommuner = [...byKommune.keys()].sort((a, b) => a - b);
  const dates = [
    ...Array.from({ length: inPeriod }, () => rng.date('2010-11-01', '2011-10-10')),
    rng.date('2010-03-01', '2010-09-15'),
    rng.date('2011-10-20', '2011-12-10'),
  ];
  const names = new Set<string>();
  dates.forEach((founded) => {
    const kommune = rng.pick(kommuner);
    const { theme, network } = rng.pick(NETWORK_THEMES);
    const stamp = `${founded}T16:00:00Z`;
    const pool = byKommune.get(kommune) ?? [];
    // "Turismenetværket Lemvig"; a second one of the theme in the kommune gets the year it began.
    const base = `${network} ${kommuneName(kommune) ?? ''}`.trim();
    const name = names.has(base) ? `${base} ${founded.slice(0, 4)}` : base;
    names.add(name);
    const id = Number(
      insertNetwork.run(
        rng.uuid(),
        name,
        theme,
        founded,
        'Lokal erhvervskonsulent',
        kommune,
        `Netværk for virksomheder inden for ${theme.toLowerCase()}.`,
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    const members = new Set<number>();
    const wanted = Math.min(pool.length, rng.int(4, 10));
    while (members.size < wanted) members.add(rng.pick(pool).id);
    for (const m of members) insertMember.run(id, m, founded);
    const meetings = rng.int(1, 4);
    for (let k = 0; k < meetings; k++) {
      const held = new Date(Date.parse(`${founded}T00:00:00Z`) + k * 45 * 86_400_000).toISOString().slice(0, 10);
      insertMeeting.run(id, held, 'Forsamlingshuset', theme, rng.int(3, wanted || 3));
    }
  });
}
