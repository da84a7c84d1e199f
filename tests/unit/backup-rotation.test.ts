import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../src-main/core/backup/backup-names';
import { backupsToDelete, backupsToKeep, dayKey, isoWeekKey } from '../../src-main/core/backup/rotation';

const at = (iso: string) => ({ at: new Date(iso), label: iso });

function daily(from: string, to: string, time = '03:00:00'): Array<{ at: Date; label: string }> {
  const out = [];
  for (let d = new Date(`${from}T${time}Z`); d <= new Date(`${to}T${time}Z`); d = new Date(d.getTime() + 86_400_000))
    out.push({ at: d, label: d.toISOString() });
  return out;
}

describe('backup rotation: 14 daily + 8 weekly', () => {
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

  it('property: keeps the newest, is idempotent and never keeps more than 24 h + 14 + 8', () => {
    const now = new Date('2024-06-01T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 * 24 }), { maxLength: 120 }), (hoursAgo) => {
        const backups = hoursAgo.map((h, i) => ({ at: new Date(now - h * 3_600_000 - i), i }));
        const kept = backupsToKeep(backups, new Date(now));
        if (backups.length) {
          const newest = backups.reduce((a, b) => (a.at > b.at ? a : b));
          expect(kept.has(newest)).toBe(true);
        }
        const again = backupsToKeep([...kept], new Date(now));
        expect(again.size).toBe(kept.size);
        const recent = backups.filter((b) => now - b.at.getTime() <= 24 * 3_600_000).length;
        expect(kept.size).toBeLessThanOrEqual(recent + 14 + 8);
      }),
    );
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
