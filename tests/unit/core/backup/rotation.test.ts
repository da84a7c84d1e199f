import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../../src-main/core/backup/backup-names';
import {
  backupsToDelete,
  backupsToKeep,
  DEFAULT_ROTATION,
  dayKey,
  isoWeekKey,
  oldestKept,
} from '../../../../src-main/core/backup/rotation';

const WEEK = 7 * 86_400_000;
const at = (iso: string) => ({ at: new Date(iso), label: iso });

function daily(from: string, to: string, time = '03:00:00'): Array<{ at: Date; label: string }> {
  const out = [];
  for (let d = new Date(`${from}T${time}Z`); d <= new Date(`${to}T${time}Z`); d = new Date(d.getTime() + 86_400_000))
    out.push({ at: d, label: d.toISOString() });
  return out;
}

describe('backup rotation: 14 daily + 8 weekly, none older than 8 weeks', () => {
  it('keeps the last 14 days and the newest backup of each of the last 8 weeks', () => {
    const backups = daily('2024-01-23', '2024-05-01');
    const now = new Date('2024-05-01T12:00:00Z');
    const kept = [...backupsToKeep(backups, now)].map((b) => dayKey(b.at)).sort();
    expect(kept).toEqual([
      '2024-03-17',
      '2024-03-24',
      '2024-03-31',
      '2024-04-07',
      '2024-04-14',
      ...Array.from({ length: 14 }, (_, i) => `2024-04-${String(18 + i).padStart(2, '0')}`).filter(
        (d) => d <= '2024-04-30',
      ),
      '2024-05-01',
    ]);
    expect(backupsToDelete(backups, now)).toHaveLength(backups.length - kept.length);
  });

  it('keeps the newest of several backups on one day, and everything from the last 24 hours', () => {
    const backups = [
      at('2024-05-01T08:00:00Z'), // before import, this morning
      at('2024-05-01T09:00:00Z'), // daily
      at('2024-04-29T07:00:00Z'),
      at('2024-04-29T16:00:00Z'),
    ];
    const kept = backupsToKeep(backups, new Date('2024-05-01T15:00:00Z'));
    expect([...kept].map((b) => b.label).sort()).toEqual([
      '2024-04-29T16:00:00Z',
      '2024-05-01T08:00:00Z',
      '2024-05-01T09:00:00Z',
    ]);
  });

  it('counts days that have backups, so a holiday does not empty the folder', () => {
    const backups = [...daily('2024-01-01', '2024-01-20'), ...daily('2024-03-01', '2024-03-02')];
    const kept = [...backupsToKeep(backups, new Date('2024-03-02T12:00:00Z'))].map((b) => dayKey(b.at)).sort();
    // 14 days with backups: 2 in March and the 12 last in January.
    expect(kept.filter((d) => d >= '2024-01-09')).toHaveLength(14);
    expect(kept).toContain('2024-01-09');
  });

  it('uses ISO weeks across a new year', () => {
    expect(isoWeekKey(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekKey(new Date('2021-01-04T12:00:00Z'))).toBe('2021-W01');
    expect(isoWeekKey(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('property: nothing older than the cap survives; the newest is kept when within it; idempotent; at most 24 h + 14 + 8', () => {
    const now = new Date('2024-06-01T00:00:00Z').getTime();
    const cap = now - 8 * WEEK;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 * 24 }), { maxLength: 120 }), (hoursAgo) => {
        const backups = hoursAgo.map((h, i) => ({ at: new Date(now - h * 3_600_000 - i), i }));
        const kept = backupsToKeep(backups, new Date(now));
        for (const b of kept) expect(b.at.getTime()).toBeGreaterThanOrEqual(cap);
        if (backups.length) {
          const newest = backups.reduce((a, b) => (a.at > b.at ? a : b));
          expect(kept.has(newest)).toBe(newest.at.getTime() >= cap);
        }
        expect(backupsToDelete(backups, new Date(now))).toHaveLength(backups.length - kept.size);
        const again = backupsToKeep([...kept], new Date(now));
        expect(again.size).toBe(kept.size);
        const recent = backups.filter((b) => now - b.at.getTime() <= 24 * 3_600_000).length;
        expect(kept.size).toBeLessThanOrEqual(recent + 14 + 8);
      }),
    );
  });
});

describe('backup rotation: the 8-week age cap', () => {
  it('leaves a consultant who opens the app once a month with the backups of the last 8 weeks, not a year of them', () => {
    // The first working day of each month for two years, as the daily backup at start takes them.
    const monthly = Array.from({ length: 24 }, (_, m) => at(new Date(Date.UTC(2022, 6 + m, 1, 8)).toISOString()));
    const now = new Date('2024-06-01T09:00:00Z');
    const kept = [...backupsToKeep(monthly, now)].map((b) => dayKey(b.at)).sort();
    expect(kept).toEqual(['2024-05-01', '2024-06-01']);
    // Without the cap the daily rule alone keeps the 14 days that have a backup, back to May 2023.
    const uncapped = [...backupsToKeep(monthly, now, { ...DEFAULT_ROTATION, maxAgeWeeks: 1000 })].map((b) =>
      dayKey(b.at),
    );
    expect(uncapped.sort()[0]).toBe('2023-05-01');
    expect(oldestKept(now).toISOString()).toBe('2024-04-06T09:00:00.000Z');
  });

  it('deletes even the newest backup once it is past the cap', () => {
    // Away since February: no backup has been taken since, and none is young enough to keep.
    const backups = daily('2024-01-20', '2024-02-10');
    expect(backupsToKeep(backups, new Date('2024-06-01T12:00:00Z')).size).toBe(0);
  });

  it('keeps a backup exactly 8 weeks old, not one a millisecond older', () => {
    const now = new Date('2024-06-01T12:00:00Z');
    const edge = { at: new Date(now.getTime() - 8 * WEEK), label: 'edge' };
    const older = { at: new Date(now.getTime() - 8 * WEEK - 1), label: 'older' };
    expect([...backupsToKeep([edge, older], now)].map((b) => b.label)).toEqual(['edge']);
    expect(DEFAULT_ROTATION.maxAgeWeeks).toBe(8);
  });
});

describe('backup file names', () => {
  it('round-trip the time, schema version and reason', () => {
    const when = new Date('2024-05-01T10:20:30.123Z');
    const name = backupFileName(when, 50, 'before-import');
    expect(name).toBe('bindeled-20240501-102030-123-v50-before-import.db');
    expect(parseBackupFileName(name)).toEqual({ at: when, schemaVersion: 50, reason: 'before-import' });
  });

  it('ignore files that are not backups', () => {
    for (const n of ['notes.txt', 'bindeled.db', 'bindeled-20240501-102030-123-v50-daily.db.partial', 'x-v1-daily.db'])
      expect(parseBackupFileName(n)).toBeNull();
    expect(parseBackupFileName('bindeled-20240501-102030-123-v50-hacked.db')).toBeNull();
  });
});
