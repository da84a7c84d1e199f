import { describe, expect, it } from 'vitest';
import {
  nextReminderAt,
  type ReminderNotice,
  type ReminderSettings,
  reminderNotices,
  startReminders,
} from '../../../../src-shared/reminders/schedule';

/** A clock and timers the test moves by hand. */
function fakeTime(start: Date) {
  let now = start.getTime();
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    now: () => new Date(now),
    setTimer: (run: () => void, ms: number) => {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimer: (h: number) => void timers.delete(h),
    pending: () => [...timers.values()].map((t) => new Date(t.at)),
    /** Moves to the next timer and runs it. */
    advance: () => {
      const [h, t] = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (h === undefined || !t) throw new Error('no timer');
      timers.delete(h);
      now = t.at;
      t.run();
    },
  };
}

const notice = (tag: string): ReminderNotice => ({ tag, title: tag, body: 'Smedjen', route: '/companies/1/followups' });

function run(settings: ReminderSettings, start = new Date(2026, 11, 7, 7, 0)) {
  const clock = fakeTime(start);
  const shown: string[] = [];
  let asked = 0;
  const scheduler = startReminders({
    ...clock,
    settings: async () => settings,
    due: async () => {
      asked++;
      return [notice(`n${asked}`)];
    },
    show: (n) => shown.push(`${n.tag}@${clock.now().getHours()}:${String(clock.now().getMinutes()).padStart(2, '0')}`),
    failed: (err) => {
      throw err;
    },
  });
  return { clock, shown, scheduler };
}

describe('reminders', () => {
  it('are shown at start and then every day at the chosen time', async () => {
    const { clock, shown, scheduler } = run({ enabled: true, time: '08:30' });
    await scheduler.idle();
    expect(shown).toEqual(['n1@7:00']);
    expect(clock.pending()).toEqual([new Date(2026, 11, 7, 8, 30)]);
    clock.advance();
    await scheduler.idle();
    expect(shown).toEqual(['n1@7:00', 'n2@8:30']);
    expect(clock.pending()).toEqual([new Date(2026, 11, 8, 8, 30)]);
  });

  it('wait for tomorrow when the time has passed today', () => {
    expect(nextReminderAt(new Date(2026, 11, 7, 9, 0), '08:30')).toEqual(new Date(2026, 11, 8, 8, 30));
    expect(nextReminderAt(new Date(2026, 11, 7, 8, 30), '08:30')).toEqual(new Date(2026, 11, 8, 8, 30));
    expect(nextReminderAt(new Date(2026, 11, 31, 23, 0), '07:05')).toEqual(new Date(2027, 0, 1, 7, 5));
  });

  it('show nothing and plan nothing when turned off, until Settings turns them on', async () => {
    const settings = { enabled: false, time: '08:00' };
    const { clock, shown, scheduler } = run(settings);
    await scheduler.idle();
    expect(shown).toEqual([]);
    expect(clock.pending()).toEqual([]);
    settings.enabled = true;
    settings.time = '12:00';
    await scheduler.reschedule();
    expect(clock.pending()).toEqual([new Date(2026, 11, 7, 12, 0)]);
    scheduler.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('say what is due and which firm, and open the item', () => {
    const text = (key: string, p: Record<string, string>) => `${key}|${Object.values(p).join('|')}`;
    const notices = reminderNotices(
      [
        { kind: 'followup', id: 4, companyId: 9, company: 'Smedjen i Ry', title: 'Ring', date: '2026-12-07' },
        { kind: 'lag', id: 2, companyId: 5, company: 'Mosteriet', title: 'Presseri', date: '2026-12-10' },
      ],
      text,
      (iso) => iso.split('-').reverse().join('.'),
    );
    expect(notices).toEqual([
      {
        tag: 'bindeled-followup-4-2026-12-07',
        title: 'reminders.followup.title|Ring',
        body: 'Smedjen i Ry',
        route: '/companies/9/followups',
      },
      {
        tag: 'bindeled-lag-2-2026-12-10',
        title: 'reminders.lag.title|Presseri|10.12.2026',
        body: 'Mosteriet',
        route: '/companies/5/referrals',
      },
    ]);
  });
});

describe('a reminder whose settings changed before its time', () => {
  it('is not shown when turned off meanwhile, and follows a new time', async () => {
    const settings = { enabled: true, time: '08:30' };
    const { clock, shown, scheduler } = run(settings);
    await scheduler.idle();
    settings.time = '09:15';
    clock.advance();
    await scheduler.idle();
    expect(shown).toEqual(['n1@7:00']);
    expect(clock.pending()).toEqual([new Date(2026, 11, 7, 9, 15)]);
    settings.enabled = false;
    clock.advance();
    await scheduler.idle();
    expect(shown).toEqual(['n1@7:00']);
    expect(clock.pending()).toEqual([]);
  });
});
